"""QR codes for the join link, as PNG or SVG bytes."""
from __future__ import annotations

import io

import qrcode
import qrcode.image.svg

FORMATS = ("png", "svg")


def qr_bytes(data: str, fmt: str = "svg", box_size: int = 10) -> bytes:
    """Encode ``data`` with medium error correction and a quiet zone of four modules."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown QR format {fmt!r}; use png or svg")
    if not data:
        raise ValueError("nothing to encode")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M,
                         box_size=box_size, border=4)
    code.add_data(data)
    code.make(fit=True)
    out = io.BytesIO()
    if fmt == "svg":
        code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage).save(out)
    else:
        code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()


def format_for_filename(filename: str) -> str:
    """png or svg, from a file name's extension."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in FORMATS:
        raise ValueError("the output file must end in .png or .svg")
    return ext
