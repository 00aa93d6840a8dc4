"""Installs the Debian packages with apt as a user would, uses them, purges them
and checks that nothing is left behind.

    apt_test.py --build-dir <build> --work <dir> --consumer <tests/packaging/consumer>
                --data <examples/data/limburg.json>
                --cc <c compiler> --cxx <c++ compiler> --cmake <cmake> --generator <generator>
                --version <x.y.z> [--python]

Needs root (it installs into the system). Without root it is skipped (77) unless
ACTIELIJST_REQUIRE_APT is set. It refuses to run when any of the packages is
already installed, and always purges what it installed, also when a check fails.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77
PYTHON_DIR = "/usr/lib/python3/dist-packages/actielijst"
# What a user's shell gives: no PYTHONPATH, ACTIELIJST_LIBRARY, LD_LIBRARY_PATH or
# PKG_CONFIG_PATH, so only the installed packages can be found.
CLEAN_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}


class Failure(Exception):
    pass


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None, check: bool = True):
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, env=env, cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.stdout:
        print(proc.stdout, end="" if proc.stdout.endswith("\n") else "\n", flush=True)
    if check and proc.returncode != 0:
        raise Failure(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return proc


def status(package: str) -> str:
    """dpkg's state of the package: "" when dpkg has never heard of it."""
    proc = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}", package],
                          text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def ldconfig_lists_library() -> bool:
    out = subprocess.run(["ldconfig", "-p"], text=True, stdout=subprocess.PIPE, check=True).stdout
    return re.search(r"^\s*libactielijst\.so", out, re.M) is not None


