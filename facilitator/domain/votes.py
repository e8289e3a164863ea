"""Dot votes as pure functions: the facilitator's form, a phone's ballot, the tally.

A phone sends its whole ballot (dots per option) each time it places or
moves a dot, with a sequence number it counts up; the server keeps the
newest ballot per ballot key (one per phone and vote, see phones.py). A resent or late ballot therefore never counts
twice and never undoes a newer one.
"""
from __future__ import annotations

import hashlib
import uuid
from typing import Any, Mapping

from ..models import Vote
from .notes import NoteError

SOURCES = ("themes", "featured", "manual")
MAX_TITLE, MAX_LABEL, MAX_OPTIONS, MAX_DOTS = 200, 200, 30, 20
MAX_SEQ = 2**53


class VoteError(NoteError):
    """A vote or ballot that cannot be taken; ``code`` is stable for clients."""


def clean_vote_form(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(fields, errors) from the facilitator's vote form; options only for typed ones."""
    get = lambda key: str(form.get(key, "") or "").strip()  # noqa: E731
    errors: dict[str, str] = {}
    title, source = get("title"), get("source") or "themes"
    if not title:
        errors["title"] = "required"
    elif len(title) > MAX_TITLE:
        errors["title"] = "too_long"
    if source not in SOURCES:
        errors["source"] = "bad_source"
    options = [line.strip() for line in get("options").splitlines() if line.strip()]
    if source == "manual":
        _check_typed(options, errors)
    dots = _whole(get("dots") or "3", 1, MAX_DOTS, "dots", errors)
    limit = _whole(get("max_per_option") or "0", 0, MAX_DOTS, "max_per_option", errors)
    question = get("question")
    return ({"title": title, "source": source, "dots": dots or 3, "max_per_option": limit or 0,
             "question_id": _whole(question, 1, MAX_SEQ, "question", errors) if question
             and question != "all" else None,
             "results_visible": get("results_visible") in ("1", "on", "true"),
             "step_id": _whole(get("step_id"), 1, MAX_SEQ, "step_id", errors)
             if get("step_id") else None,
             "options": options if source == "manual" else []}, errors)


def _check_typed(options: list[str], errors: dict[str, str]) -> None:
    if not 2 <= len(options) <= MAX_OPTIONS:
        errors["options"] = "bad_options"
    elif any(len(o) > MAX_LABEL for o in options):
        errors["options"] = "too_long"
    elif len({o.casefold() for o in options}) != len(options):
        errors["options"] = "duplicate"


def _whole(raw: str, low: int, high: int, field: str, errors: dict[str, str]) -> int | None:
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        errors[field] = f"bad_{field}"
        return None
    return value


def option_labels(candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(ref, label) to vote on: labels trimmed to MAX_LABEL, the same label only once."""
    seen: set[str] = set()
    out = []
    for ref, label in candidates:
        label = " ".join(label.split())[:MAX_LABEL]
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            out.append((ref, label))
    return out[:MAX_OPTIONS]


def options_digest(options: list[tuple[str, str]]) -> str:
    """A short digest of (ref, label) pairs: tells whether a vote's source changed."""
    text = "\n".join(f"{ref}\t{label}" for ref, label in options)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def ballot_key(payload: Mapping[str, Any]) -> str:
    """The key a ballot is stored under: a UUID. From a phone it is derived by the server
    from the phone's signed key and the vote (usecases.votes.cast), never the payload's."""
    try:
        return str(uuid.UUID(str(payload.get("key", ""))[:64]))
    except ValueError as exc:
        raise VoteError("bad_key", "the vote key must be a UUID") from exc


def clean_ballot(vote: Vote, payload: Mapping[str, Any]) -> tuple[str, int, dict[int, int]]:
    """(ballot key, sequence number, dots per option id) of a phone's ballot, or VoteError."""
    if vote.status != "open":
        raise VoteError("closed", "this vote is closed; the dots were not counted")
    key = ballot_key(payload)
    seq = payload.get("seq", 0)
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= MAX_SEQ:
        raise VoteError("bad_seq", "seq must be a whole number")
    dots = _dots(payload.get("dots"), {o.id for o in vote.options})
    if sum(dots.values()) > vote.dots:
        raise VoteError("too_many_dots", f"at most {vote.dots} dots in this vote")
    if vote.max_per_option and any(n > vote.max_per_option for n in dots.values()):
        raise VoteError("too_many_on_option", f"at most {vote.max_per_option} dots on one option")
    return key, seq, dots


def _dots(raw: object, known: set[int]) -> dict[int, int]:
    if not isinstance(raw, dict) or len(raw) > MAX_OPTIONS:
        raise VoteError("bad_dots", "dots must be an object of option id to a count")
    dots: dict[int, int] = {}
    for option, count in raw.items():
        try:
            option_id = int(option)
        except (TypeError, ValueError):
            option_id = None
        if option_id not in known:
            raise VoteError("unknown_option", "that option is not in this vote")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_DOTS:
            raise VoteError("bad_dots", "a count of dots must be a whole number")
        if count:
            dots[option_id] = count
    return dots


def tally(vote: Vote, counts: Mapping[int, int], phones: int) -> dict[str, Any]:
    """Dots and share per option in the vote's own order, and how many phones voted."""
    total = sum(counts.get(o.id, 0) for o in vote.options)
    return {"id": vote.id, "title": vote.title, "status": vote.status,
            "visible": vote.results_visible, "dots_per_phone": vote.dots,
            "max_per_option": vote.max_per_option, "phones": phones, "dots": total,
            "options": [{"id": o.id, "label": o.label, "votes": counts.get(o.id, 0),
                         "share": round(counts.get(o.id, 0) / total, 4) if total else 0.0}
                        for o in vote.options]}


def shown(tallies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the projector may show: open votes with live bars; a vote whose results are
    hidden only its phone count until it closes; closed ones in full; drafts never."""
    out = []
    for t in tallies:
        if t["status"] == "open" and not t["visible"]:
            t = {**t, "dots": None, "options": [{**o, "votes": None, "share": None}
                                                for o in t["options"]]}
        if t["status"] != "draft":
            out.append(t)
    return out


def ranked(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The options of a tally, most dots first (ties keep the vote's order)."""
    return sorted(result["options"], key=lambda o: -o["votes"])


def public(vote: Vote) -> dict[str, Any]:
    """What a phone needs to vote."""
    return {"id": vote.id, "title": vote.title, "dots": vote.dots,
            "max_per_option": vote.max_per_option,
            "options": [{"id": o.id, "label": o.label} for o in vote.options]}

