"""How wide a text comes out in the reader's fonts, estimated so that it errs wide: what the
drawings size their boxes by, so that names are shown whole whatever font the system picks."""

from __future__ import annotations

import functools

from PIL import ImageFont

LEADING = 1.3
"""Line height, in font sizes."""
SAFETY = 1.25
"""How much wider than Pillow's font a line may come out in the site's sans-serif fonts (DejaVu
Sans, the widest common one, measures up to 20% wider)."""


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size)


@functools.lru_cache(maxsize=65536)
def text_width(text: str, size: int) -> float:
    """A conservative estimate of how wide ``text`` is at ``size`` px: measured with the font
    Pillow carries, times ``SAFETY``."""
    return _font(size).getlength(text) * SAFETY


def wrap(text: str, size: int, limit: float) -> list[str]:
    """``text`` in lines no wider than ``limit`` where its words allow; words are never cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= limit:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def text_box(x: float, y: float, line: str, size: int, anchor: str = "middle") -> tuple[float, ...]:
    """``(left, top, right, bottom)`` of one line of text whose baseline starts (``start``) or is
    centred (``middle``) at ``x, y``: the estimated width, from ascender to descender."""
    width = text_width(line, size)
    left = x - width / 2 if anchor == "middle" else x
    return (left, y - size, left + width, y + 0.3 * size)
