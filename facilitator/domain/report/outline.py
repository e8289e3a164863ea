"""The report's outline: what goes where, so every renderer tells the same story.

Per question its themes (Övrigt last), each theme's notes stacked ("×6" for
six identical notes) and ranked: pinned first, then featured, then the most
central (sharing the most words with the rest of its theme). The summary
takes the one to three strongest quotes per theme from a fixed budget; the
theme sections then list the rest, so a note's text is printed at most twice
(once in the body, once in the appendix). Small talk and prepared answers
have their own sections and never enter a theme or the summary.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ...models import Note, Theme
from ..duplicates import stack
from ..programme import asked_question_ids
from .structure import ReportData, count_label, labels_for
from ..smalltalk import is_small_talk

# Quotes in the whole summary (at least one per theme, at most three).
SUMMARY_QUOTES = 24
MAX_THEME_QUOTES = 3
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Quote:
    """One text as the report prints it: ``count`` identical notes stacked."""
    text: str
    note_ids: tuple[str, ...]
    pinned: bool = False
    starred: bool = False
    by: str = ""  # the municipality or group of a prepared answer

    @property
    def count(self) -> int:
        return len(self.note_ids)


@dataclass(frozen=True)
class ThemeBlock:
    label: str
    quotes: tuple[Quote, ...]      # ranked, strongest first
    highlights: tuple[Quote, ...] = ()  # the summary's quotes (the first of ``quotes``)
    other: bool = False            # Övrigt, or notes not sorted yet: never in the summary
    shared: int = 0                # notes said to be for the shared work (seed 003's last step)
    own: int = 0                   # ... and for the own municipality's work

    @property
    def count(self) -> int:
        return sum(q.count for q in self.quotes)

    @property
    def rest(self) -> tuple[Quote, ...]:
        return self.quotes[len(self.highlights):]


@dataclass(frozen=True)
class QuestionBlock:
    heading: str
    themes: tuple[ThemeBlock, ...]  # empty when the question has no themes
    loose: ThemeBlock | None = None  # the notes, when there are no themes
    number: int | None = None        # 1, 2, ... in programme order; None for notes without one
    across: int = 0                  # its notes sorted under the themes across all questions

    def title(self, labels: dict[str, str]) -> str:
        """The chapter's heading: "Fråga 2: Vad gör vi redan?"."""
        return f"{labels['question']} {self.number}: {self.heading}" if self.number else self.heading

    @property
    def count(self) -> int:
        return sum(t.count for t in self.blocks)

    def lead(self, labels: dict[str, str]) -> str:
        """The chapter's first line: "38 lappar." and, when the summary quotes some of them,
        that they are not repeated; notes sorted across all questions are said to be there."""
        if not self.count:
            return labels["in_across"].format(n=count_label(self.across, labels)) \
                if self.across else labels["none"]
        line = count_label(self.count, labels)
        if any(t.highlights for t in self.themes):
            line += ". " + labels["in_summary"]
        elif self.across:
            line += ". " + labels["more_across"].format(n=count_label(self.across, labels))
        return line

    @property
    def blocks(self) -> tuple[ThemeBlock, ...]:
        return self.themes + ((self.loose,) if self.loose else ())


@dataclass(frozen=True)
class Outline:
    questions: tuple[QuestionBlock, ...]
    across: tuple[ThemeBlock, ...] = ()        # themes across all questions
    small_talk: tuple[Quote, ...] = ()
    prepared: tuple[tuple[str, tuple[tuple[str, Quote], ...]], ...] = ()  # group, (question, quote)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def summary_themes(self) -> list[tuple[str, list[ThemeBlock]]]:
        """(question, themes) the summary's tables show: real themes only."""
        out = [(q.heading, [t for t in q.themes if not t.other]) for q in self.questions]
        if self.across:
            out.append(("", [t for t in self.across if not t.other]))
        return [(heading, themes) for heading, themes in out if themes]


def outline(data: ReportData) -> Outline:
    labels = labels_for(data)
    room = [n for n in data.notes if not n.prepared]
    pinned = {m.note.id for ts in data.themes.values() for t in ts for m in t.notes if m.pinned}
    chatter = [n for n in room if n.id not in pinned and is_small_talk(n.text)]
    chatter_ids = {n.id for n in chatter}
    findings = [n for n in room if n.id not in chatter_ids]
    in_question_themes = {m.note.id for q, ts in data.themes.items() if q is not None
                          for t in ts for m in t.notes}
    across_ids = {m.note.id for t in data.themes.get(None, []) for m in t.notes} - in_question_themes
    questions = [_question(heading, notes, data.themes.get(qid, []), labels, across_ids, number)
                 for number, (qid, heading, notes) in _by_question(data, findings)]
    across_notes = [n for n in findings if n.id in across_ids]
    across = tuple(_themes(data.themes.get(None, []), across_notes, labels))
    questions, across = _with_highlights(questions, across)
    return Outline(tuple(questions), across, tuple(_stacked(chatter)), _prepared(data, labels),
                   _counts(data, room, questions, across))


