"""Entry point for production serving with gunicorn and the gevent-websocket worker:

    gunicorn -w 1 -k facilitator.worker.Worker \\
        -b 127.0.0.1:5000 facilitator.wsgi:app

One worker per process: Socket.IO keeps a connection on one process, so run more
processes behind a load balancer with sticky sessions and FACILITATOR_MESSAGE_QUEUE
(see docs/deploy.md). Configuration comes from FACILITATOR_* variables.
"""
import os

import gevent
from gevent import monkey

# As in `facilitator serve`: no spawning stack recorded for the greenlet of every event.
if "GEVENT_TRACK_GREENLET_TREE" not in os.environ:
    gevent.config.track_greenlet_tree = False
monkey.patch_all()

from . import create_app
from .serving import start_auto_advance, start_embedding, start_facilitator_recheck, start_purge

app = create_app({"ASYNC_MODE": "gevent"})
start_auto_advance(app)
start_purge(app)
start_facilitator_recheck(app)
start_embedding(app)
