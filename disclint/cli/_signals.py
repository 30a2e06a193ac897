"""How `check`, `baseline` and `summary` end when they are told to stop: SIGINT (Ctrl-C) exits 130 and
SIGTERM 143 (128 + the signal, as a shell reports it), with no traceback and no partial output file
(every output is written atomically, disclint.atomic, and the pool ends its workers on the way out)."""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that everything on the way out (the pool, the summary's
    children, atomic writes) cleans up as for Ctrl-C. Not an Exception: nothing may swallow it."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


@contextlib.contextmanager
def handled() -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if main else None
    try:
        yield
    except KeyboardInterrupt:
        print("disclint: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        print("disclint: terminated", file=sys.stderr)
        sys.exit(EXIT_TERMINATED)
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
