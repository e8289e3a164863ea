"""Benchmarks, all in this package: `facilitator bench timer|notes|room` start the app on
loopback (or use --url) and drive its phones from several client processes (phones.py,
fleet.py), the facilitator from one more; `facilitator bench outside` is the independent
check of those figures (raw WebSocket clients on asyncio, outside.py). Their client
libraries are the `bench` extra (requirements.py says what to install when they are missing).

`server.LiveServer` (a real server subprocess) is here too: the tests use it.
"""
