"""One writer per output format, escaping by construction: each module takes typed values and
returns the file's text, and no other code of the generator writes these formats (an import-linter
contract in pyproject.toml keeps ``csv``, ``bibtexparser``, ``rispy``, ``icalendar`` and, in
``generator.render``, ``json`` here).

- ``table``: CSV (RFC 4180), a text cell that a spreadsheet would read as a formula prefixed with ``'``;
- ``json_text``: JSON, and JSON for a ``<script>`` element (``<``, ``>``, ``&``, ``'`` as ``\\u`` escapes);
- ``bibtex``: biblatex entries, braces, backslashes and LaTeX specials escaped, line breaks folded;
- ``ris``: one line per tag, line breaks folded, one record per entry;
- ``ics``: iCalendar through the icalendar library (its escaping and line folding).
"""
