"""A template render's budget: a deadline, and caps on sizes, loop items and numbers (see ``inputs/limits.py``).

Pure Python: ``compose.templates`` charges a ``Budget`` from the sandbox's hooks and runs each render
inside ``alarm`` so that a loop that calls nothing still stops at the deadline.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from briefgen.inputs import limits


class OverBudget(Exception):
    """A template went over one of its limits."""


class Budget:
    """What one render may still spend."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + limits.TEMPLATE_SECONDS
        self.items = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise OverBudget(f"expected the template to finish within {limits.TEMPLATE_SECONDS:g} seconds, found it still running")

    def number(self, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limits.TEMPLATE_NUMBER:
            raise OverBudget(f"expected numbers of at most {limits.TEMPLATE_NUMBER:,} as counts, widths or exponents, "
                             f"found one of {len(str(abs(value))) if abs(value).bit_length() < 10_000 else 'thousands of'} digits")

    def size(self, value: Any) -> Any:
        if isinstance(value, (str, list, tuple, dict)):
            self.length(len(value))
        return value

    def length(self, length: int) -> None:
        if length > limits.TEMPLATE_OUTPUT_CHARS:
            shown = f"{length:,}" if length.bit_length() < 10_000 else "far more"
            raise OverBudget(f"expected strings and lists of at most {limits.TEMPLATE_OUTPUT_CHARS:,} items, found {shown}")

    def range(self, *args: int) -> Iterator[int]:
        for value in args:
            self.number(value)
        for index, value in enumerate(range(*args)):
            self.items += 1
            if self.items > limits.TEMPLATE_LOOP_ITEMS:
                raise OverBudget(f"expected range() to yield at most {limits.TEMPLATE_LOOP_ITEMS:,} items in all, found more")
            if index % 1024 == 0:
                self.tick()
            yield value


class alarm:  # noqa: N801 (a context manager used as a statement)
    """A timer signal at the deadline, for loops that call nothing (main thread only; restores any outer timer)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.armed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def __enter__(self) -> None:
        if not self.armed:
            return
        self.started = time.monotonic()
        self.previous = signal.signal(signal.SIGALRM, self._expire) or signal.SIG_DFL
        self.outer = signal.setitimer(signal.ITIMER_REAL, limits.TEMPLATE_SECONDS)

    def _expire(self, signum: int, frame: Any) -> None:
        raise OverBudget(f"expected the template to finish within {limits.TEMPLATE_SECONDS:g} seconds, found it still running")

    def __exit__(self, *exc: object) -> None:
        if not self.armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        if self.outer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, max(self.outer[0] - (time.monotonic() - self.started), 0.001))
