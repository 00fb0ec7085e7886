"""One LibreOffice for many conversions: run by an interpreter that has LibreOffice's ``uno``.

This file is a script, not part of briefgen's import graph: ``renderers.office`` starts
it with the system Python (Debian's python3-uno puts ``uno`` there, not in a venv). It
starts ``soffice`` listening on a private pipe with a private profile, then reads
requests on stdin, one a line: ``SOURCE<TAB>TARGET<TAB>FILTER_JSON``, and answers each
with ``ok`` or ``error: …`` on stdout. When stdin closes (briefgen exited, even killed)
it ends LibreOffice and itself and removes its folder, so nothing outlives the batch; on
Linux LibreOffice is also asked to die with the bridge (``PR_SET_PDEATHSIG``), should the
bridge itself be killed. That is why it runs ``soffice.bin`` itself when it can: the
``soffice`` launcher (oosplash) forks ``soffice.bin`` without that request, and, sent
SIGTERM, sometimes hangs while its child runs on (seen in CI).
"""

import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


RESTART = 81
"""soffice.bin's exit status when it asks to be started again (it does after creating a profile)."""


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this (newly forked) process when its parent dies; elsewhere, nothing."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def binary(soffice: str) -> str:
    """Return the ``soffice.bin`` beside the ``soffice`` launcher, or the launcher when there is none."""
    found = os.path.join(os.path.dirname(os.path.realpath(soffice)), "soffice.bin")
    return found if os.path.isfile(found) else soffice


def launch(soffice: str, folder: str, pipe: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [binary(soffice), "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.join(folder, 'profile'))}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent)  # noqa: PLW1509 - prctl only, no locks taken


def connect(soffice: str, folder: str) -> tuple[subprocess.Popen[bytes], Any]:
    pipe = f"briefgen-{os.getpid()}"
    office = launch(soffice, folder, pipe)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if office.poll() == RESTART:  # what the launcher does for it: start it again, once more
                office = launch(soffice, folder, pipe)
            elif office.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("error: LibreOffice did not start") from None
            time.sleep(0.05)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    return office, desktop


def convert(desktop: Any, source: str, target: str, options: dict[str, Any]) -> None:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                       (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("could not open the document")
    try:
        data = tuple(prop(k, v) for k, v in options.get("data", {}).items())
        doc.storeToURL(uno.systemPathToFileUrl(target), (
            prop("FilterName", options["filter"]),
            prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", data))))
    finally:
        doc.close(True)


def main() -> None:
    soffice, folder = sys.argv[1], sys.argv[2]
    try:
        serve(*connect(soffice, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # briefgen removes it too, unless it was killed


def serve(office: subprocess.Popen[bytes], desktop: Any) -> None:
    try:
        print("ready", flush=True)
        for line in sys.stdin:
            source, target, options = line.rstrip("\n").split("\t", 2)
            try:
                convert(desktop, source, target, json.loads(options))
                print("ok", flush=True)
            except Exception as error:  # noqa: BLE001 - reported to briefgen, which raises it
                print(f"error: {type(error).__name__}: {error}".replace("\n", " "), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - LibreOffice may be gone already
            pass
        try:
            office.wait(10)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