def import_actielijst(code: str, cwd: str):
    # -I: no user site directory, no PYTHON* variables, not the current directory.
    # -B: the import must not write byte code itself, or the check that postinst
    # byte-compiled the package would pass whatever postinst did.
    return subprocess.run(["/usr/bin/python3", "-I", "-B", "-c", code], env=CLEAN_ENV, cwd=cwd, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def deb_paths(deb: str) -> list[str]:
    """The absolute paths a .deb installs (directories included)."""
    listing = run(["dpkg-deb", "-c", deb]).stdout.splitlines()
    paths = []
    for line in listing:
        m = re.match(r"^\S+ \S+ +\d+ \S+ \S+ \.(/.*?)(?: -> .*)?$", line)
        if not m:
            raise Failure(f"cannot read the dpkg-deb -c line {line!r}")
        paths.append(m.group(1).rstrip("/") or "/")
    return paths


def check_clean_machine(packages: list[str], paths: list[str], scratch: str) -> None:
    for path in paths:
        if os.path.lexists(path) and not (os.path.isdir(path) and not os.path.islink(path)):
            raise Failure(f"{path} exists already (another installation): installing would overwrite it")
    for p in packages:
        if status(p) not in ("", "un"):
            raise Failure(f"{p} is already known to dpkg (state '{status(p)}'): this test installs and purges "
                          f"it, so it leaves an existing installation alone; remove it first (apt-get purge {p})")
    if os.path.lexists(PYTHON_DIR) or import_actielijst("import actielijst", scratch).returncode == 0:
        raise Failure("the Python module actielijst is already importable on this machine (another installation); "
                      "the test could not tell the package's files from it")
    if ldconfig_lists_library():
        raise Failure("ldconfig -p already lists libactielijst (another installation, e.g. in /usr/local/lib); "
                      "the test could not tell the package's library from it")


def check_installed(args, multiarch: str, scratch: str) -> None:
    libdir = f"/usr/lib/{multiarch}"
    major = args.version.split(".")[0]
    if not ldconfig_lists_library():
        raise Failure("ldconfig -p does not list libactielijst after installation: the ldconfig trigger did not run")

    # Python: the module and the library through the dynamic linker, nothing else.
    if args.python:
        proc = import_actielijst("import actielijst; print(actielijst.version())", scratch)
        print(proc.stdout + proc.stderr, end="")
        if proc.returncode != 0 or proc.stdout.strip() != args.version:
            raise Failure(f"python3 -c 'import actielijst; print(actielijst.version())' gave "
                          f"'{proc.stdout.strip()}' (exit {proc.returncode}), expected {args.version}")
        if not glob.glob(os.path.join(PYTHON_DIR, "__pycache__", "__init__.*.pyc")):
            raise Failure(f"postinst did not byte-compile the module (no {PYTHON_DIR}/__pycache__/__init__.*.pyc)")

    # C with pkg-config, no search path given.
    out = os.path.join(args.work, "consumer")
    os.makedirs(out, exist_ok=True)
    # actielijst.pc is relocatable (libdir is relative to the .pc file's own place).
    pc_libdir = run(["pkg-config", "--variable=libdir", "actielijst"], env=CLEAN_ENV).stdout.strip()
    if os.path.realpath(pc_libdir) != libdir:
        raise Failure(f"pkg-config's libdir is {pc_libdir}, expected {libdir}")
    flags = run(["pkg-config", "--cflags", "--libs", "actielijst"], env=CLEAN_ENV).stdout.split()
    consumer_c = os.path.join(out, "consumer_c")
    run([args.cc, "-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror",
         os.path.join(args.consumer, "consumer.c"), "-o", consumer_c, *flags], env=CLEAN_ENV)
    run([consumer_c, scratch], env=CLEAN_ENV)

    # C++ with find_package, no prefix given.
    build = os.path.join(out, "cmake-consumer")
    configure = run([args.cmake, "-S", args.consumer, "-B", build, "-G", args.generator,
                     f"-DCMAKE_CXX_COMPILER={args.cxx}",
                     f"-DACTIELIJST_EXPECTED_VERSION={args.version}",
                     "-DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON"], env=CLEAN_ENV)
    if f"from {libdir}/cmake/actielijst" not in configure.stdout:
        raise Failure(f"find_package(actielijst) did not find the package in {libdir}/cmake/actielijst")
    run([args.cmake, "--build", build], env=CLEAN_ENV)
    consumer_cpp = os.path.join(build, "consumer_cpp")
    run([consumer_cpp, scratch], env=CLEAN_ENV)

    # The C++ API: find_package(actielijst COMPONENTS core), whose dependencies
    # (the -dev packages libactielijst-dev depends on) apt installed with it; and
    # the same program with pkg-config (actielijst-core.pc).
    build_core = os.path.join(out, "cmake-consumer-core")
    configure = run([args.cmake, "-S", args.consumer, "-B", build_core, "-G", args.generator,
                     f"-DCMAKE_CXX_COMPILER={args.cxx}",
                     f"-DACTIELIJST_EXPECTED_VERSION={args.version}",
                     "-DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON",
                     "-DCONSUMER_CORE=ON"], env=CLEAN_ENV)
    if f"from {libdir}/cmake/actielijst, with core" not in configure.stdout:
        raise Failure(f"find_package(actielijst COMPONENTS core) did not find the package in {libdir}/cmake/actielijst")
    run([args.cmake, "--build", build_core], env=CLEAN_ENV)
    run([os.path.join(build_core, "consumer_core"), scratch, args.data], env=CLEAN_ENV)
    core_flags = run(["pkg-config", "--cflags", "--libs", "actielijst-core"], env=CLEAN_ENV).stdout.split()
    consumer_core_pc = os.path.join(out, "consumer_core_pc")
    run([args.cxx, "-Wall", "-Wextra", "-Werror", os.path.join(args.consumer, "consumer_core.cpp"),
         "-o", consumer_core_pc, *core_flags], env=CLEAN_ENV)
    run([consumer_core_pc, scratch, args.data], env=CLEAN_ENV)

    # Both programs load the installed library, found by the dynamic linker alone.
    # (realpath: with merged /usr, ldd names /lib/<multiarch> for /usr/lib/<multiarch>.)
    installed = os.path.realpath(f"{libdir}/libactielijst.so.{major}")
    for program in (consumer_c, consumer_cpp):
        ldd = run(["ldd", program], env=CLEAN_ENV).stdout
        m = re.search(rf"libactielijst\.so\.{major} => (\S+)", ldd)
        if not m or os.path.realpath(m.group(1)) != installed:
            raise Failure(f"{program} does not load the installed {libdir}/libactielijst.so.{major}")


def check_purged(packages: list[str], files: list[str], existed: set[str], scratch: str) -> list[str]:
    """<files>: what dpkg -L listed while the packages were installed; <existed>:
    the directories among them that were there before (/usr/lib/<multiarch>)."""
    problems = []
    for p in packages:
        if status(p) not in ("", "un"):
            problems.append(f"{p} is still known to dpkg after purge (state '{status(p)}')")
    for path in files:
        if path not in existed and path != "/." and os.path.lexists(path):
            problems.append(f"left behind: {path}")
    if os.path.lexists(PYTHON_DIR):
        problems.append(f"left behind: {PYTHON_DIR} ({os.listdir(PYTHON_DIR) if os.path.isdir(PYTHON_DIR) else ''})")
    proc = import_actielijst("import actielijst", scratch)
    if proc.returncode == 0 or "ModuleNotFoundError: No module named 'actielijst'" not in proc.stderr:
        problems.append(f"import actielijst after purge did not fail with ModuleNotFoundError: exit "
                        f"{proc.returncode}, {proc.stderr.strip()}")
    if ldconfig_lists_library():
        problems.append("ldconfig -p still lists libactielijst after purge")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("--build-dir", "--work", "--consumer", "--data", "--cc", "--cxx", "--cmake", "--generator", "--version"):
        parser.add_argument(name, required=True)
    parser.add_argument("--python", action="store_true")
    args = parser.parse_args()

    if os.geteuid() != 0:
        if os.environ.get("ACTIELIJST_REQUIRE_APT"):
            print("FAILED: packaging_apt needs root to install packages, and ACTIELIJST_REQUIRE_APT is set")
            return 1
        print("SKIPPED: packaging_apt installs the packages into the system and needs root "
              "(set ACTIELIJST_REQUIRE_APT=1 to make this a failure)")
        return SKIP

    multiarch = run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"]).stdout.strip()
    major = args.version.split(".")[0]
    packages = [f"libactielijst{major}", "libactielijst-dev"] + (["python3-actielijst"] if args.python else [])
    cpack = os.path.join(os.path.dirname(args.cmake), "cpack")
    os.makedirs(args.work, exist_ok=True)
    debs_dir = os.path.join(args.work, "debs")
    run(["rm", "-rf", debs_dir])
    run([cpack, "-G", "DEB", "--config", os.path.join(args.build_dir, "CPackConfig.cmake"), "-B", debs_dir],
        cwd=args.build_dir)
    debs = []
    for p in packages:
        found = glob.glob(os.path.join(debs_dir, f"{p}_*.deb"))
        if len(found) != 1:
            raise Failure(f"expected one {p}_*.deb in {debs_dir}, found {found}")
        debs.append(found[0])

    paths = [path for deb in debs for path in deb_paths(deb)]
    existed = {path for path in paths if os.path.isdir(path)}
    with tempfile.TemporaryDirectory(prefix="actielijst-apt-") as scratch:
        check_clean_machine(packages, paths, scratch)
        apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=300"]
        files: list[str] = []
        failure = None
        try:
            run(apt + ["install", "-y", "--no-install-recommends"] + debs, env=apt_env)
            for p in packages:
                files += run(["dpkg-query", "-L", p]).stdout.splitlines()
            check_installed(args, multiarch, scratch)
        except Failure as exc:
            failure = str(exc)
        finally:
            # Whatever of ours got installed, even by a failed apt-get: the check
            # above made sure none of them was there before.
            installed = [p for p in packages if status(p) not in ("", "un")]
            if installed:
                run(apt + ["purge", "-y"] + installed, env=apt_env, check=False)
        problems = ([failure] if failure else []) + check_purged(packages, files, existed, scratch)
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print(f"installed {', '.join(packages)} with apt, used them from C, C++ (C API and C++ API) and Python, "
          "purged them without a trace")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as exc:
        print(f"FAILED: {exc}")
        sys.exit(1)
