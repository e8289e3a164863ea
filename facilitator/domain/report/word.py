"""Word plumbing for the report: page setup, fields, the contents list, tables.

Only python-docx and the document's XML; what the report says lives in
docx.py. Built-in styles throughout (Title, Heading 1-2, List Bullet,
Light List Accent 1), so an organiser can restyle the whole document.
"""
from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

BODY_PT = 11
FONT = "Calibri"  # LibreOffice uses the metric-compatible Carlito (fonts-crosextra-carlito)
_FONT_STYLES = ("Normal", "List Bullet", "List Number", "Title", "Subtitle", "Heading 1",
                "Heading 2", "TOC Heading", "Light List Accent 1")
TEXT_WIDTH_CM = 17.0
TABLE_STYLE = "Light List Accent 1"


def page_setup(doc) -> None:
    """A4, 2 cm margins, 11 pt body, tight list spacing."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    for name in _FONT_STYLES:
        _set_font(doc.styles[name])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("List Bullet", "List Number"):
        doc.styles[name].paragraph_format.space_after = Pt(0)
        doc.styles[name].paragraph_format.line_spacing = 1.0  # quotes: one line each, tight
    for name, size in (("Heading 1", 15), ("Heading 2", 12.5)):
        doc.styles[name].font.size = Pt(size)
        doc.styles[name].paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)


def _set_font(style) -> None:
    """One font for the whole document, also where the template points at the theme's."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{key}"), None)
    for key in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{key}"), FONT)


def add_field(paragraph, code: str, cached: str = "", size: float | None = None) -> None:
    """A Word field (PAGE, NUMPAGES, PAGEREF ...) with ``cached`` shown until it is updated."""
    def run_with(element):
        run = paragraph.add_run()
        if size:
            run.font.size = Pt(size)
        run._r.append(element)
        return run
    run_with(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run_with(instr)
    run_with(_fld_char("separate"))
    shown = paragraph.add_run(cached)
    if size:
        shown.font.size = Pt(size)
    run_with(_fld_char("end"))


def _fld_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def bookmark(paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def contents(doc, entries: list[tuple[str, str, str]]) -> None:
    """A TOC field over Heading 1 whose shown result already lists ``entries``
    (text, bookmark, page): Word refreshes it on opening (updateFields),
    LibreOffice shows it as it is and refreshes it with Tools > Update."""
    paragraphs = []
    for text, mark, page in entries or [("", "", "")]:
        para = doc.add_paragraph(style=_toc_style(doc))
        para.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT,
                                                     WD_TAB_LEADER.DOTS)
        para.paragraph_format.space_after = Pt(2)
        paragraphs.append((para, text, mark, page))
    first, last = paragraphs[0][0], paragraphs[-1][0]
    first.add_run()._r.append(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-1" \\h \\z \\u '
    first.add_run()._r.append(instr)
    first.add_run()._r.append(_fld_char("separate"))
    for para, text, mark, page in paragraphs:
        para.add_run(f"{text}\t")
        if mark:
            add_field(para, f"PAGEREF {mark} \\h", page)
    last.add_run()._r.append(_fld_char("end"))
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _toc_style(doc):
    try:
        return doc.styles["toc 1"]
    except KeyError:
        return doc.styles["Normal"]


def header_and_footer(doc, title: str, page_word: str) -> None:
    """The event's name in the header; "Sida 3 av 9" in the footer (fields)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = head.add_run(title)
    run.font.size = Pt(9)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(f"{page_word} ").font.size = Pt(9)
    add_field(foot, "PAGE", "1", 9)
    foot.add_run(" / ").font.size = Pt(9)
    add_field(foot, "NUMPAGES", "1", 9)


def table(doc, header: list[str], rows: list[list[str | list[str]]], widths_cm: list[float],
          size: float = 10) -> None:
    """A built-in-styled table; a cell given as a list holds one paragraph per item."""
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = doc.styles[TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    for cell, text in zip(grid.rows[0].cells, header):
        _fill(cell, [text], size, bold=True)
    for row in rows:
        added = grid.add_row()
        _keep_together(added)
        for cell, value in zip(added.cells, row):
            _fill(cell, value if isinstance(value, list) else [value], size)
    for column, width in zip(grid.columns, widths_cm):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    _repeat_header(grid.rows[0])


def _fill(cell, texts: list[str], size: float, bold: bool = False) -> None:
    para = cell.paragraphs[0]
    for i, text in enumerate(texts):
        if i:
            para = cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold or None


def _keep_together(row) -> None:
    """A row is not split over two pages (a quote cut in half reads as two)."""
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    props.append(element)


def set_language(doc, tag: str) -> None:
    """Tag the default run style so spelling and hyphenation use the right language."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
