"""The picture a link preview shows (``og:image``): each language's site title on a plain card,
a PNG drawn at generation time with the font Pillow carries (no system font, no service), the
same bytes on every run."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from generator.model import Site
from generator.render.output import Page

PATH = "assets/images/social.png"
SIZE = (1200, 630)
"""Width and height, as ``og:image:width`` / ``og:image:height`` in main.html say."""
MARGIN = 80
BACKGROUND, BAR, TEXT = (48, 63, 159), (255, 255, 255), (255, 255, 255)
"""The theme's indigo, and white."""


def images(site: Site) -> list[Page]:
    """``<lang>/assets/images/social.png`` for every language."""
    return [Page(f"{lang}/{PATH}", card(site.config.title[lang])) for lang in site.config.languages]


def card(title: str) -> bytes:
    """The title in the largest size (down to a floor) at which it fits the card."""
    width, height = SIZE
    for size in range(88, 31, -4):
        font = ImageFont.load_default(size=size)
        lines = wrap(title, font, width - 2 * MARGIN)
        leading = round(size * 1.25)
        if len(lines) * leading <= height - 3 * MARGIN:
            break
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((MARGIN, MARGIN, MARGIN + 120, MARGIN + 12), fill=BAR)
    top = (height - len(lines) * leading) // 2 + MARGIN // 4
    for n, line in enumerate(lines):
        draw.text((MARGIN, top + n * leading), line, font=font, fill=TEXT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def wrap(text: str, font, width: int) -> list[str]:
    """Words in lines no wider than ``width`` (a longer word has a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
