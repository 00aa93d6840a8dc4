"""The bindings installed as an outside user installs them, and used from there.

    check_install.py <source dir> <build dir> <work dir>

A fresh virtual environment; `pip install --no-index bindings/python` (offline: the
build backend needs nothing that is not in the standard library); the C library
installed into the same prefix with `cmake --install`; then a script run by the
environment's Python with no PYTHONPATH, no ACTIELIJST_LIBRARY and no
LD_LIBRARY_PATH must find the library beside the package, open a store, import the
Limburg list and read it. Last, `pip uninstall` leaves nothing importable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

USE = textwrap.dedent(
    """
    import errno, os, sys, tempfile
    import actielijst
    prefix = sys.argv[1]
    assert os.path.realpath(actielijst.library_path).startswith(prefix + os.sep), actielijst.library_path
    assert os.path.realpath(actielijst.__file__).startswith(prefix + os.sep), actielijst.__file__
    assert actielijst.version() == actielijst.__version__, (actielijst.version(), actielijst.__version__)
    with tempfile.TemporaryDirectory() as tmp:
        with actielijst.Store.open(os.path.join(tmp, "lijst.db")) as store:
            with open(sys.argv[2], "rb") as f:
                store.import_json(f.read())
            with store.view() as view:
                assert len(view.statuses()) > 0
            try:
                actielijst.Rules.load_file(os.path.join(tmp, "weg.rules"))
            except FileNotFoundError as e:
                assert e.errno == errno.ENOENT and isinstance(e, actielijst.FileError), e
            else:
                raise AssertionError("a missing rules file loaded")
    print("ok", actielijst.version(), actielijst.library_path)
    """
)


def run(*args: str, env: dict | None = None, cwd: str | None = None) -> str:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stdout}{done.stderr}")
    return done.stdout


def main() -> None:
    source, build, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    venv = os.path.join(work, "venv")
    # The interpreter and the environment an outside user has: nothing of the test run's own.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ACTIELIJST_LIBRARY", "LD_LIBRARY_PATH")}
    env["PIP_NO_INDEX"] = "1"  # offline: an attempt to download anything fails the test
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    run(sys.executable, "-m", "venv", venv, env=env)
    python = os.path.join(venv, "bin", "python")
    run(python, "-m", "pip", "install", "--no-cache-dir", os.path.join(source, "bindings", "python"), env=env)
    cmake = os.environ.get("CMAKE_COMMAND", "cmake")
    # Only the library (the install component `runtime`, what the .deb libactielijst<major>
    # holds): the package itself is pip's copy.
    run(cmake, "--install", build, "--prefix", venv, "--component", "runtime", env=env)

    limburg = os.path.join(source, "examples", "data", "limburg.json")
    print(run(python, "-c", USE, os.path.realpath(venv), limburg, env=env, cwd=work), end="")

    run(python, "-m", "pip", "uninstall", "--yes", "actielijst", env=env)
    gone = subprocess.run([python, "-c", "import actielijst"], env=env, cwd=work, capture_output=True, text=True)
    if gone.returncode == 0 or "ModuleNotFoundError" not in gone.stderr:
        sys.exit("actielijst still imports after pip uninstall:\n" + gone.stderr)
    print("uninstalled: import actielijst fails with ModuleNotFoundError")


if __name__ == "__main__":
    main()
