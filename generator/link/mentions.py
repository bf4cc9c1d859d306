"""Where the source paragraphs name an entry."""

from __future__ import annotations

from generator.model import Document, Mention, NameIndex


def find_mentions(documents: list[Document], names: NameIndex) -> list[Mention]:
    """Every place a source paragraph names an entry; a longer name wins over a shorter one."""
    return [
        Mention(key, doc.id, para.key, start, end)
        for doc in documents
        for para in doc.paragraphs
        for start, end, key in names.finditer(para.text)
    ]
