"""Start-up helpers for `facilitator serve`: the LAN address and the printed links."""
from __future__ import annotations

import socket
import sqlite3
import struct

from flask import Flask

from .usecases import accounts, demo_data
from .db import connect
from .links import event_links

SIOCGIFADDR = 0x8915  # Linux ioctl: an interface's IPv4 address


def lan_address() -> str | None:
    """An IPv4 address of this machine that phones on the same network can reach.

    Asks the network interfaces (Linux), then the host's own name resolution;
    no packet is sent anywhere.
    """
    candidates = _interface_addresses() or _resolved_addresses()
    usable = [a for a in candidates if not a.startswith(("127.", "169.254."))]
    return usable[0] if usable else None


def _interface_addresses() -> list[str]:
    try:
        import fcntl
    except ImportError:  # not on Linux/Unix
        return []
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(probe.fileno(), SIOCGIFADDR,
                                     struct.pack("256s", name[:15].encode()))
            except OSError:  # interface without an IPv4 address
                continue
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def _resolved_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return [info[4][0] for info in infos]


def public_url_for(host: str, port: int) -> str:
    """The base URL to put in QR codes when FACILITATOR_PUBLIC_URL is not set."""
    if host in ("0.0.0.0", "::", ""):
        host = lan_address() or "127.0.0.1"
    return f"http://{host}:{port}"


def announce(app: Flask, host: str, port: int) -> None:
    """Print where to point the facilitator's browser, the projector and the phones."""
    local = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::', '') else host}:{port}"
    public = app.config["PUBLIC_URL"]
    print(f"facilitator is running: {local}/f/", flush=True)
    if public.rstrip("/") != local:
        print(f"  phones on the same network: {public}", flush=True)
    db = connect(app.config["DB_PATH"])
    try:
        demo = demo_data.demo_event(db)
    finally:
        db.close()
    if demo:
        local_links = event_links(local, demo, app.config["SECRET_KEY"])
        password = accounts.demo_password(app.config["SECRET_KEY"])
        print(f"  demo event:   {demo.name}", flush=True)
        print(f"  log in as:    {accounts.DEMO_USER} / {password}", flush=True)
        print(f"  facilitator:  {local_links['facilitator_url']}", flush=True)
        print(f"  projector:    {local_links['projector_url']}", flush=True)
        print(f"  join (phone): {event_links(public, demo, app.config['SECRET_KEY'])['join_url']}", flush=True)
    print(f"  database:     {app.config['DB_PATH']}", flush=True)


AUTO_ADVANCE_CHECK_S = 0.2


def run_auto_advance_once(app: Flask) -> list[str]:
    """Advance every event whose step has ended and that asked for it; tell its screens."""
    from .usecases import timing
    from .clock import now_ms
    from .db import get_db

    screens = app.extensions["screens"]
    with app.app_context():
        advanced = timing.advance_due(get_db(), now_ms())
        for event_id in advanced:
            screens.timer(event_id, entered_step=True)
    return advanced


def start_auto_advance(app: Flask) -> None:
    """A background loop for auto-advance; screens still count down on their own."""
    def check() -> None:
        run_auto_advance_once(app)

    keep_running(app, check, AUTO_ADVANCE_CHECK_S, "auto-advance check failed")


def keep_running(app: Flask, work, every_s: float, failure: str, first_wait: bool = True) -> None:
    """Run ``work`` in a background task every ``every_s`` seconds (plus the extra seconds it
    returns, or None); an error is logged with ``failure`` and the next round tries again."""
    socketio = app.extensions["socketio"]

    def loop() -> None:
        wait = every_s if first_wait else 0
        while True:
            socketio.sleep(wait)
            wait = every_s
            try:
                wait += work() or 0
            except sqlite3.OperationalError as exc:  # read-only, locked: one line, next round
                app.logger.warning("%s: database unavailable (%s)", failure,
                                   getattr(exc, "sqlite_errorname", type(exc).__name__))
            except Exception:  # keep the loop alive
                app.logger.exception(failure)

    socketio.start_background_task(loop)


def _with_db(app: Flask, fn):
    """``fn(db)`` on a connection of its own, closed afterwards (for background loops)."""
    db = connect(app.config["DB_PATH"])
    try:
        return fn(db)
    finally:
        db.close()


RECHECK_FACILITATORS_S = 10


def start_facilitator_recheck(app: Flask) -> None:
    """Close control pages whose log-out or revoke happened on another process."""
    handlers = app.extensions["facilitator_handlers"]
    keep_running(app, lambda: handlers.recheck_facilitators() and None, RECHECK_FACILITATORS_S,
                 "facilitator re-check failed")


PURGE_EVERY_S = 3600


def start_purge(app: Flask) -> None:
    """Delete events past their retention period, at start and every hour after."""
    def purge() -> None:
        from .clock import now

        deleted = _with_db(app, lambda db: accounts.purge_expired(db, now().date()))
        if deleted:
            app.logger.info("retention: deleted %d event(s)", len(deleted))

    keep_running(app, purge, PURGE_EVERY_S, "retention purge failed", first_wait=False)


EMBED_EVERY_S = 5


def in_thread(fn, *args):
    """Run CPU-heavy work (clustering, the embedding model) in a real thread under gevent,
    so the sockets of the room keep flowing meanwhile; elsewhere just call it."""
    try:
        from gevent import get_hub, monkey
    except ImportError:
        return fn(*args)
    if not monkey.is_module_patched("threading"):
        return fn(*args)
    return get_hub().threadpool.apply(fn, args)


def embed_pending_once(app: Flask) -> int:
    """Vectors for notes that have none yet, so "Find themes" finds them ready."""
    from .usecases import note_vectors

    return _with_db(app, note_vectors.embed_pending)


def start_embedding(app: Flask) -> None:
    """Every few seconds, embed new notes (only when the optional model is installed);
    twice as long between rounds that found nothing to do."""
    keep_running(app, lambda: EMBED_EVERY_S if in_thread(embed_pending_once, app) == 0 else 0,
                 EMBED_EVERY_S, "embedding new notes failed")
