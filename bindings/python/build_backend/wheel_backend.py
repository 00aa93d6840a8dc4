"""A PEP 517 build backend for the actielijst bindings, standard library only.

pip builds a package in an isolated environment into which it first installs the
backend's requirements; with setuptools as the backend that means a download, so
`pip install bindings/python` would fail on a machine without an index. The
bindings are one directory of pure Python modules, so their wheel is simple
enough to write here: the modules, and the metadata taken from pyproject.toml's
[project] table (PEP 621, the fields this project uses).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import tomllib
import zipfile

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE = "actielijst"
_TAG = "py3-none-any"
# A fixed time for every archive member, so two builds of one tree are equal.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def _project() -> dict:
    with open(os.path.join(_ROOT, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)["project"]


def _dist_name(project: dict) -> str:
    return f"{project['name']}-{project['version']}"


def _metadata(project: dict) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    if project.get("license", {}).get("text"):
        lines.append(f"License: {project['license']['text']}")
    if project.get("keywords"):
        lines.append("Keywords: " + ",".join(project["keywords"]))
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    body = ""
    if project.get("readme"):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(_ROOT, project["readme"]), encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _modules() -> list[str]:
    """The package's files, relative to the project root, sorted: the .py modules only
    (no caches, no compiled files)."""
    out = []
    for directory, dirs, files in os.walk(os.path.join(_ROOT, _PACKAGE)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out += [os.path.relpath(os.path.join(directory, f), _ROOT) for f in files if f.endswith(".py")]
    return sorted(out)


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def _write_dist_info(directory: str, project: dict) -> str:
    name = _dist_name(project) + ".dist-info"
    os.makedirs(os.path.join(directory, name), exist_ok=True)
    for file, text in _dist_info_files(project).items():
        with open(os.path.join(directory, name, file), "w", encoding="utf-8") as f:
            f.write(text)
    return name


def _dist_info_files(project: dict) -> dict[str, str]:
    return {
        "METADATA": _metadata(project),
        "WHEEL": f"Wheel-Version: 1.0\nGenerator: actielijst wheel_backend\nRoot-Is-Purelib: true\nTag: {_TAG}\n",
    }


# ---- PEP 517 hooks ------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None) -> list[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> list[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings=None) -> str:
    return _write_dist_info(metadata_directory, _project())


def build_wheel(wheel_directory: str, config_settings=None, metadata_directory=None) -> str:
    project = _project()
    dist_info = _dist_name(project) + ".dist-info"
    filename = f"{_dist_name(project)}-{_TAG}.whl"
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:

        def add(arcname: str, data: bytes) -> None:
            info = zipfile.ZipInfo(arcname, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
            records.append(f"{arcname},{_record_hash(data)},{len(data)}")

        for module in _modules():
            with open(os.path.join(_ROOT, module), "rb") as f:
                add(module.replace(os.sep, "/"), f.read())
        for file, text in _dist_info_files(project).items():
            add(f"{dist_info}/{file}", text.encode("utf-8"))
        record = "\n".join(records + [f"{dist_info}/RECORD,,"]) + "\n"
        add(f"{dist_info}/RECORD", record.encode("utf-8"))
    return filename


def build_sdist(sdist_directory: str, config_settings=None) -> str:
    project = _project()
    base = _dist_name(project)
    filename = base + ".tar.gz"
    files = ["pyproject.toml", "README.md", "build_backend/wheel_backend.py"] + _modules()

    def normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = 0
        info.mode = 0o644
        return info

    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for file in files:
            sdist.add(os.path.join(_ROOT, file), arcname=f"{base}/{file}", filter=normalised)
        pkg_info = _metadata(project).encode("utf-8")
        info = normalised(tarfile.TarInfo(f"{base}/PKG-INFO"))
        info.size = len(pkg_info)
        sdist.addfile(info, io.BytesIO(pkg_info))
    return filename
