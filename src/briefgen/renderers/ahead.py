"""Render one brief's formats side by side in a forked process that loaded the renderers ahead.

A cold one-brief build spends about half its time importing libraries: pydantic, PyYAML,
Jinja and markdown-it to load and compose, reportlab and python-docx to render. Loading
and composing come first and need none of the renderers, so ``start`` forks a process at
the start of a build that imports the renderers (and registers the PDF fonts) while the
build goes on reading its inputs. When the model is composed, ``render`` sends it over a
pipe (pickled: a few KB of dataclasses); that process renders the first format itself and
forks once more for each other format, so a DOCX and a PDF are rendered at the same time
on two cores. The rendered bytes come back over pipes; the caller writes the files as a
set, as before. Wall time falls; CPU time does not (the work is the same, plus a fork).

The output is the same: each format is rendered from an equal copy of the same model by
the same code (tests/test_ahead.py compares the files with those of an in-process build).
An error raised while rendering is raised again in the caller, in format order, as the
in-process loop would have raised it first. A process that dies without an answer (killed,
out of memory) costs only time: the caller renders that brief itself.

Only where ``os.fork`` exists and at least two CPUs are ours; elsewhere ``start`` returns
None and the build renders in-process, one format after the other.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefgen.renderers import registry as renderers

if TYPE_CHECKING:
    from briefgen.model import Document, Meta, Style
    from briefgen.renderers.registry import Rendered


def cpus() -> int:
    """How many CPUs this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def available() -> bool:
    """True where a build can render its formats side by side: ``os.fork`` and two CPUs or more."""
    return hasattr(os, "fork") and cpus() >= 2


class Ahead:
    """A forked process that has loaded the renderers of ``formats`` and renders one document on request."""

    def __init__(self, pid: int, request: int, reply: int) -> None:
        self.pid, self.request, self.reply = pid, request, reply

    @classmethod
    def start(cls, formats: list[str]) -> Ahead | None:
        """Fork the process that imports the renderers of ``formats`` now; None where ``available`` is not."""
        if not available():
            return None
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the forked process: it never returns
            code = 1
            try:
                os.close(request_w)
                os.close(reply_r)
                code = _serve(formats, request_r, reply_w)
            finally:
                os._exit(code)  # never the caller's exit handlers or buffered output
        os.close(request_r)
        os.close(reply_w)
        return cls(pid, request_w, reply_r)

    def hint(self, style: Style, meta: Meta) -> None:
        """Tell the process the look of the brief to come, so it prepares what depends on that alone."""
        if self.request >= 0:
            try:
                _send(self.request, ("hint", style, meta))
            except OSError:  # the process is gone: ``render`` renders here
                pass

    def render(self, document: Document, names: list[str]) -> list[Rendered]:
        """Return ``document`` rendered in each format of ``names`` (in order); raise what rendering raised."""
        request, reply, self.request, self.reply = self.request, self.reply, -1, -1
        answer = b""
        try:
            _send(request, ("render", document, names))
            os.close(request)
        except OSError:  # the process is gone: render here instead
            os.close(request)
            os.close(reply)
        else:
            try:
                answer = _read_all(reply)
            except OSError:
                pass
        self._reap(kill=False)
        outcomes = _loads(answer)
        if outcomes is None or len(outcomes) != len(names):
            return [renderers.get(name).render(document) for name in names]
        return [_result(outcome) for outcome in outcomes]

    def close(self) -> None:
        """End the process unused (the build failed, or renders in-process) and collect it."""
        for fd in (self.request, self.reply):
            if fd >= 0:
                os.close(fd)
        self.request = self.reply = -1
        self._reap(kill=True)

    def _reap(self, kill: bool) -> None:
        if not self.pid:
            return
        try:
            if kill:  # it may still be importing: no need to wait for that
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
        self.pid = 0


def _serve(formats: list[str], request: int, reply: int) -> int:
    """In the forked process: load the renderers, take hints, render the document asked for, answer."""
    try:
        renderers.preload(formats)
    except Exception:  # noqa: BLE001 - the caller renders in-process and meets the problem itself
        os.close(request)
        os.close(reply)
        return 1
    while (message := _receive(request)) is not None and message[0] == "hint":
        _, style, meta = message
        for name in formats:
            prepare = getattr(renderers.get(name), "prepare", None)
            if prepare is not None:
                with contextlib.suppress(Exception):  # only a head start: the render meets any problem itself
                    prepare(style, meta)
    os.close(request)
    if message is None:  # the caller needs no render from us (an error, another path): exit quietly
        os.close(reply)
        return 0
    _, document, names = message
    others = [_fork_render(document, name) for name in names[1:]]
    outcomes = [_render(document, names[0])] + [_collect(document, name, pid, fd) for name, (pid, fd) in zip(names[1:], others, strict=True)]
    _write_all(reply, pickle.dumps(outcomes, pickle.HIGHEST_PROTOCOL))
    return 0


def _fork_render(document: Document, name: str) -> tuple[int, int]:
    """Render ``name`` in a process forked from this one; return its pid and the pipe its answer comes on."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            _write_all(write, pickle.dumps(_render(document, name), pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(document: Document, name: str, pid: int, fd: int) -> tuple[str, Any]:
    """The answer of the process rendering ``name``, or the render done here when it died without one."""
    outcome = _loads(_read_all(fd))
    os.waitpid(pid, 0)
    return outcome if outcome is not None else _render(document, name)


def _render(document: Document, name: str) -> tuple[str, Any]:
    """("ok", Rendered), or ("raise", the exception), or ("internal", (type name, message)) if it cannot be pickled."""
    try:
        return "ok", renderers.get(name).render(document)
    except Exception as exc:  # noqa: BLE001 - raised again in the caller
        try:
            pickle.loads(pickle.dumps(exc))
            return "raise", exc
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its type's name and message
            return "internal", (type(exc).__name__, str(exc))


def _result(outcome: tuple[str, Any]) -> Rendered:
    kind, value = outcome
    if kind == "ok":
        rendered: Rendered = value
        return rendered
    if kind == "raise":
        raise value
    name, message = value
    raise type(name, (Exception,), {})(message)  # printed as "internal error: <name>: <message>", as in-process


def _loads(data: bytes) -> Any:
    try:
        return pickle.loads(data) if data else None
    except Exception:  # noqa: BLE001 - a torn answer: treated as none
        return None


def _send(fd: int, message: tuple[Any, ...]) -> None:
    """Write one message: its length (8 bytes), then its pickle."""
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "big") + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> Any:
    """Read one message written by ``_send``; None at the end of the pipe (or a torn message)."""
    size = _read_exactly(fd, 8)
    return _loads(_read_exactly(fd, int.from_bytes(size, "big"))) if len(size) == 8 else None


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left and (chunk := os.read(fd, min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_all(fd: int) -> bytes:
    """Read ``fd`` to its end, and close it."""
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd``, and close it."""
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
