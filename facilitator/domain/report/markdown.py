"""The same summary as Markdown: for an intranet page, an e-mail or a wiki.

The outline of the Word summary: summary tables, the questions' themes,
small talk, prepared answers, votes. Note text is always text: it cannot
add a heading, a rule, a list, a link or HTML (every Markdown character is
escaped, and a line may not start a block).
"""
from __future__ import annotations

import re

from .structure import (ReportData, count_label, encounter_lines, evaluation_legend, labels_for,
                        run_in)
from .outline import Outline, Quote, ThemeBlock, appendix_groups, outline, scope_line

_INLINE = re.compile(r"([\\`*_\[\]<>|#~&])")
# What would start a block at the start of a line: a list, a rule, a setext underline.
_BULLET_START = re.compile(r"^([-+=])")
_NUMBER_START = re.compile(r"^(\d+)([.)])")


def build_markdown(data: ReportData) -> str:
    labels = labels_for(data)
    plan = outline(data)
    lines = [f"# {_line(data.event.name)}", ""] + _facts(data, plan, labels)
    lines += _summary(data, plan, labels)
    if data.steps:
        lines += [f"## {labels['method']}", ""]
        lines += [f"{i}. **{_line(s.title)}** ({round(s.duration_s / 60)} {labels['minutes']})"
                  + (f" – {_line(s.instruction)}" if s.instruction else "")
                  for i, s in enumerate(data.steps, 1)] + [""]
    for question in plan.questions:
        lines += [f"## {_line(question.title(labels))}", "", f"*{question.lead(labels)}*", ""]
        if question.loose is not None:
            lines += _quotes(question.loose.quotes)
        for theme in question.themes:
            lines += _theme(theme, labels)
    if plan.across:
        lines += [f"## {labels['all_themes']}", ""]
        for theme in plan.across:
            lines += _theme(theme, labels)
    lines += _small_talk(plan, labels) + _prepared(plan, labels) + _evaluation(data, labels)
    lines += _appendix(plan, labels)
    return "\n".join(lines).rstrip() + "\n"


def _facts(data: ReportData, plan: Outline, labels: dict[str, str]) -> list[str]:
    event = data.event
    lines = [f"- **{labels[key]}:** {_line(value)}" for key, value in (
        ("date", event.date), ("place", event.place), ("organiser", event.organiser)) if value]
    lines += [f"- **{labels[key]}:** {plan.counts[key]}" for key in (
        "participants", "notes", "themes", "prepared") if plan.counts[key]]
    return lines + [""]


def _summary(data: ReportData, plan: Outline, labels: dict[str, str]) -> list[str]:
    lines = [f"## {labels['summary']}", ""]
    counts = plan.counts
    if counts["themes"]:
        lines += [labels["summary_intro"].format(
            notes=count_label(counts["notes"], labels),
            questions=count_label(counts["questions"], labels, "n_questions"),
            themes=count_label(counts["themes"], labels, "n_themes")), ""]
    for heading, themes in plan.summary_themes:
        lines += [f"### {_line(heading or labels['all_themes'])}", "",
                  f"| {labels['col_theme']} | {labels['col_count']} | {labels['col_quotes']} |",
                  "|---|---:|---|"]
        lines += [f"| {_line(t.label)} | {t.count} | "
                  + "<br>".join(_cell(q) for q in t.highlights) + " |" for t in themes]
        lines.append("")
    for vote in data.votes:
        lines += [f"### {labels['votes']}: {_line(str(vote.get('title', '')))}", ""]
        if vote.get("phones"):
            lines += [f"*{labels['vote_line'].format(phones=vote['phones'], dots=vote.get('dots_per_phone', ''))}*", ""]
        lines += [f"| {labels['col_option']} | {labels['col_dots']} | {labels['col_share']} |",
                  "|---|---:|---:|"]
        total = sum(int(o.get("votes") or 0) for o in vote.get("options", [])) or 1
        lines += [f"| {_line(str(o.get('label', '')))} | {int(o.get('votes') or 0)} | "
                  f"{round(100 * int(o.get('votes') or 0) / total)} % |"
                  for o in sorted(vote.get("options", []), key=lambda o: -int(o.get("votes") or 0))]
        lines.append("")
    answered = [(i, r) for i, r in data.evaluation if r["n"] and r["counts"]]
    if answered:
        lines += [f"### {labels['evaluation']}", ""]
        lines += [f"- **{_line(run_in(i.prompt)).strip()}** "
                  f"{_line(evaluation_legend(i, r, data.event.language, labels))}"
                  for i, r in answered] + [""]
    if encounter_lines(data, labels):
        lines += [f"### {labels['encounters']}", ""] + [" ".join(encounter_lines(data, labels)), ""]
    return lines


