"""The HTTP server of `facilitator serve`: gevent's WSGI server with WebSocket support,
hardened for a room full of phones on an open network.

- Open files: every phone holds a socket, so the soft limit goes up to the hard one
  (1,024 is a common soft limit; 1,100 half-open requests then stopped /healthz).
- Slow requests: a new connection has HEADER_TIMEOUT_S for its request line and headers,
  a kept-alive one IDLE_TIMEOUT_S before its next request; then it is closed. Slowloris
  clients that trickle headers no longer hold sockets for ever. An upgraded WebSocket
  is the application's (Engine.IO pings it).
- Logs: gevent writes malformed requests to the error log with the client's address and
  the socket (which names it too). Here the line keeps the complaint and drops the
  address: no log line may link a request to a person.
"""
from __future__ import annotations

import resource
import sys
from typing import Any

import gevent
from gevent import pywsgi
from geventwebsocket.handler import WebSocketHandler


def raise_open_file_limit() -> tuple[int, int]:
    """Soft limit of open files up to the hard limit; (soft, hard) after."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):  # e.g. an unlimited hard limit the kernel caps lower
        pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)


class Handler(WebSocketHandler):
    """One connection: timeouts on reading requests, log lines without addresses."""

    header_timeout_s = 10.0
    idle_timeout_s = 60.0
    served = 0

    def read_requestline(self) -> str:
        wait = self.idle_timeout_s if self.served else self.header_timeout_s
        self.served += 1
        with gevent.Timeout(wait, False):
            return super().read_requestline()
        return ""  # too slow or idle: the connection is closed without an answer

    def read_request(self, raw_requestline: str) -> Any:
        with gevent.Timeout(self.header_timeout_s, False):
            return super().read_request(raw_requestline)
        raise ValueError("request headers too slow")

    def log_error(self, msg: str, *args: Any) -> None:
        """gevent's error line without the client's address (or the socket that names it)."""
        address = self.client_address
        cleaned = tuple("-" if arg == address or (isinstance(address, tuple) and arg == address[0])
                        else arg for arg in args)
        try:
            message = msg % cleaned if cleaned else msg
        except (TypeError, ValueError):
            message = msg
        self.server.error_log.write(message.replace("(from -) ", "") + "\n")


def configured_handler(settings: Any) -> type[Handler]:
    """The Handler with the timeouts of ``settings`` (an app's config, or the defaults and
    the environment for gunicorn's worker, see worker.py)."""
    return type("ConfiguredHandler", (Handler,), {
        "header_timeout_s": float(settings["HEADER_TIMEOUT_S"]),
        "idle_timeout_s": float(settings["IDLE_TIMEOUT_S"])})


def serve(app: Any, host: str, port: int) -> None:
    """Run ``app`` (its Socket.IO included) until the process is stopped."""
    raise_open_file_limit()
    handler = configured_handler(app.config)
    server = pywsgi.WSGIServer((host, port), app, handler_class=handler, log=None,
                               error_log=sys.stderr)
    server.serve_forever()
