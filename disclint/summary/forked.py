"""Work done by a forked child process while this one goes on: the child sees this process's data
as it is (copy-on-write, nothing pickled on the way in) and only its result travels back, pickled
through a pipe. The summary writes summary.xlsx this way (its longest step) after the lint, when
the pool's workers are gone."""
from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Child:
    """`work` running in a forked child (POSIX only: see fork_available)."""

    def __init__(self, work: Callable[[], Any], what: str):
        context = multiprocessing.get_context("fork")
        self.what = what
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, send), name=f"disclint: {what}", daemon=True)
        self._process.start()
        send.close()  # the child holds its own copy: this end reads end-of-file if the child dies

    def result(self) -> Any:
        """Wait for the child; what `work` returned, or RuntimeError("<what> failed …")."""
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
        self._process.join()
        self._receive.close()


def _run(work: Callable[[], Any], send) -> None:
    try:
        result = (True, work())
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        result = (False, traceback.format_exc(limit=-3))
    send.send(result)
    send.close()
