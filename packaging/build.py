"""Build Digit Studio's standalone desktop bundle and, on Linux, its installable package.

    uv run --group packaging python packaging/build.py             # dist/DigitStudio/ (+ .deb on Debian/Ubuntu)
    uv run --group packaging python packaging/build.py --tarball   # also a .tar.gz with install.sh
    uv run --group packaging python packaging/build.py --no-package  # the bundle only
    uv run --group packaging python packaging/build.py --booth     # dist/DigitStudioBooth/: no TensorFlow
    uv run --group packaging python packaging/build.py --booth --tarball  # and a plain .tar.gz of it

Steps: render the icon from resources/icons/digit-studio.svg (Qt's own SVG renderer, so no
extra tool on any OS); run PyInstaller on packaging/digit-studio.spec into dist/DigitStudio/
(a one-folder app: the executable plus _internal/ with Python, TensorFlow, Qt and resources/);
check the bundle holds the shipped models, MNIST and icons; on Linux build
dist/digit-studio_<version>_<arch>.deb with dpkg-deb (installs to /opt/digit-studio, with
/usr/bin/digit-studio, a .desktop entry and hicolor icons), or a tarball with install.sh where
dpkg-deb is missing. Prints the build time, the bundle size and what dominates it.

The booth build (--booth, packaging/digit-studio-booth.spec) is inference only: the window, the
kiosk and the command-line predict/evaluate through the NumPy backend, without TensorFlow, Keras or
TensorBoard; the build fails if any of them (or the rest of the machine-learning stack) is inside,
checked on the bundle's files and the modules archived in its executable. No .deb for it; --tarball
makes a plain .tar.gz of the folder.

Reproducible: dependencies come from uv.lock, PYTHONHASHSEED is fixed for PyInstaller,
the .deb is built with --root-owner-group and honours SOURCE_DATE_EPOCH when set.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "digit-studio.spec"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE_NAME = "DigitStudio"         # dist/DigitStudio/DigitStudio[.exe]
PACKAGE = "digit-studio"            # Debian package, command, .desktop and icon name
INSTALL_DIR = f"/opt/{PACKAGE}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = ROOT / "resources" / "icons" / "digit-studio.svg"
IS_LINUX, IS_WIN = sys.platform.startswith("linux"), sys.platform == "win32"
# What the bundle takes from the target system (measured with ldd on every bundled library):
# PyInstaller deliberately leaves out libc, the driver-specific GL/EGL libraries and libxcb;
# fontconfig's configuration and a font come from the system too. Wayland sessions use the
# system's Wayland client libraries (without them Qt falls back to X11 through XWayland).
DEB_DEPENDS = ["libgl1", "libegl1", "libxcb1", "fontconfig-config",
               "fonts-dejavu-core | fonts-liberation2 | fonts-freefont-ttf"]
DEB_RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)




@dataclasses.dataclass(frozen=True)
class Target:
    """One PyInstaller build: its spec, its folder and executable name in dist/, its Windows console twin."""
    label: str
    spec: Path
    bundle_name: str
    cli_name: str
    tensorflow_free: bool


FULL = Target("Digit Studio", SPEC, BUNDLE_NAME, "digit-studio-cli", tensorflow_free=False)
BOOTH = Target("Digit Studio Booth", PACKAGING / "digit-studio-booth.spec", "DigitStudioBooth",
               "digit-studio-booth-cli", tensorflow_free=True)
BOOTH_PACKAGE = "digit-studio-booth"  # the booth's tarball name


# --- icon ------------------------------------------------------------------------------------------

def render_icons(out_dir: Path) -> dict[int, Path]:
    """PNG icons rendered from the SVG with QSvgRenderer (offscreen, so it works on a headless CI)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    icons = {}
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{PACKAGE}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        icons[size] = path
    return icons


# --- PyInstaller -----------------------------------------------------------------------------------

