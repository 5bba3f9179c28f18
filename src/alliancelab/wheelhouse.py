"""A wheelhouse for every laptop in the room, made on one machine.

``python course.py wheelhouse --platform all`` downloads, with pip's cross-platform download, the wheels of every
pinned package for Windows (x86-64), macOS (arm64 and x86-64) and Linux (x86-64 and aarch64), for each supported
Python version, into one folder, ``wheelhouse/``. On a laptop without the network, ``course.py`` installs with
``--no-index --find-links wheelhouse``, and pip picks from that one folder the wheels that fit the interpreter
in front of it; wheels for other platforms are ignored.

The course itself is installed from its source folder (``pip install -e .``), so the build backend (setuptools,
wheel) is downloaded too.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
BUILD = ("setuptools>=77", "wheel", "uv==0.13.9")  # the build backend, and the installer course.py prefers


def _env(os_name: str, sys_platform: str, system: str, machine: str) -> dict:
    return {"os_name": os_name, "sys_platform": sys_platform, "platform_system": system, "platform_machine": machine,
            "implementation_name": "cpython", "platform_python_implementation": "CPython", "platform_release": "",
            "platform_version": "", "extra": ""}


@dataclass(frozen=True)
class Platform:
    name: str
    #: environment-marker values of a typical interpreter there (pip evaluates markers such as
    #: ``os_name == "nt"`` against the machine it runs on, even with --platform, so these are checked here)
    markers: dict
    #: pip --platform values. pip expands a macOS tag to every older macOS version of the same architecture and
    #: "manylinux2014" to the manylinux_2_17 family; newer manylinux tags are listed one by one.
    tags: tuple[str, ...]
    #: what a wheel's platform tag may contain to belong to it (pure "any" wheels belong to every platform)
    marker: str


PLATFORMS = {
    "windows-x86_64": Platform("windows-x86_64", _env("nt", "win32", "Windows", "AMD64"), ("win_amd64",), "win_amd64"),
    "macos-arm64": Platform("macos-arm64", _env("posix", "darwin", "Darwin", "arm64"), ("macosx_14_0_arm64",), "arm64"),
    "macos-x86_64": Platform("macos-x86_64", _env("posix", "darwin", "Darwin", "x86_64"), ("macosx_14_0_x86_64",),
                             "x86_64"),
    "linux-x86_64": Platform("linux-x86_64", _env("posix", "linux", "Linux", "x86_64"), ("manylinux2014_x86_64", "manylinux_2_24_x86_64", "manylinux_2_27_x86_64",
                                              "manylinux_2_28_x86_64", "manylinux_2_31_x86_64",
                                              "manylinux_2_34_x86_64"), "x86_64"),
    "linux-aarch64": Platform("linux-aarch64", _env("posix", "linux", "Linux", "aarch64"), ("manylinux2014_aarch64", "manylinux_2_24_aarch64",
                                                "manylinux_2_27_aarch64", "manylinux_2_28_aarch64",
                                                "manylinux_2_31_aarch64", "manylinux_2_34_aarch64"), "aarch64"),
}


def requirements(root: Path = ROOT) -> list[str]:
    """The course's pinned dependencies (pyproject.toml's ``dependencies``) plus the build backend."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, flags=re.S | re.M)
    if not block:
        raise ValueError("pyproject.toml has no dependencies list")
    pins = re.findall(r'"([^"]+)"', block.group(1))
    return [*pins, *BUILD]


def _target_args(platform: Platform, python: str) -> list[str]:
    nodot = python.replace(".", "")
    args = ["--only-binary=:all:", "--python-version", python, "--implementation", "cp", "--abi", f"cp{nodot}",
            "--abi", "abi3", "--abi", "none"]
    for tag in platform.tags:
        args += ["--platform", tag]
    return args


def download_command(platform: Platform, python: str, dest: Path, reqs: list[str]) -> list[str]:
    return [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--quiet", "--dest", str(dest),
            *_target_args(platform, python), *reqs]


def selection_command(platform: Platform, python: str, wheelhouse: Path, reqs: list[str], report: Path) -> list[str]:
    """pip's own resolver, offline, for another platform: which files would the install take from the wheelhouse?"""
    return [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--dry-run",
            "--ignore-installed", "--no-index", "--find-links", str(wheelhouse), "--target",
            str(report.parent / "target"), "--report", str(report), *_target_args(platform, python), *reqs]


