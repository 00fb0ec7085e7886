"""Where briefgen may read and write: the one rule for every path an input names.

- ``read_bytes`` reads one file with a size limit. It refuses anything that is
  not a regular file (a FIFO, a device such as ``/dev/zero``, a folder) *before*
  opening it, so nothing hangs and nothing unbounded is read.
- ``confine`` resolves a path that a spec, house style or template names (a logo,
  a reference DOCX, a template, an include), following every symlink, and refuses
  it unless it lies inside one of the allowed roots: the project folder or the
  defaults shipped with briefgen. A refused path is never opened.
- ``refuse_input_as_output`` stops a command from writing over an input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.errors import Problem, UserError, display
from briefgen.inputs.project import default_dir

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
INPUT_FOLDERS = ("sources", "summary", "briefs", "templates")
"""A project's input folders: never written by a build, nor by ``--out``."""


def roots(project_templates: Path) -> list[Path]:
    """Return where a template, an include, a logo or a reference DOCX may lie: the project folder or the defaults."""
    return [project_templates.parent, default_dir()]


def _fail(path: Path, message: str, hint: str = "", where: Problem | None = None) -> UserError:
    if where is not None:
        return UserError([Problem(where.file, where.line, where.col, where.path, message, hint)])
    return UserError([Problem(display(path), 0, 0, "", message, hint)])


def kind(mode: int) -> str:
    """Return what a file of ``mode`` is, in words ("a FIFO (named pipe)", …)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def kind_of(path: Path) -> str:
    """Return what ``path`` is, in words; never raises."""
    try:
        return kind(os.stat(path).st_mode) if not is_regular(path) else "a regular file"
    except OSError as exc:
        return f"a path the system refuses ({exc.strerror or exc})"


def read_bytes(path: Path, limit: int, what: str = "file", where: Problem | None = None) -> bytes:
    """Return the bytes of the regular file ``path``, at most ``limit`` of them, or raise UserError.

    ``where``, if given, positions the message (e.g. at the spec key that named the file).
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _fail(path, f"cannot read the {what}: {exc.strerror or exc}", where=where) from None
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, f"expected a regular {what}, found {kind(info.st_mode)}", "only plain files are read", where)
    if info.st_size > limit:
        raise _fail(path, f"expected a {what} of at most {limit:,} bytes, found {info.st_size:,} bytes", where=where)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _fail(path, f"cannot read the {what}: {exc.strerror or exc}", where=where) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped between stat and open
            raise _fail(path, f"expected a regular {what}, found {kind(opened.st_mode)}", where=where)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _fail(path, f"expected a {what} of at most {limit:,} bytes, found more", where=where)
        return b"".join(chunks)
    except OSError as exc:
        raise _fail(path, f"cannot read the {what}: {exc.strerror or exc}", where=where) from None
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """True when ``path`` (after symlinks) is a regular file; never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """True when ``path``, every symlink resolved, is one of ``roots`` or lies below one."""
    resolved = os.path.realpath(path)  # absolute and normal: one separator between names, none at the end but for the root
    for root in roots:
        real = os.path.realpath(root)
        if resolved == real or resolved.startswith(real.rstrip(os.sep) + os.sep):  # as Path(real) in Path(resolved).parents
            return True
    return False


def confine(path: Path, roots: Sequence[Path], problem: Callable[[str, str], Problem]) -> Path:
    """Return ``path`` resolved if it lies inside ``roots`` (symlinks followed), else raise UserError.

    ``problem(message, hint)`` positions the refusal at whatever named the path.
    """
    if not inside(path, roots):
        shown = ", ".join(display(r) for r in roots)
        raise UserError([problem(f"expected a path inside {shown}, found one that leads outside it",
                                 "copy the file into the project and name it relative to it")])
    return Path(os.path.realpath(path))


def refuse_input_as_output(root: Path, out: Path, option: str = "--out", allow: tuple[str, ...] = ()) -> None:
    """Raise UserError when ``out`` is, or lies inside, one of the project's input folders (but those in ``allow``)."""
    real = Path(os.path.realpath(out))
    for name in (n for n in INPUT_FOLDERS if n not in allow):
        folder = Path(os.path.realpath(root / name))
        if real == folder or folder in real.parents:
            raise UserError(f"{option}: expected a path outside the project's input folders, found {display(out)} "
                            f"(in {name}/) (write elsewhere, e.g. out/)")


def write_problem(path: Path, exc: OSError) -> UserError:
    """Return the user error for a failed write (a full disk, a read-only folder, a file in the way)."""
    reason = {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only",
              errno.EACCES: "permission denied", errno.EPERM: "permission denied",
              errno.ENOTDIR: "a file is in the way of the folder", errno.EEXIST: "a file is in the way of the folder",
              errno.EISDIR: "a folder is in the way of the file"}.get(exc.errno or 0, exc.strerror or str(exc))
    return UserError(f"{display(path)}: cannot write: {reason} (nothing was written; choose another --out)")


def decode_utf8(raw: bytes, name: str) -> str:
    """Return ``raw`` as UTF-8 text, or raise UserError at the line and column of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        raise UserError([Problem(name, line, col, "", f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02x}",
                                 "save the file as UTF-8")]) from None
