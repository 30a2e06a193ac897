"""How `check`, `baseline` and `summary` end when they are told to stop: SIGINT (Ctrl-C) exits 130 and
SIGTERM 143 (128 + the signal, as a shell reports it), with no traceback and no partial output file
(every output is written atomically, disclint.atomic, and the pool ends its workers on the way out).
The handlers are disclint.stopping's, so that a stop whose exception Python swallowed is still
honoured."""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

from .. import stopping

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143


@contextlib.contextmanager
def handled() -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    previous = {}
    if main:
        stopping.reset()
        for sig in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(sig) is not signal.SIG_IGN:  # a background job's Ctrl-C stays ignored
                previous[sig] = signal.signal(sig, stopping.request)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_about_stops(previous_hook)
    try:
        yield
        stopping.check()  # a stop asked for at the very end still ends the run as one
    except KeyboardInterrupt:
        print("disclint: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except stopping.Terminated:
        print("disclint: terminated", file=sys.stderr)
        sys.exit(EXIT_TERMINATED)
    finally:
        sys.unraisablehook = previous_hook
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _quiet_about_stops(hook):
    """Python prints an exception it swallowed ("Exception ignored in …", with a traceback). The stop
    it swallowed is honoured all the same (stopping.check): that one needs no traceback."""
    def unraisable(event) -> None:
        if not (stopping.requested is not None and isinstance(event.exc_value, (KeyboardInterrupt,
                                                                                 stopping.Terminated))):
            hook(event)
    return unraisable
