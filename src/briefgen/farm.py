"""Render a batch's briefs in forked processes while this one loads and composes them.

A batch used to import every library and read the corpus in one process, and fork its
workers only then: about a second in which one of two CPUs did nothing. ``Farm.start``,
called before the loading and composing libraries are imported, forks a process that
imports the renderers (reportlab, python-docx, the fonts) meanwhile. This process then
reads the corpus and composes the briefs one by one (``pipeline.compose_one``); each
composed model goes over a pipe (pickled: a few KB) to a render process, and the rendered
bytes come back to be written here (``pipeline.finish``), as the in-process build writes them.

A brief that needs LibreOffice (a page budget, a DOCX with contents, pdfua) is rendered there
too: each render process starts its own LibreOffice when ``office`` says one will be needed,
and counts the DOCX's pages itself, so two briefs are laid out at once as two briefs are rendered.

The first render process is told the first brief's house style as soon as it is read, and
prepares its styled DOCX base; when the first model arrives (or LibreOffice is asked for) it
forks the other render processes, which start with the renderers loaded and that base made. Each is sent a brief
when it has fewer than ``AHEAD`` waiting, so the faster one takes more. Rendering is loading
and composing's three-fold in CPU time, so this process spends most of a batch waiting.

The output is the same: each format is rendered from an equal copy of the same model by
the same code. An error raised while rendering is raised again here, in format order, as
the in-process loop would raise it. A render process that dies (killed, out of memory)
costs only time: its briefs are rendered here. Only where ``os.fork`` exists and two CPUs
are ours (``forked.available``).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from briefgen import forked, renderers

if TYPE_CHECKING:
    import queue

    from briefgen.model import Document, Meta, Style
    from briefgen.renderers import Rendered

AHEAD = 2
"""Briefs sent to a render process and not yet answered, at most (one rendering, one waiting)."""
NICE = 5
"""How much less the render processes weigh with the scheduler than the composing process: when the
three share two CPUs, composing (a third of a brief's work) would otherwise get only two thirds of
one and the render processes would wait for models."""
PIPE_SIZE = 1 << 20
"""Bytes a reply pipe holds (Linux), so a render process seldom waits for this one to read."""


class Farm:
    """Render processes (forked from one that loaded the renderers), fed composed models by this process."""

    def __init__(self, pid: int, requests: list[int], replies: list[int]) -> None:
        self.pids: dict[int, int] = {0: pid}
        """The first render process (which collects the others)."""
        self.requests, self.replies = requests, replies
        self.waiting: dict[int, list[Any]] = {i: [] for i in range(len(requests))}
        """Render process → the keys of the briefs sent to it and not yet answered, in order."""
        self.hinted = False
        self.office_told = False
        self.answers: queue.SimpleQueue[tuple[int, Any]] | None = None
        """What the render processes answered, (index, outcomes), read by threads (``_listen``); None before the first brief."""

    @classmethod
    def start(cls, formats: list[str], jobs: int) -> Farm | None:
        """Fork the first render process, which imports the renderers of ``formats`` now; None where ``forked.available`` is not."""
        if not forked.available() or jobs < 2:
            return None
        import fcntl

        pipes = [(os.pipe(), os.pipe()) for _ in range(jobs)]
        for _, (_, write) in pipes:
            with contextlib.suppress(OSError):  # Linux only; elsewhere a reply waits until it is read
                fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_SIZE)
        ours = tuple(fd for (_, req_w), (rep_r, _) in pipes for fd in (req_w, rep_r))
        pid = forked.spawn(lambda: _first(formats, [(r, w) for (r, _), (_, w) in pipes]), close=ours)
        for (req_r, _), (_, rep_w) in pipes:
            os.close(req_r)
            os.close(rep_w)
        return cls(pid, [w for (_, w), _ in pipes], [r for _, (r, _) in pipes])

    def hint(self, style: Style, meta: Meta) -> None:
        """Tell the first render process the look of the first brief, so it prepares its styled base meanwhile."""
        if not self.hinted:
            self.hinted = True
            self._send(0, ("hint", style, meta))

    def office(self) -> None:
        """Have every render process start its LibreOffice now, for a brief that will need it (once)."""
        if not self.office_told:
            self.office_told = True
            for i in self._alive():
                self._send(i, ("office",))

    def free(self) -> bool:
        """True when some render process takes another brief now."""
        return any(len(self.waiting[i]) < AHEAD for i in self._alive())

    def alive(self) -> bool:
        """True while some render process is left."""
        return bool(self._alive())

    def send(self, key: Any, document: Document, names: list[str], count: bool = False) -> bool:
        """Send ``document`` to the render process with the fewest waiting; False if none is left (render it here).

        ``count``: that process also counts the DOCX's pages as LibreOffice lays it out (``counted``).
        """
        if self.answers is None:
            self._listen()
        for i in sorted(self._alive(), key=lambda i: len(self.waiting[i])):
            if self._send(i, ("render", document, names, count)):
                self.waiting[i].append(key)
                return True
        return False

    def answers_in(self, block: bool) -> Iterator[tuple[Any, Answer | None]]:
        """Yield (key, answer) for every brief answered by now (``block``: wait for one first); see ``results`` and ``counted``.

        Answer None: the render process died before it answered; the caller renders that brief itself.
        """
        while self.answers is not None:
            try:
                index, answer = self.answers.get(block=block)
            except Exception:  # noqa: BLE001 - queue.Empty: nothing more for now
                return
            block = False
            if answer is None:  # that process is gone: every brief still waiting on it comes back unrendered
                self._close(index)
                for key in self.waiting.pop(index, []):
                    yield key, None
            else:
                yield self.waiting[index].pop(0), answer

    def pending(self) -> int:
        """How many briefs sent are not yet answered."""
        return sum(len(keys) for keys in self.waiting.values())

    def close(self) -> None:
        """Tell the render processes there is no more to do, and collect the first (killed if it never took a brief)."""
        for i in range(len(self.requests)):
            self._close(i)
        if self.answers is None:  # no reader took the answer pipes
            for i, fd in enumerate(self.replies):
                if fd >= 0:  # closed by an earlier close: the batch closes the farm, then the build does
                    os.close(fd)
                self.replies[i] = -1
        forked.reap(self.pids.pop(0, 0), kill=self.answers is None)

    def _alive(self) -> list[int]:
        return [i for i in self.waiting if self.requests[i] >= 0]

    def _send(self, index: int, message: tuple[Any, ...]) -> bool:
        try:
            forked.send(self.requests[index], message)
            return True
        except OSError:  # that process is gone; its reader reports it
            return False

    def _listen(self) -> None:
        """Read every render process's answers in a thread each (a blocking read lets go of the interpreter) into ``answers``."""
        import queue
        import threading

        answers: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
        self.answers = answers

        def read(index: int, fd: int) -> None:
            try:
                while (answer := forked.receive(fd)) is not None:
                    answers.put((index, answer))
            finally:
                os.close(fd)
                answers.put((index, None))

        for index, fd in enumerate(self.replies):
            threading.Thread(target=read, args=(index, fd), daemon=True, name=f"briefgen-render-{index}").start()

    def _close(self, index: int) -> None:
        if self.requests[index] >= 0:
            os.close(self.requests[index])
            self.requests[index] = -1


def _first(formats: list[str], pipes: list[tuple[int, int]]) -> int:
    """In the first render process: load the renderers, take hints, fork the others at the first brief, then render."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)  # the composing process feeds every render process: it goes first
    try:
        renderers.preload(formats)
        for name in formats:  # while the composing process is still importing its libraries
            warm_steps = getattr(renderers.get(name), "warm_steps", None)
            for step in warm_steps(every=True) if warm_steps is not None else []:
                step()
    except Exception:  # noqa: BLE001 - every brief is rendered by the composing process, which meets the problem itself
        return 1
    request, reply = pipes[0]
    while (message := forked.receive(request)) is not None and message[0] == "hint":
        renderers.prepare(formats, *message[1:])
    office = message is not None and message[0] == "office"  # the others fork now, and each starts its own
    if office:
        renderers.find_office()  # once, here, rather than in each process before its LibreOffice can start
    gc.freeze()  # as ``batch.collector``: what is loaded by now is never walked again
    gc.set_threshold(10_000, 10, 1)
    children = []
    for index, (other_request, other_reply) in enumerate(pipes[1:] if message is not None else [], start=1):
        rest = tuple(fd for j, fds in enumerate(pipes) if j != index for fd in fds)
        children.append(forked.spawn(partial(_serve, None, other_request, other_reply, office), close=rest))
    for other_request, other_reply in pipes[1:]:
        os.close(other_request)
        os.close(other_reply)
    try:
        return _serve(None if office else message, request, reply, office)
    finally:
        for pid in children:
            forked.reap(pid, kill=False)


def _serve(message: Any, request: int, reply: int, office: bool) -> int:
    """Render each document asked for, in the formats asked, and answer (``Answer``), until the pipe ends.

    ``office``, or a message "office": start this process's LibreOffice now (stopped at the end).
    """
    try:
        if office:
            renderers.start_office()
        while (message := message or forked.receive(request)) is not None:
            if message[0] == "render":
                forked.send(reply, _answer(*message[1:]))
            elif message[0] == "office":
                renderers.start_office()
            message = None  # a late hint (the first brief's failed) is of no use once the base is made
    finally:
        renderers.stop_office()
    return 0


def _answer(document: Document, names: list[str], count: bool) -> Answer:
    """Each format's outcome and, if ``count`` and every format rendered, the outcome of counting the DOCX's pages."""
    outcomes = tuple(_render(document, names))
    if not count or len(outcomes) < len(names) or outcomes[-1][0] != "ok":
        return outcomes, None
    docx = outcomes[names.index("docx")][1].data
    return outcomes, forked.outcome(partial(renderers.pages, "docx", docx))


def _render(document: Document, names: list[str]) -> Iterator[tuple[str, Any]]:
    """Each format's outcome (``forked.outcome``), stopping after the first that raised (as the in-process loop)."""
    for name in names:
        found = forked.outcome(partial(_rendering, name, document))
        yield found
        if found[0] != "ok":
            return


def _rendering(name: str, document: Document) -> Rendered:
    return renderers.get(name).render(document)


Answer = tuple[tuple[tuple[str, Any], ...], tuple[str, Any] | None]
"""A render process's answer for one brief: each format's outcome (``forked.outcome``), then the
outcome of counting its DOCX's pages (None when not asked, or a format failed)."""


def results(answer: Answer) -> list[Rendered]:
    """The rendered formats of one brief's answer; raise what rendering raised."""
    return [forked.unwrap(found) for found in answer[0]]


def counted(answer: Answer) -> Callable[[], int | None] | None:
    """The DOCX's page count of one brief's answer (raising what counting raised), or None where it was not counted."""
    return None if answer[1] is None else partial(forked.unwrap, answer[1])