def run_pyinstaller(clean: bool, log_level: str, target: Target = FULL) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is missing: run this as "
                         "`uv run --group packaging python packaging/build.py`") from None
    env = dict(os.environ, PYTHONHASHSEED="0", QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # PyInstaller's cache (including stripped copies of the big libraries) stays inside build/.
    env.setdefault("PYINSTALLER_CONFIG_DIR", str(BUILD / "pyinstaller-cache"))
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # the hooks import TensorFlow: keep its banners quiet
    env.setdefault("GLOG_minloglevel", "2")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", log_level,
           "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(target.spec)]
    if clean:
        cmd.insert(3, "--clean")
    log("PyInstaller: " + " ".join(cmd[1:]))
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return DIST / target.bundle_name


def check_bundle(bundle: Path, target: Target = FULL) -> Path:
    exe = bundle / (target.bundle_name + (".exe" if IS_WIN else ""))
    resources = bundle / "_internal" / "resources"
    needed = [exe, resources / "mnist.npz", resources / "icons" / "digit-studio.svg"]
    needed += [resources / "models" / f"{name}.keras" for name in ("cnn", "course-mlp", "sigmoid-mlp")]
    if IS_WIN:
        needed.append(bundle / f"{target.cli_name}.exe")
    missing = [str(p.relative_to(bundle)) for p in needed if not p.is_file()]
    if missing:
        raise SystemExit(f"the bundle lacks: {', '.join(missing)}")
    return exe


# What the booth must not hold: the machine-learning stack, by top-level package or library name
# (tensorflow/, tensorflow-2.x.dist-info/, libtensorflow_framework.so, _pywrap_tensorflow_internal.so,
# tensorboard_data_server/...), as a file or folder anywhere in the bundle or as an archived module.
_ML_NAME = re.compile(r"^(lib)?_?(pywrap_)?(tensorflow|keras|tf_keras|tensorboard|jax|jaxlib|ml_dtypes|torch|openvino)"
                      r"([-_.]|$)", re.IGNORECASE)


def archived_modules(exe: Path) -> list[str] | None:
    """The names of the modules archived in ``exe`` (PyInstaller's PYZ inside the executable's
    CArchive, plus the CArchive's own scripts); None where PyInstaller's readers are unavailable."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return None
    archive = CArchiveReader(str(exe))
    names = list(archive.toc)
    for name, entry in archive.toc.items():
        if entry[-1] == "z":  # a PYZ: the pure-Python modules
            names += list(archive.open_embedded_archive(name).toc)
    return names


def ml_stack_inside(bundle: Path, exe: Path) -> tuple[list[str], str]:
    """(what of the machine-learning stack the bundle holds, what was checked)."""
    found, files = set(), 0
    for root, dirs, names in os.walk(bundle):
        for name in dirs + names:
            files += name in names
            if _ML_NAME.match(name):
                found.add(Path(root, name).relative_to(bundle).as_posix())
        dirs[:] = [d for d in dirs if not _ML_NAME.match(d)]  # one line for tensorflow/, not thousands
    modules = archived_modules(exe)
    if modules is not None:
        found |= {f"{exe.name}: module {name}" for name in modules
                  if _ML_NAME.match(name.split(".")[0])}
    checked = f"{files:,} files" + (f" and {len(modules):,} archived modules" if modules is not None else
                                    " (not the archived modules: PyInstaller is not importable)")
    return sorted(found), checked


# --- sizes -----------------------------------------------------------------------------------------

def tree_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            file = Path(root, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


def size_report(bundle: Path, top: int = 10) -> tuple[int, list[str]]:
    """Total size, the biggest files, and the biggest top-level parts of _internal/."""
    files = []
    for root, _dirs, names in os.walk(bundle):
        for name in names:
            file = Path(root, name)
            if not file.is_symlink():
                files.append((file.stat().st_size, file.relative_to(bundle).as_posix()))
    total = sum(size for size, _ in files)
    files.sort(reverse=True)
    lines = [f"bundle: {bundle}: {mib(total)} in {len(files):,} files", f"the {top} biggest files:"]
    lines += [f"  {mib(size):>12}  {name}" for size, name in files[:top]]
    parts: dict[str, int] = {}
    for size, name in files:
        pieces = name.split("/")
        key = pieces[1] if pieces[0] == "_internal" and len(pieces) > 2 else (
            "_internal/* (top-level libraries)" if pieces[0] == "_internal" else pieces[0])
        parts[key] = parts.get(key, 0) + size
    lines.append(f"the {top} biggest parts:")
    lines += [f"  {mib(size):>12}  {100 * size / total:5.1f} %  {name}"
              for name, size in sorted(parts.items(), key=lambda kv: -kv[1])[:top]]
    return total, lines


# --- Linux packages --------------------------------------------------------------------------------

def deb_architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def glibc_needed(bundle: Path) -> str | None:
    """The newest GLIBC symbol version any bundled binary needs (for the .deb's libc6 dependency)."""
    if not shutil.which("objdump"):
        return None
    best: tuple[int, ...] = ()
    for root, _dirs, names in os.walk(bundle):
        for name in names:
            file = Path(root, name)
            if file.is_symlink() or not (".so" in name or os.access(file, os.X_OK)):
                continue
            with open(file, "rb") as fh:
                if fh.read(4) != b"\x7fELF":
                    continue
            out = subprocess.run(["objdump", "-T", str(file)], capture_output=True, text=True, check=False).stdout
            for version in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)", out):
                best = max(best, tuple(int(x) for x in version.split(".")))
    return ".".join(map(str, best)) if best else None


def stage_share(share: Path, icons: dict[int, Path]) -> None:
    """The .desktop entry, the hicolor icons and the copyright note under a ``share/`` folder."""
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / f"{PACKAGE}.desktop", share / "applications" / f"{PACKAGE}.desktop")
    for size, png in icons.items():
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{PACKAGE}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(SVG, scalable / f"{PACKAGE}.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Digit Studio: MIT License.\n"
        "Bundled: Python (PSF License), Qt 6 / PySide6 (LGPLv3), TensorFlow and Keras (Apache 2.0),\n"
        "NumPy, Pillow, pyqtgraph, h5py and their dependencies under their own licenses.\n"
        "MNIST (resources/mnist.npz): Yann LeCun, Corinna Cortes, Christopher J.C. Burges, CC BY-SA 3.0.\n",
        encoding="utf-8")


