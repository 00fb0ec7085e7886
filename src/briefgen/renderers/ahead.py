"""Render one brief's formats side by side in a forked process that loaded the renderers ahead.

A cold one-brief build spends about half its time importing libraries: pydantic, PyYAML,
Jinja and markdown-it to load and compose, reportlab and python-docx to render. Loading
and composing come first and need none of the renderers, so ``start`` forks a process at
the start of a build that imports the renderers (and registers the PDF fonts) while the
build goes on reading its inputs. It forks at once a worker for the DOCX, which loads
python-docx, makes the brief's styled base as soon as the build sends the look of the brief
(the hint, down a line of its own) and then renders the DOCX; meanwhile this process loads
reportlab, and only reportlab. When the model is composed, ``render`` sends it over the pipes (pickled: a few KB of
dataclasses); this process renders the PDF (the slowest) itself, so a DOCX and a PDF are
rendered at the same time on two cores. The rendered bytes come back over pipes; the caller writes the files as a
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


NICE = 5
"""How much less CPU priority the renderer process and its workers ask for than the build's process (as ``farm``'s).
Near-quiet A/B, 15 interleaved cold fixture builds each: 0.75x the pandoc route's wall time at +5, 0.79x at +10,
0.79-0.81x at 0; CPU time the same."""


SHARED = ("briefgen.model", "datetime", "hashlib", "logging", "html", "zipfile", "base64", "unicodedata", "textwrap",
          "traceback", "string")
"""Modules the renderer process and its DOCX worker import that the build's own process imports too, only later:
``start`` imports them before it forks, so the three processes share one import of each instead of making three
(some 40-50 ms of CPU taken off the processes that compete with the build's for the two CPUs: the model's
dataclasses alone cost about 30 ms to make). tests/test_ahead.py checks that the build's process imports each anyway."""


def available() -> bool:
    """True where a build can render its formats side by side (``forked.available``)."""
    return forked.available()


class Ahead:
    """A forked process that has loaded the renderers of ``formats`` and renders one document on request.

    Each format it hands to a worker (``_worker``) gets a line of its own from here (``lines``):
    the hint and the document go down it too, so the worker prepares its base the moment the
    look is known, whatever the process that forked it is still loading.
    """

    def __init__(self, pid: int, request: int, reply: int, lines: tuple[int, ...] = ()) -> None:
        self.pid, self.request, self.reply, self.lines = pid, request, reply, lines
        self.asked: tuple[Document, list[str]] | None = None

    @classmethod
    def start(cls, formats: list[str]) -> Ahead | None:
        """Fork the process that imports the renderers of ``formats`` now; None where ``available`` is not."""
        if not available():
            return None
        for name in SHARED:
            __import__(name)
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        lines = {name: os.pipe() for name in formats if name != _here(formats)}
        pid = forked.spawn(lambda: _serve(formats, request_r, reply_w, {name: r for name, (r, _) in lines.items()}),
                           close=(request_w, reply_r, *(w for _, w in lines.values())))
        for fd in (request_r, reply_w, *(r for r, _ in lines.values())):
            os.close(fd)
        return cls(pid, request_w, reply_r, tuple(w for _, w in lines.values()))

    def hint(self, style: Style, meta: Meta) -> None:
        """Tell the process the look of the brief to come, so it prepares what depends on that alone."""
        for fd in (self.request, *self.lines):
            if fd >= 0:
                with contextlib.suppress(OSError):  # the process is gone: ``render`` renders here
                    forked.send(fd, ("hint", style, meta))

    def render(self, document: Document, names: list[str]) -> list[Rendered]:
        """Return ``document`` rendered in each format of ``names`` (in order); raise what rendering raised."""
        self.send(document, names)
        return self.results()

    def send(self, document: Document, names: list[str]) -> None:
        """Ask for ``document`` in each format of ``names``; ``results`` waits for them."""
        self.asked = (document, names)
        fds, self.request, self.lines = (self.request, *self.lines), -1, ()
        for fd in fds:  # the process first: it renders the slowest format
            try:
                forked.send(fd, ("render", document, names))
            except OSError:  # the process (or a worker) is gone: ``results`` renders here instead
                pass
            finally:
                os.close(fd)

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
        for fd in (self.request, self.reply, *self.lines):
            if fd >= 0:
                os.close(fd)
        self.request = self.reply = -1
        self.lines = ()
        forked.reap(self.pid, kill=True)  # it may still be importing: no need to wait for that
        self.pid = 0


