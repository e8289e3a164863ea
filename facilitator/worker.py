"""The gunicorn worker for production: gevent-websocket's worker with the connection
handler of `facilitator serve` (webserver.Handler), so a server behind gunicorn gets the
same header and idle timeouts (slowloris clients are cut off) and log lines without client
addresses:

    gunicorn -w 1 -k facilitator.worker.Worker -b 127.0.0.1:5000 facilitator.wsgi:app

The timeouts come from FACILITATOR_HEADER_TIMEOUT_S and FACILITATOR_IDLE_TIMEOUT_S, as for
`facilitator serve`. Needs the prod extra (gunicorn).
"""
from __future__ import annotations

from geventwebsocket.gunicorn.workers import GeventWebSocketWorker

from . import config
from .webserver import configured_handler


class Worker(GeventWebSocketWorker):
    wsgi_handler = configured_handler({**config.DEFAULTS, **config.from_environment()})