def would_install(platform: Platform, python: str, wheelhouse: Path, reqs: list[str] | None = None) -> list[str]:
    """The wheel file names an offline install on ``platform``/``python`` would select from ``wheelhouse``."""
    reqs = requirements() if reqs is None else reqs
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(selection_command(platform, python, wheelhouse, reqs, report),
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"the wheelhouse cannot satisfy {platform.name} / Python {python}:\n{done.stderr[-2000:]}")
        items = json.loads(report.read_text(encoding="utf-8"))["install"]
    return sorted(Path(item["download_info"]["url"]).name for item in items)


def belongs(wheel: str, platform: Platform) -> bool:
    """Whether a wheel file name is pure or built for ``platform``."""
    tag = wheel[:-4].split("-")[-1]
    universal = platform.name.startswith("macos") and "universal2" in tag  # one macOS wheel for both chips
    return tag == "any" or platform.marker in tag or universal


def _requires(wheel: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(meta).decode("utf-8", "replace")
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Requires-Dist:")]


def conditional_gaps(wheelhouse: Path, platform: Platform, python: str, selected: list[str]) -> list[str]:
    """Requirements of the selected wheels that hold on ``platform`` only (a marker such as ``os_name == "nt"``),
    which pip's cross-platform resolver skips, and that no wheel in the wheelhouse satisfies for that platform."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename

    env = {**platform.markers, "python_version": python, "python_full_version": f"{python}.0"}
    have: dict[str, list] = {}
    for path in wheelhouse.glob("*.whl"):
        if belongs(path.name, platform):
            name, version, _, _ = parse_wheel_filename(path.name)
            have.setdefault(canonicalize_name(name), []).append(version)
    gaps = []
    for wheel in selected:
        for spec in _requires(wheelhouse / wheel):
            req = Requirement(spec)
            if req.marker is None or not req.marker.evaluate(env):
                continue
            versions = have.get(canonicalize_name(req.name), [])
            if not any(req.specifier.contains(v, prereleases=True) for v in versions):
                gaps.append(f"{req.name}{req.specifier}")
    return sorted(set(gaps))


def download(platforms: list[str], pythons: list[str], dest: Path, root: Path = ROOT) -> dict[str, int]:
    """Download into one folder; return the bytes added per platform (shared pure wheels count once, first)."""
    dest.mkdir(parents=True, exist_ok=True)
    reqs = requirements(root)
    sizes: dict[str, int] = {}
    for name in platforms:
        platform = PLATFORMS[name]
        before = {p.name for p in dest.glob("*.whl")}
        for python in pythons:
            print(f"  {name}, Python {python} ...", flush=True)
            extra: list[str] = []
            for _round in range(5):  # platform-only requirements (pywinpty on Windows, appnope on macOS, ...)
                done = subprocess.run(download_command(platform, python, dest, [*reqs, *extra]))
                if done.returncode != 0:
                    raise SystemExit(f"pip could not download the wheels for {name} / Python {python} (see above).")
                gaps = conditional_gaps(dest, platform, python, would_install(platform, python, dest, [*reqs, *extra]))
                if not gaps:
                    break
                extra += gaps
        sizes[name] = sum(p.stat().st_size for p in dest.glob("*.whl") if p.name not in before)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python course.py wheelhouse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", default="this",
                        help="'all', 'this' (this computer only), or a comma-separated list of: " + ", ".join(PLATFORMS))
    parser.add_argument("--python", default=",".join(PYTHONS), help="Python versions, comma-separated (default: %(default)s)")
    parser.add_argument("--dest", default=str(ROOT / "wheelhouse"))
    args = parser.parse_args(argv)
    dest = Path(args.dest)
    if args.platform == "this":
        dest.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--dest", str(dest), *requirements()]
        return subprocess.run(cmd).returncode
    names = list(PLATFORMS) if args.platform == "all" else [n.strip() for n in args.platform.split(",")]
    unknown = [n for n in names if n not in PLATFORMS]
    if unknown:
        parser.error(f"unknown platform(s) {', '.join(unknown)}; choose from {', '.join(PLATFORMS)} or 'all'")
    sizes = download(names, [p.strip() for p in args.python.split(",")], dest)
    for name, size in sizes.items():
        print(f"{name}: {size / 1e6:.1f} MB added")
    total = sum(p.stat().st_size for p in dest.glob("*.whl"))
    print(f"wheelhouse/: {total / 1e6:.1f} MB in {len(list(dest.glob('*.whl')))} wheels. Copy the whole course folder, "
          "wheelhouse/ included, to the USB stick.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
