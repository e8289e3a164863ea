"""Rate limits (Flask-Limiter), who a request comes from, and where the counts live.

- Behind a reverse proxy every request comes from the proxy: with
  FACILITATOR_TRUSTED_PROXIES=N, ProxyFix takes the client's address (and scheme)
  from the last N X-Forwarded-* hops; 0 (the default) ignores those headers, which
  anyone can forge.
- Counts live in memory for one process, or in Redis (FACILITATOR_RATELIMIT_STORAGE,
  else the Redis message queue), so several processes share one limit.
- Join codes: every page that answers differently for a real code counts the wrong
  codes an address tries, in one budget (``CODE_MISSES``). Once it is spent the address
  gets 429 for real codes too, so the refusal says nothing; phones that already joined
  (their session names the code) are let through, so a venue behind one address keeps
  working. Each code also has a ceiling of its own, however many addresses use it.
- Log-in failures count per address and username, so one guesser behind a shared
  address cannot lock out every facilitator; per username across addresses too.
"""
from __future__ import annotations

from typing import Any, Callable

from flask import Flask, g, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from .domain import codes

MAX_TRUSTED_PROXIES = 10
# Wrong join codes one address may try, on all pages together. With 8-character codes
# (31^8 = 8.5e11) and 1,000 events alive at once, a day's 1,000 tries for the 90 days of
# the default retention hit an event with a chance of about 1 in 10,000.
CODE_MISSES = "60 per minute; 1000 per day"
CODE_MISS_SCOPE = "join-code-misses"
SESSION_CODES = "joined"
MAX_REMEMBERED_CODES = 10


def _address() -> str:
    return get_remote_address() or "unknown"


def _code() -> str:
    """The join code a participant page is about (path or query), normalised."""
    raw = (request.view_args or {}).get("code") or request.args.get("code") \
        or request.args.get("event") or ""
    return codes.normalise_join_code(str(raw)[:32])


def _per_code() -> str:
    return f"code:{_code()}"


def _login_name() -> str:
    return str(request.form.get("username", "")).strip().lower()[:64]


def _address_and_name() -> str:
    return f"{_address()}|{_login_name()}"


def _failed(response) -> bool:
    return response.status_code == 401


def _missed(_response) -> bool:
    return bool(g.get("join_code_miss"))


def _joined_before() -> bool:
    return _code() in session.get(SESSION_CODES, [])


def note_join(code: str) -> None:
    """Remember on the phone's session that it got in with ``code`` (see _joined_before)."""
    joined = [c for c in session.get(SESSION_CODES, []) if c != code]
    session[SESSION_CODES] = (joined + [code])[-MAX_REMEMBERED_CODES:]


def note_miss() -> None:
    """This request asked for a join code that does not exist: it counts against CODE_MISSES."""
    g.join_code_miss = True


# (endpoint, limit, key, methods or None for all, deduct only when, exempt when).
Rule = tuple[str, str, Callable[[], str], list[str] | None, Callable | None, Callable | None]
RULES: tuple[Rule, ...] = (
    ("facilitator.login", "10 per minute; 100 per hour", _address_and_name, ["POST"], _failed,
     None),
    ("facilitator.login", "100 per hour", _login_name, ["POST"], _failed, None),
    ("facilitator.login", "300 per minute", _address, ["POST"], None, None),
    ("facilitator.invite", "30 per minute", _address, ["POST"], None, None),
    ("participant.enter_code", "120 per minute", _address, None, None, None),
    ("participant.join", "3000 per minute", _address, None, None, None),
    ("participant.join", "3000 per minute", _per_code, None, None, None),
    ("participant.submit_note", "600 per minute", _address, None, None, None),
    ("participant.submit_note", "3000 per minute", _per_code, None, None, None),
    ("participant.check_in", "600 per minute", _per_code, None, None, None),
    ("participant.prepare", "30 per minute", _address, ["POST"], None, None),
)
# Every page whose answer differs for a real code shares the budget of wrong codes.
CODE_PAGES = ("participant.enter_code", "participant.join", "participant.submit_note",
              "participant.check_in", "participant.privacy", "participant.prepare")


def trusted_proxies(config: dict[str, Any]) -> int:
    raw = config.get("TRUSTED_PROXIES") or 0
    try:
        value = int(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"FACILITATOR_TRUSTED_PROXIES must be a whole number, not {raw!r}") \
            from exc
    if not 0 <= value <= MAX_TRUSTED_PROXIES:
        raise ValueError(f"FACILITATOR_TRUSTED_PROXIES must be 0 to {MAX_TRUSTED_PROXIES}")
    return value


def storage_uri(config: dict[str, Any]) -> str:
    """Where the counts live: the configured storage, else the Redis queue, else memory."""
    if config.get("RATELIMIT_STORAGE"):
        return str(config["RATELIMIT_STORAGE"])
    queue = str(config.get("MESSAGE_QUEUE") or "")
    return queue if queue.startswith(("redis://", "rediss://")) else "memory://"


def check_config(app: Flask) -> None:
    """Refuse a bad FACILITATOR_TRUSTED_PROXIES at start, not at the first request."""
    trusted_proxies(app.config)


def trust_proxies(app: Flask) -> None:
    """Wrap the whole app, Socket.IO included, in ProxyFix for the configured proxy hops.
    Call after SocketIO.init_app, so its middleware is inside."""
    hops = trusted_proxies(app.config)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def init_app(app: Flask) -> Limiter:
    """One Limiter per app (Flask-Limiter keeps its on/off switch on the instance)."""
    # A Redis restart falls back to in-memory counts for its duration instead of failing pages.
    limiter = Limiter(key_func=_address, app=app, storage_uri=storage_uri(app.config),
                      key_prefix="facilitator", in_memory_fallback_enabled=True)
    for endpoint, limit, key, methods, deduct, exempt in RULES:
        app.view_functions[endpoint] = limiter.limit(
            limit, key_func=key, methods=methods, deduct_when=deduct, exempt_when=exempt,
            scope=f"{endpoint}:{key.__name__}")(app.view_functions[endpoint])
    misses = limiter.shared_limit(CODE_MISSES, CODE_MISS_SCOPE, key_func=_address,
                                  deduct_when=_missed, exempt_when=_joined_before)
    for endpoint in CODE_PAGES:
        app.view_functions[endpoint] = misses(app.view_functions[endpoint])
    app.extensions["facilitator_limiter"] = limiter
    return limiter
