"""Benchmarks: `facilitator bench timer|notes` start the app on loopback (or use --url),
drive many Socket.IO clients from one gevent process and print the figures.

Import only after `gevent.monkey.patch_all()` (the CLI does that first).
"""