def _by_question(data: ReportData, notes: list[Note]):
    """(number, (question id, heading, notes)) in programme order; notes without one last."""
    labels = labels_for(data)
    asked = asked_question_ids(data.questions, data.steps)
    out = [(i, (q.id, q.text if q.id in asked else f"{q.text} ({labels['not_asked']})",
                [n for n in notes if n.question_id == q.id]))
           for i, q in enumerate(data.questions, 1)]
    known = {q.id for q in data.questions}
    loose = [n for n in notes if n.question_id not in known]
    if loose or not out:
        out.append((None, (None, labels["other"] if out else labels["notes"], loose)))
    return out


def _question(heading: str, notes: list[Note], themes: list[Theme], labels: dict[str, str],
              across_ids: set[str], number: int | None) -> QuestionBlock:
    """The question's chapter: its themes, or its notes when it has none; the notes sorted
    across all questions are counted, not repeated (they have a chapter of their own)."""
    mine = [n for n in notes if n.id not in across_ids]
    across = len(notes) - len(mine)
    blocks = _themes(themes, mine, labels)
    if blocks:
        return QuestionBlock(heading, tuple(blocks), None, number, across)
    return QuestionBlock(heading, (), ThemeBlock("", tuple(rank(_stacked(mine)))), number, across)


def _themes(themes: list[Theme], notes: list[Note], labels: dict[str, str]) -> list[ThemeBlock]:
    """Themes with notes (real ones first, Övrigt last), then notes no theme holds yet."""
    if not any(t.notes for t in themes):
        return []
    stacks = _stacked(notes)
    home = {s.note_ids[0]: s for s in stacks}
    placed: set[str] = set()
    out = []
    for theme in sorted(themes, key=lambda t: t.other):
        ids = [m.note.id for m in theme.notes]
        pins = {m.note.id for m in theme.notes if m.pinned}
        quotes = [_pin(home[i], pins) for i in ids if i in home and i not in placed]
        placed.update(q for s in quotes for q in s.note_ids)
        if quotes:
            label = labels["other_theme"] if theme.other else theme.label
            out.append(ThemeBlock(label, tuple(rank(quotes)), other=theme.other))
    rest = [s for s in stacks if s.note_ids[0] not in placed]
    if rest:
        out.append(ThemeBlock(labels["unsorted"], tuple(rank(rest)), other=True))
    scope_of = {n.id: n.scope for n in notes}
    return [_with_scope(block, scope_of) for block in out]


def _with_scope(block: ThemeBlock, scope_of: dict[str, str | None]) -> ThemeBlock:
    scopes = [scope_of.get(i) for q in block.quotes for i in q.note_ids]
    return replace(block, shared=scopes.count("shared"), own=scopes.count("own"))


def scope_line(block: ThemeBlock, labels: dict[str, str]) -> str:
    """The theme's shared/own split as text, or "" when none of its notes said."""
    if not block.shared and not block.own:
        return ""
    return labels["scope_split"].format(shared=block.shared, own=block.own)


def _pin(quote: Quote, pins: set[str]) -> Quote:
    if quote.pinned or not pins & set(quote.note_ids):
        return quote
    return Quote(quote.text, quote.note_ids, True, quote.starred, quote.by)


def _stacked(notes: list[Note]) -> list[Quote]:
    """Identical and near-identical notes as one quote (the oldest text), in arrival order."""
    out = []
    for group in stack([n.text for n in notes]):
        members = [notes[i] for i in group.members]
        first = members[0]
        out.append(Quote(first.text, tuple(n.id for n in members), False,
                         any(n.starred for n in members), first.prepared_by))
    return out


