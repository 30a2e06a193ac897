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


def test_an_inbox_child_gets_the_messages_in_order():
    child = forked.Child(lambda messages: [m * 2 for m in messages], "doubling", inbox=True)
    for m in range(1000):
        child.send(m)
    assert child.result() == [m * 2 for m in range(1000)]


def test_sending_does_not_wait_for_a_busy_child():
    """A thread in the child empties the pipe while the work is busy, so megabytes can be sent."""
    def slow(messages):
        time.sleep(5)
        return sum(len(m) for m in messages)

    child = forked.Child(slow, "summing", inbox=True)
    started = time.perf_counter()
    for _ in range(40):
        child.send(b"x" * 100_000)  # 4 MB; a pipe holds 64 KB
    assert time.perf_counter() - started < 4
    assert child.result() == 4_000_000


def test_a_child_that_fails_early_drops_the_messages_and_raises_at_the_end():
    def fail(messages):
        raise ValueError("no openpyxl")

    child = forked.Child(fail, "writing", inbox=True)
    time.sleep(0.5)
    for _ in range(100):
        child.send(b"x" * 100_000)  # neither blocks nor raises
    with pytest.raises(RuntimeError, match="(?s)writing failed: .*ValueError: no openpyxl"):
        child.result()


def test_an_inbox_child_that_dies_is_an_error():
    def die(messages):
        next(messages)
        os._exit(4)

    child = forked.Child(die, "dying", inbox=True)
    for _ in range(100):
        child.send(b"x" * 100_000)
    with pytest.raises(RuntimeError, match="dying failed .*exit code 4"):
        child.result()


def test_an_inbox_child_can_be_stopped():
    child = forked.Child(lambda messages: list(messages), "waiting", inbox=True)
    child.send(1)
    started = time.perf_counter()
    child.stop()
    assert time.perf_counter() - started < 10 and not child._process.is_alive()


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_an_inbox_child_ends_when_its_parent_is_killed():
    """A process the parent forked later (a pool worker) holds a copy of the inbox, so no
    end-of-file comes: the child notices that its parent is gone."""
    read, write = os.pipe()
    parent = os.fork()
    if parent == 0:  # pragma: no cover - the parent that is killed
        child = forked.Child(lambda messages: list(messages), "orphaned", inbox=True)
        holder = os.fork()
        if holder == 0:
            time.sleep(60)
            os._exit(0)
        os.write(write, f"{child._process.pid} {holder}".encode())
        os._exit(9)
    os.waitpid(parent, 0)
    orphan, holder = map(int, os.read(read, 64).split())
    try:
        deadline = time.monotonic() + 20
        while _running(orphan) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(orphan)
    finally:
        os.kill(holder, 9)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie has ended
    except FileNotFoundError:
        return False
