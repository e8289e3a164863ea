"""Checking an uploaded logo before it goes into the report."""
from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 1024 * 1024
MAX_SIDE = 4000
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LogoError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def check_logo(data: bytes) -> str:
    """The MIME type of a PNG or JPEG of at most 1 MB and 4000 px a side, else LogoError."""
    if not data:
        raise LogoError("logo_empty")
    if len(data) > MAX_BYTES:
        raise LogoError("logo_too_big")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind, size = image.format, image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError,
            ValueError) as exc:
        raise LogoError("logo_not_image") from exc
    if kind not in FORMATS:
        raise LogoError("logo_not_image")
    if max(size) > MAX_SIDE:
        raise LogoError("logo_too_big")
    return FORMATS[kind]
