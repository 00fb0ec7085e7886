"""Writing outputs: every file is rendered in memory first and then written atomically
(a temporary file, then a rename), so a failed build leaves the previous outputs intact
and a reader never sees a torn file. ``pipeline`` re-exports these.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from briefgen.errors import UserError, display
from briefgen.inputs import paths

_UMASK = os.umask(0)
os.umask(_UMASK)


def prepare_out(root: Path, out_dir: Path) -> None:
    """Make the output folder, or raise UserError: it is a file, cannot be made, or is one of the project's inputs."""
    paths.refuse_input_as_output(root, out_dir)
    try:
        if os.path.lexists(out_dir) and not out_dir.is_dir():
            raise UserError(f"--out: expected a folder, found {paths.kind_of(out_dir)} at {display(out_dir)} (choose a folder)")
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise paths.write_problem(out_dir, exc) from None


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every file of one brief, or none: all temporary files first, then the renames.

    A full disk or a read-only folder leaves the previous outputs as they were (never a DOCX without its PDF),
    and is a user error naming the file.
    """
    temps, failed = _write_temps(outputs)
    if failed is not None:
        for temp in temps.values():
            Path(temp).unlink(missing_ok=True)
        path, exc = failed
        if isinstance(exc, OSError):
            raise paths.write_problem(path, exc) from None
        raise exc
    for path, temp in temps.items():
        os.replace(temp, path)


def _write_temps(outputs: dict[Path, bytes]) -> tuple[dict[Path, str], tuple[Path, BaseException] | None]:
    """Each file's temporary copy (``_write_temp``), written side by side, and the first failure in order, if any.

    Each copy is synced to the disk before it is renamed into place; one file's sync waits for the
    disk as long as two do at once (about 3-4 ms here), so the files of a brief are written in threads.
    """
    items = list(outputs.items())
    found: list[str | BaseException] = [""] * len(items)

    def write(index: int) -> None:
        try:
            found[index] = _write_temp(*items[index])
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, which removes the other copies first
            found[index] = exc

    threads = [threading.Thread(target=write, args=(i,), name="briefgen-write") for i in range(1, len(items))]
    for thread in threads:
        thread.start()
    try:
        if items:
            write(0)
        for thread in threads:
            thread.join()
    except BaseException:  # interrupted while the others write: wait for them, and leave no copy behind
        for thread in threads:
            thread.join()
        for temp in found:
            if isinstance(temp, str) and temp:
                Path(temp).unlink(missing_ok=True)
        raise
    temps = {path: temp for (path, _), temp in zip(items, found, strict=True) if isinstance(temp, str)}
    failed = next(((path, exc) for (path, _), exc in zip(items, found, strict=True) if isinstance(exc, BaseException)), None)
    return temps, failed


def _write_temp(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path``; return its name (removed again on failure)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes 0600; a brief is for sharing
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    write_all({path: data})