def normalize_modes(tree: Path) -> None:
    """0755 for folders and executables, 0644 for everything else (as Debian policy wants)."""
    for root, dirs, files in os.walk(tree):
        for name in dirs:
            os.chmod(Path(root, name), 0o755)
        for name in files:
            path = Path(root, name)
            if path.is_symlink():
                continue
            mode = path.stat().st_mode
            os.chmod(path, 0o755 if mode & stat.S_IXUSR else 0o644)


def build_deb(bundle: Path, icons: dict[int, Path], version: str, compression: str) -> Path:
    arch = deb_architecture()
    stage = BUILD / "deb" / f"{PACKAGE}_{version}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"{INSTALL_DIR}/{BUNDLE_NAME}")
    stage_share(stage / "usr" / "share", icons)
    normalize_modes(stage)
    depends = list(DEB_DEPENDS)
    glibc = glibc_needed(bundle)
    if glibc:
        depends.insert(0, f"libc6 (>= {glibc})")
    installed_kib = (tree_size(stage) + 1023) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Digit Studio <maintainers@digitstudio.app>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Section: education\n"
        "Priority: optional\n"
        "Description: draw a digit and watch a neural network recognise it\n"
        " Digit Studio recognises handwritten digits live while you draw, shows every layer of the\n"
        " network responding, and trains your own networks on the bundled MNIST copy, offline.\n"
        " Self-contained: Python, TensorFlow, Qt and the trained models are included.\n",
        encoding="utf-8")
    os.chmod(control.parent, 0o755)
    os.chmod(control, 0o644)
    deb = DIST / f"{PACKAGE}_{version}_{arch}.deb"
    # gzip (default): 45 s here for 516 MiB; xz: 3.3 min for about 350 MiB. Every dpkg reads both.
    cmd = ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "-z6", "--build", str(stage), str(deb)]
    log(" ".join(cmd))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return deb


INSTALL_SH = r"""#!/bin/sh
# Install Digit Studio from this folder.
#   ./install.sh              as root: /opt/digit-studio and /usr/local; otherwise ~/.local
#   ./install.sh --uninstall  remove it again
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then app=/opt/digit-studio; prefix=/usr/local
else app="${XDG_DATA_HOME:-$HOME/.local/share}/digit-studio/app"; prefix="$HOME/.local"; fi
data="${XDG_DATA_HOME:-$prefix/share}"; [ "$(id -u)" -eq 0 ] && data="$prefix/share"
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app" "$prefix/bin/digit-studio" "$data/applications/digit-studio.desktop"
  [ "$(id -u)" -eq 0 ] || rmdir "$(dirname "$app")" 2>/dev/null || true
  find "$data/icons/hicolor" -name 'digit-studio.*' -delete 2>/dev/null || true
  echo "Digit Studio removed."; exit 0
fi
rm -rf "$app"; mkdir -p "$app" "$prefix/bin" "$data/applications"
cp -a "$here/DigitStudio/." "$app/"
ln -sf "$app/DigitStudio" "$prefix/bin/digit-studio"
cp -a "$here/share/icons" "$data/"
sed "s|^Exec=digit-studio|Exec=$prefix/bin/digit-studio|" "$here/share/applications/digit-studio.desktop" \
  > "$data/applications/digit-studio.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "Digit Studio installed: $prefix/bin/digit-studio (and in your applications menu)."
"""


