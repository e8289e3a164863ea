"""A bar chart as a PNG for the Word report, drawn with Pillow (no plotting library needed).

The image holds only digits (values and counts), which Pillow's built-in font
draws on any machine; words such as "Instämmer helt" go in the document's text
beside it, where å, ä and ö are always right and screen readers can read them.
"""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT, MARGIN = 1200, 600, 70
BAR, INK, GRID = (31, 95, 139), (29, 36, 51), (217, 220, 227)


def bar_chart_png(labels: list[str], counts: list[int]) -> bytes:
    """Vertical bars with the count above each and its (short, numeric) label below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    small = ImageFont.load_default(size=24)
    top, bottom = MARGIN, HEIGHT - MARGIN
    draw.line([(MARGIN, bottom), (WIDTH - MARGIN, bottom)], fill=INK, width=3)
    peak = max(counts, default=0) or 1
    slot = (WIDTH - 2 * MARGIN) / max(len(counts), 1)
    for i, (label, count) in enumerate(zip(labels, counts)):
        left = MARGIN + i * slot + slot * 0.15
        right = MARGIN + (i + 1) * slot - slot * 0.15
        height = (bottom - top - 40) * count / peak
        if count:
            draw.rectangle([left, bottom - height, right, bottom], fill=BAR)
        centre = (left + right) / 2
        draw.text((centre, bottom - height - 8), str(count), fill=INK, font=font, anchor="md")
        draw.text((centre, bottom + 10), _fit(label, draw, small, slot * 0.95), fill=INK,
                  font=small, anchor="ma")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _fit(text: str, draw: ImageDraw.ImageDraw, font, width: float) -> str:
    """Shorten a label with an ellipsis until it fits its bar."""
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text
