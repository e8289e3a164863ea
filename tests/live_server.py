"""The test suite's handle on a real server process (lives in the package for the benchmarks)."""
from facilitator.bench.server import LiveServer, free_port

__all__ = ["LiveServer", "free_port"]