def build_tarball(bundle: Path, icons: dict[int, Path], version: str) -> Path:
    name = f"{PACKAGE}-{version}-linux-{platform.machine()}"
    stage = BUILD / "tarball" / name
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / BUNDLE_NAME, symlinks=True)
    stage_share(stage / "share", icons)
    (stage / "install.sh").write_text(INSTALL_SH, encoding="utf-8")
    (stage / "install.sh").chmod(0o755)
    return write_tarball(stage, name)


def build_booth_tarball(bundle: Path, version: str) -> Path:
    """The booth bundle as it is, in a .tar.gz: unpack it anywhere and run DigitStudioBooth/DigitStudioBooth."""
    name = f"{BOOTH_PACKAGE}-{version}-linux-{platform.machine()}"
    stage = BUILD / "tarball" / name
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / bundle.name, symlinks=True)
    return write_tarball(stage, name)


def write_tarball(stage: Path, name: str) -> Path:
    """dist/<name>.tar.gz of ``stage`` (as folder <name>/), owned by root, modes normalised; removes the stage."""
    normalize_modes(stage)
    tarball = DIST / f"{name}.tar.gz"
    log(f"writing {tarball.name}")
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None

    def normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        if epoch:
            info.mtime = min(info.mtime, epoch)
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name, filter=normalize)
    shutil.rmtree(stage.parent)
    return tarball


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--booth", action="store_true",
                        help="the booth build instead: dist/DigitStudioBooth/, inference only, no TensorFlow "
                             "(no .deb; --tarball for a .tar.gz of it)")
    parser.add_argument("--no-clean", action="store_true",
                        help="reuse PyInstaller's cache and work folder (faster rebuilds)")
    parser.add_argument("--no-package", action="store_true", help="Linux: the bundle only, no .deb or tarball")
    parser.add_argument("--tarball", action="store_true",
                        help="Linux: also a .tar.gz with install.sh (always made when dpkg-deb is missing)")
    parser.add_argument("--compression", choices=("gzip", "xz"), default="gzip",
                        help="the .deb's compression: gzip is fast, xz about a third smaller and 4x slower")
    parser.add_argument("--log-level", default="WARN", help="PyInstaller's log level (default: WARN)")
    args = parser.parse_args(argv)

    target = BOOTH if args.booth else FULL
    started = time.perf_counter()
    version = project_version()
    log(f"{target.label} {version} on {platform.system()} {platform.machine()}, Python {platform.python_version()}")
    icons = render_icons(BUILD / "icons")
    bundle = run_pyinstaller(clean=not args.no_clean, log_level=args.log_level, target=target)
    exe = check_bundle(bundle, target)
    ml_check = None
    if target.tensorflow_free:
        found, checked = ml_stack_inside(bundle, exe)
        if found:
            raise SystemExit(f"the booth bundle must not hold TensorFlow or its kin, but holds ({checked}):\n  "
                             + "\n  ".join(found))
        ml_check = f"no TensorFlow, Keras, TensorBoard, JAX, ml_dtypes or torch inside: checked {checked}"
    bundle_done = time.perf_counter()

    packages = []
    if target is BOOTH:
        if IS_LINUX and args.tarball and not args.no_package:
            packages.append(build_booth_tarball(bundle, version))
    elif IS_LINUX and not args.no_package:
        if shutil.which("dpkg-deb"):
            packages.append(build_deb(bundle, icons, version, args.compression))
        if args.tarball or not shutil.which("dpkg-deb"):
            packages.append(build_tarball(bundle, icons, version))
    finished = time.perf_counter()

    _total, lines = size_report(bundle)
    print()
    for line in lines:
        print(line)
    print(f"executable: {exe.relative_to(ROOT)}")
    if ml_check:
        print(ml_check)
    for package in packages:
        print(f"package: {package.relative_to(ROOT)}: {mib(package.stat().st_size)}")
    print(f"build time: {bundle_done - started:.0f} s for the bundle"
          + (f", {finished - bundle_done:.0f} s for the package(s)" if packages else "")
          + f", {finished - started:.0f} s in all")
    print(f"smoke test: python packaging/smoke_test.py {bundle.relative_to(ROOT)}")
    if target is BOOTH:
        print("figures: python bench/booth_figures.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
