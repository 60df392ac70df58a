"""The wheel ships personas/, agents/ and rubrics/ and works outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("simulator", "personas", "agents", "rubrics"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return next(dist.glob("salesim-*.whl"))


def test_wheel_contains_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for persona in (ROOT / "personas").glob("*.yaml"):
        assert f"simulator/_data/personas/{persona.name}" in names
    for agent in (ROOT / "agents").glob("*.yaml"):
        assert f"simulator/_data/agents/{agent.name}" in names
    assert "simulator/_data/agents/knowledge/legal.zh_CN.yaml" in names
    assert "simulator/_data/rubrics/README.md" in names
    assert "simulator/phrasebanks/zh_CN.yaml" in names
    for template in ("report.html.j2", "report.css", "report.js"):
        assert f"simulator/report/templates/{template}" in names


def test_installed_wheel_runs_outside_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import simulator, sys; from simulator.specs import data_dir;"
        "print(simulator.__file__); print(data_dir('personas'))"
    )
    where = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert where[0].startswith(str(target)) and where[1].startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "run", "--n", "2", "--out", str(tmp_path / "results")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "scripted-v2 vs human" in result.stdout
