"""A request to stop the run (SIGINT, SIGTERM) that cannot be lost on the way.

Python runs a signal's handler in the main thread between two steps of whatever it is doing, and an
exception raised there goes up from that point. When the point is inside a `__del__` method or a
weakref callback (the regex module has them, and the garbage collector runs them anywhere), the
interpreter prints "Exception ignored" and goes on as if nothing had happened: the run would finish
and write its outputs. So the handler records the request before it raises, and the run asks
`check()` between reports and before it puts any output in place."""
from __future__ import annotations

import signal

requested: int | None = None  # the signal that asked for the stop


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that everything on the way out (the pool, the summary's
    children, atomic writes) cleans up as for Ctrl-C. Not an Exception: nothing may swallow it."""


def _stop(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


def request(signum: int, frame: object = None) -> None:
    """The signal handler: remember, then stop here."""
    global requested
    requested = signum
    raise _stop(signum)


def check() -> None:
    """Raise the stop again if one was asked for (its first raise may have been swallowed)."""
    if requested is not None:
        raise _stop(requested)


def reset() -> None:
    global requested
    requested = None
