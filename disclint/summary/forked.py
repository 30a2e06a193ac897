"""Work done by a forked child process while this one goes on: the child sees this process's data
as it is (copy-on-write, nothing pickled on the way in) and only its result travels back, pickled
through a pipe. The summary checks half of the report pairs this way, and writes summary.xlsx in a
child that starts with the lint and is sent the rows as the reports come in (its inbox)."""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _End:
    """Sent last to an inbox (a class, so that no message can be mistaken for it)."""


class Child:
    """`work` running in a forked child (POSIX only: see fork_available).

    With inbox=True it is called as work(messages), an iterator over what this process send()s,
    ending when result() is called."""

    def __init__(self, work: Callable[..., Any], what: str, *, inbox: bool = False):
        context = multiprocessing.get_context("fork")
        self.what = what
        self._receive, send = context.Pipe(duplex=False)
        inbox_receive, self._inbox = context.Pipe(duplex=False) if inbox else (None, None)
        self._gone = False  # the child has ended or failed: messages are dropped, result() says why
        self._process = context.Process(target=_run, args=(work, send, inbox_receive, os.getpid()),
                                        name=f"disclint: {what}", daemon=True)
        self._process.start()
        # The child holds its own copies. Closing ours means this end reads end-of-file if the child
        # dies, and a send to a dead child fails at once instead of waiting on a full pipe.
        send.close()
        if inbox_receive is not None:
            inbox_receive.close()

    def send(self, message: Any) -> None:
        """Pass `message` to the child's work. This does not wait for the work: a thread in the child
        takes each message off the pipe as it comes. A message to a child that has already
        ended is dropped; result() then raises the child's error."""
        if self._gone or self._receive.poll():  # it has finished (or failed) already
            self._gone = True
            return
        try:
            self._inbox.send(message)
        except OSError:  # BrokenPipeError: the child died
            self._gone = True

    def result(self) -> Any:
        """Wait for the child; what `work` returned, or RuntimeError("<what> failed …")."""
        if self._inbox is not None:
            self.send(_End())
            self._inbox.close()
        try:
            ok, value = self._receive.recv()  # before join: a large result fills the pipe until read
        except EOFError:  # killed, or os._exit
            ok, value = False, None
        finally:
            self._receive.close()
            self._process.join()
        if not ok:
            raise RuntimeError(f"{self.what} failed: {value}" if value else
                               f"{self.what} failed (the process ended with exit code {self._process.exitcode})")
        return value

    def stop(self) -> None:
        """End the child early (this process failed and will not use its result)."""
        self._process.terminate()
        self._process.join(5)
        if self._process.is_alive():  # stuck where the signal cannot interrupt it
            self._process.kill()
            self._process.join()
        self._receive.close()
        if self._inbox is not None:
            self._inbox.close()


def _run(work: Callable[..., Any], send, inbox, parent: int) -> None:
    # stop() terminates: unwind, so that the work's `finally` and `with` blocks clean up (temporary files)
    signal.signal(signal.SIGTERM, _exit)
    try:
        result = (True, work(_messages(inbox, parent)) if inbox is not None else work())
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        result = (False, traceback.format_exc(limit=-3))
    try:
        send.send(result)
    except BrokenPipeError:  # the parent is gone: nobody to tell
        pass
    send.close()


def _exit(signum, frame) -> None:
    # The parent stopped us and says why itself. Raised where Python cannot propagate it (a weakref
    # callback inside importlib), the exception is printed as "Exception ignored … Traceback": keep
    # that off the user's terminal (stop() kills a child that did not unwind within 5 s).
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass
    raise SystemExit(f"stopped (signal {signum})")


class _Lost:
    """Put in place of the messages that will not come."""

    def __init__(self, why: BaseException):
        self.why = why


def _messages(inbox, parent: int) -> Iterator[Any]:
    """The parent's messages, in order. A thread reads them off the pipe as soon as they arrive,
    whatever the work is busy with, so the parent's send() never waits on a full pipe."""
    received: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                # Processes forked by the parent after this one hold copies of the inbox's sending
                # end, so a parent that is killed does not close it: watch for a new parent instead.
                while not inbox.poll(2.0):
                    if os.getppid() != parent:
                        raise EOFError("the parent process is gone")
                message = inbox.recv()
                received.put(message)
                if isinstance(message, _End):
                    return
        except BaseException as e:  # noqa: BLE001 - the work must not wait for what will not come
            received.put(_Lost(e))

    threading.Thread(target=read, name="inbox", daemon=True).start()  # now, not at the work's first next()
    return _until_end(received)


def _until_end(received: queue.SimpleQueue) -> Iterator[Any]:
    while True:
        message = received.get()
        if isinstance(message, _End):
            return
        if isinstance(message, _Lost):
            raise EOFError("the parent's messages stopped before the end") from message.why
        yield message
