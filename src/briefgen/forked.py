"""Work done in a forked process, its answer or its exception sent back over a pipe.

A forked process starts with everything its parent has loaded (libraries, inputs), so
work that needs only those can run beside the parent on another CPU: a cold build
checks a brief's sentences while it composes the brief (``checking``), and renders the
DOCX beside the PDF (``renderers.ahead``). The answer comes back pickled. An exception is
raised again in the parent; one that cannot be pickled becomes an exception of the same
type name and message, so "internal error: <type>: <message>" reads as it would have. A
process that dies without an answer (killed, out of memory) costs only time: ``result``
then does the work in the parent.

Only where ``os.fork`` exists and at least two CPUs are ours (``available``).
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def cpus() -> int:
    """How many CPUs this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def available() -> bool:
    """True where work can run beside this process: ``os.fork`` and two CPUs or more."""
    return hasattr(os, "fork") and cpus() >= 2


class Forked(Generic[T]):
    """``work()`` running in a forked process; ``result()`` waits for it."""

    def __init__(self, work: Callable[[], T], pid: int, answer: int) -> None:
        self.work, self.pid, self.answer = work, pid, answer
        self.found: tuple[str, Any] | None = None

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T] | None:
        """Fork a process that does ``work()``; None where ``available`` is not."""
        if not available():
            return None
        read, write = os.pipe()

        def answer() -> int:
            write_all(write, pickle.dumps(outcome(work), pickle.HIGHEST_PROTOCOL))
            return 0

        pid = spawn(answer, close=(read,))
        os.close(write)
        return cls(work, pid, read)

    def result(self) -> T:
        """Return what ``work()`` returned, or raise what it raised (each time asked); do it here if the process died without an answer."""
        if self.found is None:
            found = loads(read_all(self.answer)) if self.answer >= 0 else None
            self.answer = -1
            reap(self.pid, kill=False)
            self.pid = 0
            self.found = found if found is not None else outcome(self.work)
        value: T = unwrap(self.found)
        return value

    def cancel(self) -> None:
        """End the process without waiting for its answer."""
        if self.answer >= 0:
            os.close(self.answer)
            self.answer = -1
        reap(self.pid, kill=True)
        self.pid = 0


def spawn(run: Callable[[], int], close: tuple[int, ...]) -> int:
    """Fork a process that closes the parent's ends ``close`` and exits with ``run()``'s code (1 if it raised); return its pid."""
    pid = os.fork()
    if pid == 0:  # the forked process: it never returns
        code = 1
        try:
            for fd in close:
                os.close(fd)
            code = run()
        finally:
            os._exit(code)  # never the parent's exit handlers or buffered output
    return pid


def outcome(work: Callable[[], Any]) -> tuple[str, Any]:
    """("ok", value), or ("raise", the exception), or ("internal", (type name, message)) when it cannot be pickled."""
    try:
        return "ok", work()
    except Exception as exc:  # noqa: BLE001 - raised again in the parent
        try:
            pickle.loads(pickle.dumps(exc))
            return "raise", exc
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its type's name and message
            return "internal", (type(exc).__name__, str(exc))


def unwrap(found: tuple[str, Any]) -> Any:
    """Return the value of an ``outcome``, or raise its exception."""
    kind, value = found
    if kind == "ok":
        return value
    if kind == "raise":
        raise value
    name, message = value
    raise type(name, (Exception,), {})(message)  # printed as "internal error: <name>: <message>", as in-process


def reap(pid: int, kill: bool) -> None:
    """Collect the process ``pid`` (0: none), ending it first if ``kill``."""
    if not pid:
        return
    try:
        if kill:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def loads(data: bytes) -> Any:
    """Unpickle ``data``; None for nothing or a torn pickle."""
    try:
        return pickle.loads(data) if data else None
    except Exception:  # noqa: BLE001 - a torn answer: treated as none
        return None


def send(fd: int, message: tuple[Any, ...]) -> None:
    """Write one message: its length (8 bytes), then its pickle."""
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "big") + data)
    while view:
        view = view[os.write(fd, view):]


def receive(fd: int) -> Any:
    """Read one message written by ``send``; None at the end of the pipe (or a torn message)."""
    size = _read_exactly(fd, 8)
    return loads(_read_exactly(fd, int.from_bytes(size, "big"))) if len(size) == 8 else None


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left and (chunk := os.read(fd, min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_all(fd: int) -> bytes:
    """Read ``fd`` to its end, and close it."""
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd``, and close it."""
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
