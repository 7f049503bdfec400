"""The set-up files agree: environment.yml installs what pyproject.toml declares."""
from __future__ import annotations

import re
import tomllib

import yaml

from support import ROOT

_NAME = re.compile(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)$")


def parse(spec: str) -> tuple[set[str], str]:
    m = _NAME.match(spec)
    name, extras, version = m.group(1).lower().replace("_", "-"), m.group(2), m.group(3).replace(" ", "")
    names = {name}
    if extras:  # dask[distributed] is spelled as two conda packages
        names |= {e.strip().lower() for e in extras.strip("[]").split(",")}
    return names, version


def declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    out = {}
    for spec in specs:
        names, version = parse(spec)
        for n in names:
            out[n] = version
    return out


def conda():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    out = {}
    for dep in env["dependencies"]:
        specs = dep["pip"] if isinstance(dep, dict) else [dep]
        for spec in specs:
            if spec.startswith("-e") or spec.startswith("python") or spec == "pip":
                continue
            names, version = parse(spec.replace("=", "==") if re.search(r"[^<>=!]=[^=]", spec) else spec)
            for n in names:
                out[n] = version
    return out


def test_environment_yml_matches_pyproject():
    want, have = declared(), conda()
    assert set(want) == set(have), f"only in pyproject: {set(want) - set(have)}; only in environment.yml: {set(have) - set(want)}"
    for name, version in want.items():
        if version:
            assert have[name] == version, f"{name}: pyproject {version!r} vs environment.yml {have[name]!r}"


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make report" in readme and "make test" in readme
    assert re.search(r"^make test$", ci, re.M)


def test_core_dependencies_declared():
    want = declared()
    for core in ("jupyterlab", "pandas", "nltk", "papermill", "nbval", "nbconvert"):
        assert core in want
    assert want["nbconvert"] == ">=7.17.1"
