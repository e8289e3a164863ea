"""The summary's structure as data: JSON for other tools, CSV for a spreadsheet.

The same outline as the Word and Markdown summaries. JSON keys stay stable
(event, sections, encounters) and new ones are added (counts, summary,
votes, other_comments, prepared, evaluation). The CSV has one row per quote (identical
notes stacked, "count" of them), then a row per vote option and per evaluation answer
value (with the mean and median, and a row per comment), with headers in the event's
language.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..numbers import decimal
from .structure import ReportData, labels_for
from .outline import Outline, Quote, ThemeBlock, outline


def report_structure(data: ReportData) -> dict[str, Any]:
    labels = labels_for(data)
    plan = outline(data)
    event = data.event
    sections = [_section(q.heading, q.count, q.themes, q.loose) for q in plan.questions]
    if plan.across:
        sections.append(_section(labels["all_themes"], sum(t.count for t in plan.across),
                                 plan.across, None))
    return {"event": {"id": event.id, "name": event.name, "date": event.date,
                      "place": event.place, "organiser": event.organiser,
                      "language": event.language},
            "counts": plan.counts,
            "summary": [{"question": heading, "themes": [
                {"label": t.label, "count": t.count, "quotes": [_note(q) for q in t.highlights]}
                for t in themes]} for heading, themes in plan.summary_themes],
            "sections": sections, "encounters": data.encounters,
            "votes": [_vote(v) for v in data.votes],
            "other_comments": [_note(q) for q in plan.small_talk],
            "evaluation": [_evaluation(item, result) for item, result in data.evaluation
                           if result["n"]],
            "prepared": [{"group": group, "answers": [{"question": heading, **_note(q)}
                                                      for heading, q in answers]}
                         for group, answers in plan.prepared]}


def _section(heading: str, count: int, themes: tuple[ThemeBlock, ...],
             loose: ThemeBlock | None) -> dict[str, Any]:
    body: dict[str, Any] = {"question": heading, "count": count}
    if themes:
        body["themes"] = [{"label": t.label, "other": t.other, "count": t.count,
                           "scope": {"shared": t.shared, "own": t.own},
                           "notes": [_note(q) for q in t.quotes]} for t in themes]
    else:
        body["notes"] = [_note(q) for q in (loose.quotes if loose else ())]
    return body


def _note(quote: Quote) -> dict[str, Any]:
    return {"text": quote.text, "pinned": quote.pinned, "starred": quote.starred,
            "count": quote.count}


def _evaluation(item, result: dict[str, Any]) -> dict[str, Any]:
    """One answered evaluation item: {"prompt", "kind", "n", "labels", "counts", "mean",
    "median", "comments"} (mean and median null for a choice or a comment)."""
    return {"prompt": item.prompt, "kind": item.kind, "n": result["n"],
            "labels": list(result["labels"]), "counts": list(result["counts"]),
            "mean": result["mean"], "median": result["median"],
            "comments": list(result["comments"])}


def _vote(vote: dict[str, Any]) -> dict[str, Any]:
    """The votes contract: {"title", "options": [{"label", "votes"}], "phones", "dots_per_phone"}."""
    return {"title": str(vote.get("title", "")),
            "options": [{"label": str(o.get("label", "")), "votes": int(o.get("votes") or 0)}
                        for o in vote.get("options", [])],
            "phones": int(vote.get("phones") or 0),
            "dots_per_phone": int(vote.get("dots_per_phone") or 0)}


def build_json(data: ReportData) -> str:
    return json.dumps(report_structure(data), ensure_ascii=False, indent=2)


CSV_KEYS = ("part", "question", "theme", "count", "other", "pinned", "starred", "by", "text")


def csv_rows(data: ReportData, plan: Outline | None = None) -> list[dict[str, Any]]:
    """One row per quote in outline order, then the votes (one row per option), then the
    evaluation (one row per answer value, mean, median and comment)."""
    labels = labels_for(data)
    plan = plan or outline(data)
    rows = []
    for question in plan.questions:
        for theme in question.blocks:
            rows += [_row(labels["part_theme"], question.heading, theme.label, q, theme.other)
                     for q in theme.quotes]
    for theme in plan.across:
        rows += [_row(labels["part_theme"], labels["all_themes"], theme.label, q, theme.other)
                 for q in theme.quotes]
    rows += [_row(labels["small_talk"], "", "", q) for q in plan.small_talk]
    rows += [_row(labels["prepared"], heading, "", q) for _g, answers in plan.prepared
             for heading, q in answers]
    for vote in map(_vote, data.votes):
        rows += [_count_row(labels["part_vote"], vote["title"], o["label"], o["votes"])
                 for o in vote["options"]]
    for item, result in data.evaluation:
        rows += _evaluation_rows(labels, _evaluation(item, result), data.event.language)
    return rows


def _count_row(part: str, question: str, theme: str, count: Any, text: str = "") -> dict[str, Any]:
    return {"part": part, "question": question, "theme": theme, "count": count, "other": 0,
            "pinned": 0, "starred": 0, "by": "", "text": text}


def _evaluation_rows(labels: dict[str, str], item: dict[str, Any], language: str) -> list[dict]:
    """An answered item: a row per answer value with its count, the mean and median of a
    scale (in the event's language: 2,67), then a row per comment."""
    if not item["n"]:
        return []
    part, prompt = labels["evaluation"], item["prompt"]
    rows = [_count_row(part, prompt, str(value), count)
            for value, count in zip(item["labels"], item["counts"])]
    rows += [_count_row(part, prompt, labels[key], decimal(item[key], language))
             for key in ("mean", "median") if item[key] is not None]
    return rows + [_count_row(part, prompt, labels["comments"], 1, comment)
                   for comment in item["comments"]]


def _row(part: str, question: str, theme: str, quote: Quote, other: bool = False) -> dict[str, Any]:
    return {"part": part, "question": question, "theme": theme, "count": quote.count,
            "other": int(other), "pinned": int(quote.pinned), "starred": int(quote.starred),
            "by": quote.by, "text": quote.text}


def build_csv(data: ReportData, delimiter: str = ",") -> str:
    """UTF-8 with a BOM for Excel; headers in the event's language; formulas defused."""
    labels = labels_for(data)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([labels[f"csv_{key}"] for key in CSV_KEYS])
    for row in csv_rows(data):
        writer.writerow([_defuse(str(row[key])) for key in CSV_KEYS])
    return "\ufeff" + out.getvalue()


def _defuse(value: str) -> str:
    """Stop a spreadsheet from running a text as a formula (=, +, -, @ at the start)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
