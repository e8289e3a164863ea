"""The test suite's handle on a real server process (lives in the package for the benchmarks)."""
import time

from facilitator.bench.server import LiveServer, free_port

__all__ = ["LiveServer", "free_port", "wait_for"]


def wait_for(condition, timeout: float = 30.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
