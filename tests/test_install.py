"""The package as someone installs it: a wheel in a fresh environment, run away from the checkout."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.browser import open_app, start_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment with the built wheel installed (its dependencies seen through a path file,
    not installed again): ``(environment, a working folder outside the checkout)``."""
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(wheels), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("tripp_map-*.whl")
    env = work / "env"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    inner = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True
    )
    # The dependencies of this test run, not the checkout: a nested editable hook in them is not read.
    (Path(inner.stdout.strip()) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    install = subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    away = work / "elsewhere"
    away.mkdir()
    return env, away


def run(env: Path, cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([env / "bin" / "tripp-map", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test_the_installed_package_is_the_wheels_not_the_checkout(installed):
    env, away = installed
    where = subprocess.run(
        [env / "bin" / "python", "-c", "import geo, layers.excerpts as e; print(geo.__file__); print(e.SEED)"],
        cwd=away,
        capture_output=True,
        text=True,
    )
    code, seed = where.stdout.split()
    assert str(env) in code and str(env) in seed and str(ROOT) not in code


def test_the_installed_console_script_exports_and_prints(installed):
    env, away = installed
    proc = run(env, away, "export", "map.html")
    assert proc.returncode == 0, proc.stderr
    assert "Daily Sabah" in (away / "map.html").read_text(encoding="utf-8")  # the seed came with the package
    proc = run(env, away, "handout", "handout.pdf")
    assert proc.returncode == 0, proc.stderr
    assert (away / "handout.pdf").read_bytes().startswith(b"%PDF")
    proc = run(env, away, "handout", str(away / "no-such-folder" / "x.pdf"))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "does not exist" in proc.stderr


def test_the_installed_app_serves_the_map(installed, browser):
    env, away = installed
    proc, url = start_app(away, command=(str(env / "bin" / "tripp-map"),))
    try:
        context, _, watch = open_app(browser, url)
        assert watch.outside == []
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
