"""PDF from the Word summary, through LibreOffice headless when it is installed.

The .docx stays the editable original; the PDF is for sending on. LibreOffice
shows a Word contents list as it was saved, so the page numbers come from a
first conversion (pdftotext finds each chapter's page) and a second one
prints them. Each conversion runs with its own throw-away profile, so two
downloads at once do not block each other.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

import docx

TIMEOUT_S = 240
INSTALL_HINT = ("PDF needs LibreOffice. Install it with `sudo apt-get install "
                "libreoffice-writer-nogui` (Debian/Ubuntu), `brew install --cask libreoffice` "
                "(macOS) or from https://www.libreoffice.org; the .docx works without it.")


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed (the message says how to install it) or it failed."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(document: bytes, timeout: float = TIMEOUT_S) -> bytes:
    """One .docx as PDF bytes."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="facilitator-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(document)
        command = [exe, "--headless", "--norestore", "--nolockcheck",
                   f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", tmp, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice took longer than {timeout:.0f} s") from exc
        target = Path(tmp) / "report.pdf"
        if not target.exists():
            raise PdfUnavailable("LibreOffice could not convert the report")
        return target.read_bytes()


def page_texts(pdf: bytes) -> list[str] | None:
    """The text of each page (pdftotext), or None when poppler-utils is not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    done = subprocess.run([exe, "-", "-"], input=pdf, capture_output=True, timeout=60)
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").split("\f")


def chapter_pages(pages: list[str], chapters: list[str]) -> list[int] | None:
    """The page (1-based) each chapter starts on, searching forward; None if one is missing.
    The first page (the contents list itself) is skipped."""
    flat = [" ".join(page.split()) for page in pages]
    found, at = [], 1
    for chapter in chapters:
        key = " ".join(chapter.split())[:60]
        while at < len(flat) and key not in flat[at]:
            at += 1
        if at >= len(flat):
            return None
        found.append(at + 1)
    return found


def chapters_of(document: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(document)).paragraphs
            if p.style is not None and p.style.name == "Heading 1"]


def docx_to_pdf_with_contents(build: Callable[[list[int] | None], bytes]) -> bytes:
    """``build(pages)`` makes the .docx with the contents list's page numbers (None: blank)."""
    first_docx = build(None)
    first = convert(first_docx)
    texts = page_texts(first)
    pages = chapter_pages(texts, chapters_of(first_docx)) if texts else None
    return convert(build(pages)) if pages else first
