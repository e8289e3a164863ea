"""What a summary report contains, shared by the Word and Markdown renderings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

from typing import Any

from ...models import EvalItem, Event, Note, Question, Step, Theme
from ..numbers import decimal
from .labels import labels_in

@dataclass(frozen=True)
class ReportData:
    """What the report shows. ``notes`` are the visible ones: hidden notes never get here."""
    event: Event
    questions: list[Question] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    logo: bytes | None = None  # PNG or JPEG the organiser uploaded
    evaluation: list[tuple[EvalItem, dict]] = field(default_factory=list)  # (item, summary)
    # Saved themes per question id (None: across all questions), visible notes only.
    themes: dict[int | None, list[Theme]] = field(default_factory=dict)
    # Encounter statistics of the rotation rounds played (None: no rotation).
    encounters: dict | None = None
    # Dot votes, closed or open: {"title", "options": [{"label", "votes"}], "phones",
    # "dots_per_phone"} each (the report JSON's "votes" contract).
    votes: list[dict[str, Any]] = field(default_factory=list)
    participants: int = 0  # people on the registration list, 0 when none was kept

    @property
    def room_notes(self) -> list[Note]:
        return [n for n in self.notes if not n.prepared]

    @property
    def prepared_notes(self) -> list[Note]:
        return [n for n in self.notes if n.prepared]



def labels_for(data: ReportData) -> dict[str, str]:
    return labels_in(data.event.language)


def count_label(n: int, labels: dict[str, str], key: str = "count") -> str:
    """"1 lapp", "12 lappar" (``key`` "n_questions", "n_themes" for questions and themes)."""
    return labels[f"{key}_one"] if n == 1 else labels[key].format(n=n)


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Word files cannot hold C0 control characters: drop them, keep everything else."""
    return _XML_UNSAFE.sub("", text)


def _clean(item):
    changes = {f.name: xml_safe(getattr(item, f.name)) for f in fields(item)
               if isinstance(getattr(item, f.name), str)}
    return replace(item, **changes)


def xml_safe_data(data: ReportData) -> ReportData:
    """The same report data with every text made safe for the .docx XML."""
    evaluation = [(_clean(item), {**summary, "comments": [xml_safe(c) for c in summary["comments"]]})
                  for item, summary in data.evaluation]
    themes = {q: [replace(_clean(t), notes=tuple(replace(m, note=_clean(m.note)) for m in t.notes))
                  for t in ts] for q, ts in data.themes.items()}
    return ReportData(_clean(data.event), [_clean(q) for q in data.questions],
                      [_clean(s) for s in data.steps], [_clean(n) for n in data.notes], data.logo,
                      evaluation, themes, data.encounters, _clean_votes(data.votes),
                      data.participants)


def _clean_votes(votes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**v, "title": xml_safe(str(v.get("title", ""))),
             "options": [{**o, "label": xml_safe(str(o.get("label", "")))}
                         for o in v.get("options", [])]} for v in votes]


def number(value: float, language: str) -> str:
    """2.67 as "2,67" in Swedish (domain/numbers.py, as on every page)."""
    return decimal(value, language)


def encounter_lines(data: ReportData, labels: dict[str, str]) -> list[str]:
    """The rotation's encounter statistics as sentences, or nothing when there was none."""
    stats = data.encounters
    if not stats:
        return []
    language = data.event.language
    return [labels["enc_rounds"].format(rounds=stats["rounds"], people=stats["people"]),
            labels["enc_met"].format(min=stats["met_min"], mean=number(stats["met_mean"], language)),
            labels["enc_repeats"].format(repeats=stats["repeat_encounters"])] + (
        [labels["enc_mixed"].format(tables=round(stats["mixed_tables_share"] * 100),
                                    pairs=round(stats["cross_org_pair_share"] * 100))]
        if stats.get("organisations", 2) > 1 else [])


def run_in(prompt: str) -> str:
    """A prompt as a run-in lead: "Hur nöjd är du? " but "Helhetsbetyg: "."""
    prompt = prompt.strip()
    return f"{prompt} " if prompt[-1:] in "?!.:" else f"{prompt}: "


def evaluation_legend(item: EvalItem, summary: dict, language: str, labels: dict[str, str]) -> str:
    """"n = 9 svar · medelvärde 2,67 · median 3 · 1 = Instämmer inte alls, 4 = Instämmer helt"."""
    parts = [f"n = {summary['n']} {labels['answers']}"]
    if summary["mean"] is not None:
        parts.append(f"{labels['mean']} {number(summary['mean'], language)}")
        parts.append(f"{labels['median']} {number(summary['median'], language)}")
    if item.kind == "scale" and item.low_label:
        parts.append(f"{item.scale_min} = {item.low_label}, {item.scale_max} = {item.high_label}")
    if item.kind == "choice":
        parts.append(", ".join(f"{i + 1} = {o}" for i, o in enumerate(item.options)))
    return " · ".join(parts)