def rank(quotes: list[Quote]) -> list[Quote]:
    """Pinned, then featured, then the most central: the words it shares with the others,
    and how many said it."""
    words = [set(_WORD.findall(q.text.casefold())) for q in quotes]
    df: Counter[str] = Counter()
    for quote, ws in zip(quotes, words):
        for word in ws:
            df[word] += quote.count
    total = sum(q.count for q in quotes)

    def centrality(i: int) -> float:
        quote, ws = quotes[i], words[i]
        shared = sum(df[w] - quote.count for w in ws) / len(ws) if ws else 0.0
        return shared / max(1, total - quote.count) + 0.1 * math.log(quote.count)
    order = sorted(range(len(quotes)),
                   key=lambda i: (not quotes[i].pinned, not quotes[i].starred, -centrality(i), i))
    return [quotes[i] for i in order]


def quota(sizes: list[int], budget: int = SUMMARY_QUOTES) -> list[int]:
    """Quotes per theme for the summary: one each, more for the larger ones, within budget."""
    shares = [min(1, s) for s in sizes]
    left = budget - sum(shares)
    for _round in range(MAX_THEME_QUOTES - 1):
        for i in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
            if left > 0 and shares[i] < min(MAX_THEME_QUOTES, sizes[i]):
                shares[i] += 1
                left -= 1
    return shares


def _with_highlights(questions: list[QuestionBlock], across: tuple[ThemeBlock, ...]):
    themes = [t for q in questions for t in q.themes if not t.other]
    themes += [t for t in across if not t.other]
    shares = dict(zip(map(id, themes), quota([len(t.quotes) for t in themes])))

    def pick(theme: ThemeBlock) -> ThemeBlock:
        chosen = diverse(list(theme.quotes), shares.get(id(theme), 0))
        others = tuple(q for q in theme.quotes if q not in chosen)
        return replace(theme, quotes=tuple(chosen) + others, highlights=tuple(chosen))
    questions = [replace(q, themes=tuple(pick(t) for t in q.themes))
                 for q in questions]
    return questions, tuple(pick(t) for t in across)


def diverse(quotes: list[Quote], n: int, overlap: float = 0.5) -> list[Quote]:
    """The first ``n`` of ranked quotes, skipping one that says nearly what a chosen one
    says (half its words or more shared) while others are left; pinned ones always count."""
    chosen: list[Quote] = []
    words: list[set[str]] = []
    for quote in quotes:
        if len(chosen) == n:
            break
        mine = set(_WORD.findall(quote.text.casefold()))
        if not quote.pinned and any(len(mine & w) >= overlap * len(mine | w) for w in words):
            continue
        chosen.append(quote)
        words.append(mine)
    rest = [q for q in quotes if q not in chosen]
    return chosen + rest[:n - len(chosen)]


def _prepared(data: ReportData, labels: dict[str, str]):
    """Prepared answers per municipality (or group), in question order within each."""
    headings = {q.id: q.text for q in data.questions}
    groups: dict[str, list[tuple[str, Quote]]] = {}
    order = {q.id: i for i, q in enumerate(data.questions)}
    notes = sorted((n for n in data.notes if n.prepared),
                   key=lambda n: order.get(n.question_id, len(order)))
    for note in notes:
        group = " ".join(note.prepared_by.split()) or labels["no_group"]
        quote = Quote(note.text, (note.id,), False, note.starred, note.prepared_by)
        groups.setdefault(group, []).append((headings.get(note.question_id, ""), quote))
    return tuple((g, tuple(groups[g])) for g in sorted(groups, key=str.casefold))


def _counts(data: ReportData, room: list[Note], questions: list[QuestionBlock],
            across: tuple[ThemeBlock, ...]) -> dict[str, int]:
    themes = sum(1 for q in questions for t in q.themes if not t.other)
    respondents = max((s["n"] for _i, s in data.evaluation), default=0)
    return {"notes": len(room), "prepared": len(data.notes) - len(room),
            "questions": len(data.questions), "themes": themes + sum(not t.other for t in across),
            "participants": data.participants, "respondents": respondents,
            "phones": max((int(v.get("phones") or 0) for v in data.votes), default=0)}


def appendix_groups(plan: Outline, labels: dict[str, str]) -> list[tuple[str, list[tuple[str, list[Quote]]]]]:
    """(heading, [(group label, quotes)]): every visible note once, for the record."""
    out = [(q.title(labels), [(t.label, list(t.quotes)) for t in q.blocks if t.quotes])
           for q in plan.questions]
    if plan.across:
        out.append((labels["all_themes"], [(t.label, list(t.quotes)) for t in plan.across]))
    if plan.small_talk:
        out.append((labels["small_talk"], [("", list(plan.small_talk))]))
    if plan.prepared:
        out.append((labels["prepared"], [(group, [q for _h, q in answers])
                                         for group, answers in plan.prepared]))
    return [(heading, groups) for heading, groups in out if groups]