def _evaluation(data: ReportData, labels: dict[str, str]) -> list[str]:
    """Per item its figures and its comments (the Word file's chart is a picture)."""
    answered = [(i, r) for i, r in data.evaluation if r["n"]]
    if not answered:
        return []
    lines = [f"## {labels['evaluation']}", ""]
    for item, result in answered:
        lines += [f"### {_line(item.prompt)}", ""]
        if result["counts"]:
            lines += [f"*{_line(evaluation_legend(item, result, data.event.language, labels))}*",
                      ""]
        lines += _quotes_of(result["comments"])
    return lines


def _quotes_of(texts: list[str]) -> list[str]:
    out = [f"- {_line(t)}" for t in texts if t.strip()]
    return out + [""] if out else []


def _appendix(plan: Outline, labels: dict[str, str]) -> list[str]:
    """Every visible note once, a paragraph per theme, as in the Word file's appendix."""
    groups = appendix_groups(plan, labels)
    if not groups:
        return []
    lines = [f"## {labels['appendix']}", "", f"*{labels['appendix_intro']}*", ""]
    for heading, blocks in groups:
        lines += [f"### {_line(heading)}", ""]
        for label, quotes in blocks:
            body = " ▪ ".join(_line(q.text) + (f" ×{q.count}" if q.count > 1 else "")
                              for q in quotes)
            head = f"**{_line(label)} ({sum(q.count for q in quotes)}):** " if label else ""
            lines += [head + body, ""]
    return lines


def _cell(quote: Quote) -> str:
    times = f" (×{quote.count})" if quote.count > 1 else ""
    return f"”{_line(quote.text)}”{times}"


def _theme(theme: ThemeBlock, labels: dict[str, str]) -> list[str]:
    """"### Styrning – 10 lappar" and the quotes the summary did not show."""
    split = scope_line(theme, labels)
    return [f"### {_line(theme.label)} – {count_label(theme.count, labels)}", ""] + \
        ([f"*{split}.*", ""] if split else []) + _quotes(theme.rest)


def _quotes(quotes) -> list[str]:
    out = [_quote(q) for q in quotes]
    return out + [""] if out else []


def _quote(quote: Quote) -> str:
    mark = "**" if quote.pinned or quote.starred else ""
    times = f" (×{quote.count})" if quote.count > 1 else ""
    by = f" – {_line(quote.by)}" if quote.by else ""
    return f"- {mark}{_line(quote.text)}{mark}{times}{by}"


def _small_talk(plan: Outline, labels: dict[str, str]) -> list[str]:
    if not plan.small_talk:
        return []
    return [f"## {labels['small_talk']}", "", f"*{labels['small_talk_intro']}*", ""] + \
        _quotes(plan.small_talk)


def _prepared(plan: Outline, labels: dict[str, str]) -> list[str]:
    if not plan.prepared:
        return []
    lines = [f"## {labels['prepared']}", "", labels["prepared_intro"], ""]
    for group, answers in plan.prepared:
        lines += [f"### {_line(group)}", ""]
        lines += [f"- {_line(text)}: {_line(q.text)}" if text else f"- {_line(q.text)}"
                  for text, q in answers] + [""]
    return lines


def _line(text: str) -> str:
    """One line of text, every Markdown and HTML character escaped."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    """Keep note text as text: no heading, rule, list, link, emphasis or HTML from it."""
    text = _INLINE.sub(r"\\\1", text)
    text = _BULLET_START.sub(r"\\\1", text)
    return _NUMBER_START.sub(r"\1\\\2", text)
