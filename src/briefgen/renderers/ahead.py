"""Render one brief's formats side by side in a forked process that loaded the renderers ahead.

A cold one-brief build spends about half its time importing libraries: pydantic, PyYAML,
Jinja and markdown-it to load and compose, reportlab and python-docx to render. Loading
and composing come first and need none of the renderers, so ``start`` forks a process at
the start of a build that imports the renderers (and registers the PDF fonts) while the
build goes on reading its inputs. When the model is composed, ``render`` sends it over a
pipe (pickled: a few KB of dataclasses); that process renders the PDF (the slowest) itself
and forks once more for each other format, so a DOCX and a PDF are rendered at the same time
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
import gc
import os
import pickle
import select
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefgen import forked
from briefgen.forked import Forked
from briefgen.renderers import registry as renderers

if TYPE_CHECKING:
    from briefgen.model import Document, Meta, Style
    from briefgen.renderers.registry import Rendered


def available() -> bool:
    """True where a build can render its formats side by side (``forked.available``)."""
    return forked.available()


class Ahead:
    """A forked process that has loaded the renderers of ``formats`` and renders one document on request."""

    def __init__(self, pid: int, request: int, reply: int) -> None:
        self.pid, self.request, self.reply = pid, request, reply
        self.asked: tuple[Document, list[str]] | None = None

    @classmethod
    def start(cls, formats: list[str]) -> Ahead | None:
        """Fork the process that imports the renderers of ``formats`` now; None where ``available`` is not."""
        if not available():
            return None
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        pid = forked.spawn(lambda: _serve(formats, request_r, reply_w), close=(request_w, reply_r))
        os.close(request_r)
        os.close(reply_w)
        return cls(pid, request_w, reply_r)

    def hint(self, style: Style, meta: Meta) -> None:
        """Tell the process the look of the brief to come, so it prepares what depends on that alone."""
        if self.request >= 0:
            try:
                forked.send(self.request, ("hint", style, meta))
            except OSError:  # the process is gone: ``render`` renders here
                pass

    def render(self, document: Document, names: list[str]) -> list[Rendered]:
        """Return ``document`` rendered in each format of ``names`` (in order); raise what rendering raised."""
        self.send(document, names)
        return self.results()

    def send(self, document: Document, names: list[str]) -> None:
        """Ask for ``document`` in each format of ``names``; ``results`` waits for them."""
        self.asked = (document, names)
        request, self.request = self.request, -1
        try:
            forked.send(request, ("render", document, names))
        except OSError:  # the process is gone: ``results`` renders here instead
            pass
        finally:
            os.close(request)

    def results(self) -> list[Rendered]:
        """Return what ``send`` asked for, in its order; raise what rendering raised."""
        assert self.asked is not None, "results() before send()"
        document, names = self.asked
        reply, self.reply = self.reply, -1
        answer = b""
        try:
            answer = forked.read_all(reply)
        except OSError:
            pass
        forked.reap(self.pid, kill=False)
        self.pid = 0
        outcomes = forked.loads(answer)
        if outcomes is None or len(outcomes) != len(names):
            return [renderers.get(name).render(document) for name in names]
        return [forked.unwrap(outcome) for outcome in outcomes]

    def close(self) -> None:
        """End the process unused (the build failed, or renders in-process) and collect it."""
        for fd in (self.request, self.reply):
            if fd >= 0:
                os.close(fd)
        self.request = self.reply = -1
        forked.reap(self.pid, kill=True)  # it may still be importing: no need to wait for that
        self.pid = 0


def _serve(formats: list[str], request: int, reply: int) -> int:
    """In the forked process: load the renderers, take hints, render the document asked for, answer.

    The cycle collector is off: it would walk the renderers' objects again and again while they
    are imported, and this process (like the workers it forks) ends after one document.
    """
    gc.disable()
    try:
        renderers.preload(formats)
    except Exception:  # noqa: BLE001 - the caller renders in-process and meets the problem itself
        os.close(request)
        os.close(reply)
        return 1
    workers: dict[str, tuple[Forked[Rendered], int]] = {}  # no warm steps before the hint: the DOCX worker it starts is on the build's path
    while (message := forked.receive(request)) is not None and message[0] == "hint":
        _, style, meta = message
        for name in formats:
            if name != _here(formats) and name not in workers:
                made = _worker(name, style, meta)
                if made is not None:
                    workers[name] = made
                    continue
            renderers.prepare([name], style, meta)
        _warm(formats, request)  # while the build composes
    os.close(request)
    if message is None:  # the caller needs no render from us (an error, another path): exit quietly
        for worker, document_pipe in workers.values():
            os.close(document_pipe)
            worker.cancel()
        os.close(reply)
        return 0
    _, document, names = message
    here = _here(names)
    others: dict[str, Forked[Rendered] | None] = {}
    for name, (worker, document_pipe) in workers.items():
        with contextlib.suppress(OSError):  # a worker gone: ``result`` renders here
            if name in names and name != here:
                forked.send(document_pipe, (document,))
        os.close(document_pipe)
        worker.work = _rendering(document, name)  # what ``result`` does here if the worker died without an answer
        if name in names and name != here:
            others[name] = worker
        else:
            worker.cancel()
    others.update({name: Forked.start(_rendering(document, name)) for name in names if name != here and name not in others})
    outcomes = {here: forked.outcome(_rendering(document, here))}
    for name, other in others.items():
        outcomes[name] = forked.outcome(other.result if other else _rendering(document, name))
    forked.write_all(reply, pickle.dumps([outcomes[name] for name in names], pickle.HIGHEST_PROTOCOL))
    return 0


def _here(names: list[str]) -> str:
    """The format this process renders itself: the PDF, the slowest, so that no fork delays it."""
    return max(names, key=lambda name: name == "pdf")


def _worker(name: str, style: Style, meta: Meta) -> tuple[Forked[Rendered], int] | None:
    """Fork a process that prepares format ``name``'s base for this look now and renders the document sent to
    it later (down the returned pipe); None where it cannot. Its base is then made beside this process, which
    stays free to take the document and render the PDF the moment it comes."""
    read, write = os.pipe()

    def work() -> Rendered:
        os.close(write)
        renderers.prepare([name], style, meta)
        message = forked.receive(read)
        os.close(read)
        if message is None:
            raise _Unused
        return _rendering(message[0], name)()

    worker = Forked.start(work)
    os.close(read)
    if worker is None:
        os.close(write)
        return None
    return worker, write


class _Unused(Exception):
    """A worker's document never came (the build failed, or did not ask for its format)."""


def _rendering(document: Document, name: str) -> Callable[[], Rendered]:
    """The work of rendering ``document`` as ``name``."""
    return lambda: renderers.get(name).render(document)


def _warm(formats: list[str], request: int) -> None:
    """Do the renderers' ``warm_steps`` while no message is here, one at a time (a step not begun when one comes is left).

    This process is idle from the hint (once it has forked the DOCX worker) until the composed
    brief comes. A renderer's first brief pays for some
    things every later one finds made: for a PDF, compiling reportlab's URL and hyphenation
    patterns (about 0.33 G instructions, some 100 ms: three fifths of a cold PDF's render). Done
    now, they are off the build's path; the brief is then rendered as a warm process renders it,
    to the same bytes (tests/test_ahead.py).
    """
    for name in formats:
        for step in getattr(renderers.get(name), "warm_steps", list)():
            if select.select([request], [], [], 0)[0]:  # a message (or the end of the pipe) is here
                return
            with contextlib.suppress(Exception):  # a head start only: the render meets any problem itself
                step()