def _serve(formats: list[str], request: int, reply: int, lines: dict[str, int]) -> int:
    """In the forked process: start the workers, load the renderer of its own format, take hints, render the
    document asked for, answer.

    Each other format gets its worker (``_worker``) at once, on its own line from the build
    (``lines``): the worker loads its renderer itself, beside this process, which loads only its own.
    The cycle collector is off: it would walk the renderers' objects again and again while they are
    imported, and this process (like its workers) ends after one document. It and its workers run at
    ``NICE``: the build's own process, which reads, checks and composes the brief, is the one the
    others wait for, so it goes first when more processes than CPUs are ready to run.
    """
    gc.disable()
    with contextlib.suppress(OSError):
        os.nice(NICE)
    here = _here(formats)
    workers: dict[str, Forked[Rendered] | None] = {name: _worker(name, line) for name, line in lines.items()}
    unworked = [here, *(name for name, worker in workers.items() if worker is None)]  # rendered here
    try:
        renderers.preload(unworked)
    except Exception:  # noqa: BLE001 - the caller renders in-process and meets the problem itself
        _cancel(workers)
        os.close(request)
        os.close(reply)
        return 1
    while (message := forked.receive(request)) is not None and message[0] == "hint":
        _, style, meta = message
        renderers.prepare(unworked, style, meta)
        _warm(unworked, request)  # while the build composes
    os.close(request)
    if message is None:  # the caller needs no render from us (an error, another path): exit quietly
        _cancel(workers)
        os.close(reply)
        return 0
    _, document, names = message
    here = _here(names)
    others: dict[str, Forked[Rendered] | None] = {}
    for name, worker in workers.items():
        if worker is not None:
            worker.work = _rendering(document, name)  # what ``result`` does here if the worker died without an answer
        if name in names and name != here:
            others[name] = worker
        elif worker is not None:
            worker.cancel()
    others.update({name: Forked.start(_rendering(document, name)) for name in names if name != here and name not in others})
    outcomes = {here: forked.outcome(_rendering(document, here))}
    for name, other in others.items():
        outcomes[name] = forked.outcome(other.result if other else _rendering(document, name))
    forked.write_all(reply, pickle.dumps([outcomes[name] for name in names], pickle.HIGHEST_PROTOCOL))
    return 0


def _cancel(workers: dict[str, Forked[Rendered] | None]) -> None:
    """End the workers unused."""
    for worker in workers.values():
        if worker is not None:
            worker.cancel()


def _here(names: list[str]) -> str:
    """The format this process renders itself: the PDF, the slowest, so that no fork delays it."""
    return max(names, key=lambda name: name == "pdf")


def _worker(name: str, line: int) -> Forked[Rendered] | None:
    """Fork a process that loads format ``name``'s renderer and renders from what the build sends down ``line``:
    it prepares its base for the hinted look, then renders the document (None where it cannot start; the line
    is closed here either way, so the build's messages to it fail rather than wait). Its renderer is loaded and
    its base made beside this process, which loads only its own renderer and takes the document the moment it comes."""

    def work() -> Rendered:
        renderers.preload([name])
        while (message := forked.receive(line)) is not None and message[0] == "hint":
            renderers.prepare([name], message[1], message[2])
        os.close(line)
        if message is None or name not in message[2]:
            raise _Unused
        return _rendering(message[1], name)()

    worker = Forked.start(work)
    os.close(line)
    return worker


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
