"""Work in a forked child: its result comes back, and its failure is the parent's error."""
from __future__ import annotations

import os
import time

import pytest

from disclint.summary import forked

pytestmark = pytest.mark.skipif(not forked.fork_available(), reason="needs fork")


def test_the_result_comes_back_from_another_process():
    big = list(range(200_000))  # more than a pipe holds: read before the child is joined
    pid, result = forked.Child(lambda: (os.getpid(), big[::-1]), "reversing").result()
    assert pid != os.getpid() and result == big[::-1]


def test_an_exception_in_the_child_is_raised_in_the_parent():
    def fail():
        raise ValueError("broken")

    with pytest.raises(RuntimeError, match="(?s)failing failed: .*ValueError: broken"):
        forked.Child(fail, "failing").result()


def test_a_child_that_dies_is_an_error():
    with pytest.raises(RuntimeError, match="dying failed .*exit code 3"):
        forked.Child(lambda: os._exit(3), "dying").result()


def test_a_child_can_be_stopped():
    child = forked.Child(lambda: time.sleep(60), "sleeping")
    started = time.perf_counter()
    child.stop()
    assert time.perf_counter() - started < 10
