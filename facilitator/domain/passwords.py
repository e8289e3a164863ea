"""Passwords too common to protect an account, whatever their length.

The list in data/common_passwords.txt holds whole passwords and the words people
build them from; a password is refused when it is on the list, when it is a listed
word with digits or signs added (``Sommar2025!``), when it repeats a few characters
(``abcabcabcabc``), or when it is built from the username.
"""
from __future__ import annotations

import functools
from importlib import resources

DECORATION = "0123456789!?.,;:#@*&%$+=-_ "


@functools.cache
def common_passwords() -> frozenset[str]:
    text = (resources.files("facilitator") / "data" / "common_passwords.txt").read_text(
        encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def is_common(password: str, username: str = "") -> bool:
    """True for a password an attacker would try among the first million guesses."""
    lowered = password.lower()
    listed = common_passwords()
    core = lowered.strip(DECORATION)
    if lowered in listed or core in listed or len(set(lowered)) <= 3:
        return True
    if username and username.lower() in lowered and len(lowered.replace(username.lower(), "")
                                                        .strip(DECORATION)) < 4:
        return True
    return _is_run(lowered)


def _is_run(text: str) -> bool:
    """Digits or letters in a row, up or down (1234567890, 0987654321, abcdefghij)."""
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:])}
    return len(steps) == 1 and steps <= {1, -1}
