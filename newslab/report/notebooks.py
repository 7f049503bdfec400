"""Notebook discovery, the ``newslab`` metadata convention, parameters and recorded results.

Light on purpose (``json`` and ``ast`` only): notebooks import ``newslab`` in their kernel,
and :func:`record_results` lives here, so nothing heavy may be imported at module level.
"""
from __future__ import annotations

import ast
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Notebook kinds, see the package docstring.
KINDS = ("article", "corpus", "evaluation")

#: Mimetype of the output :func:`record_results` displays.
RESULTS_MIMETYPE = "application/vnd.newslab.results+json"

_DEFAULT_ACCEPTS = {"article": ("article",), "corpus": ("article", "corpus"), "evaluation": ()}


@dataclass(frozen=True)
class Parameter:
    """One assignment of a notebook's ``parameters`` cell."""

    name: str
    default: Any          # the literal value, or the source text when it is not a literal
    literal: bool         # whether ``default`` could be evaluated
    help: str


@dataclass(frozen=True)
class NotebookSpec:
    """A notebook and what its ``newslab`` metadata says about it."""

    path: Path
    name: str
    kind: str
    input_parameter: str | None
    accepts: tuple[str, ...]
    title: str
    order: int
    parameters: dict[str, Parameter] = field(default_factory=dict)

    def runs_on(self, input_kind: str) -> bool:
        return input_kind in self.accepts


def default_notebook_dir() -> Path:
    """The repository's ``notebooks/`` folder (or a copy installed inside the package)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "notebooks", here / "notebooks"):
        if candidate.is_dir():
            return candidate
    return here.parent / "notebooks"


def _parameters(nb: dict) -> dict[str, Parameter]:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            return parse_parameters(source)
    return {}


def parse_parameters(source: str) -> dict[str, Parameter]:
    """``name = value  # help`` (or ``name: type = value``) lines of a parameters cell."""
    lines = source.splitlines()
    params: dict[str, Parameter] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        else:
            continue
        try:
            default, literal = ast.literal_eval(value), True
        except ValueError:
            default, literal = ast.get_source_segment(source, value), False
        line = lines[node.end_lineno - 1]
        help_text = line.split("#", 1)[1].strip() if "#" in line[node.end_col_offset:] else ""
        if help_text.lower().startswith("help:"):
            help_text = help_text[5:].strip()
        params[name] = Parameter(name, default, literal, help_text)
    return params


def notebook_spec(path: str | os.PathLike) -> NotebookSpec | None:
    """The :class:`NotebookSpec` of a notebook, or None when it has no ``newslab`` metadata.

    Raises ValueError on malformed metadata (an unknown kind, a missing input parameter).
    """
    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    meta = nb.get("metadata", {}).get("newslab")
    if meta is None:
        return None
    kind = meta.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{path.name}: metadata newslab.kind must be one of {KINDS}, got {kind!r}")
    params = _parameters(nb)
    input_parameter = meta.get("input_parameter")
    if kind != "evaluation":
        if not input_parameter:
            raise ValueError(f"{path.name}: metadata newslab.input_parameter is required for kind {kind!r}")
        if input_parameter not in params:
            raise ValueError(f"{path.name}: input parameter {input_parameter!r} is not assigned in the "
                             f"cell tagged 'parameters'")
    accepts = tuple(meta.get("accepts") or _DEFAULT_ACCEPTS[kind])
    return NotebookSpec(path=path, name=path.stem, kind=kind, input_parameter=input_parameter,
                        accepts=accepts, title=str(meta.get("title") or path.stem),
                        order=int(meta.get("order", 100)), parameters=params)


def discover(folder: str | os.PathLike | None = None) -> list[NotebookSpec]:
    """Every notebook in ``folder`` (default :func:`default_notebook_dir`) with ``newslab`` metadata,
    sorted by ``order`` then name. Checkpoints and papermill outputs (``*.out.ipynb``) are ignored."""
    folder = Path(folder) if folder is not None else default_notebook_dir()
    specs = []
    for path in sorted(folder.glob("*.ipynb")):
        if path.name.endswith(".out.ipynb"):
            continue
        spec = notebook_spec(path)
        if spec is not None:
            specs.append(spec)
    return sorted(specs, key=lambda s: (s.order, s.name))


# --- parameter values ----------------------------------------------------------------------

def _resolve_untyped(text: str) -> Any:
    """papermill's ``-p`` rules: booleans, None, int, float, else the string."""
    lowered = text.strip()
    if lowered in ("True", "true"):
        return True
    if lowered in ("False", "false"):
        return False
    if lowered in ("None", "none", "null"):
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def coerce(text: str, default: Any) -> Any:
    """A command-line string converted to the type of a parameter's default."""
    if isinstance(default, bool):
        low = text.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"expected a boolean (true/false), got {text!r}")
    if isinstance(default, int):
        return int(text)
    if isinstance(default, float):
        return float(text)
    if isinstance(default, str):
        return text
    if isinstance(default, (list, tuple, dict)):
        import yaml

        value = yaml.safe_load(text)
        if isinstance(default, (list, tuple)) and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        return value
    return _resolve_untyped(text)


# --- recorded results ----------------------------------------------------------------------

def _jsonable(value: Any) -> Any:
    if hasattr(value, "item") and callable(value.item):      # numpy / pandas scalars
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "to_dict") and hasattr(value, "columns"):           # DataFrame
        return value.to_dict(orient="records")
    if hasattr(value, "to_dict"):                                          # Series
        return value.to_dict()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"cannot record {type(value).__name__} as JSON")


def record_results(values: dict[str, Any] | None = None, /, **more: Any) -> None:
    """Record named JSON results in the notebook's output, for tests and ``results.json``.

    Displays one output with mimetype :data:`RESULTS_MIMETYPE` (plus a one-line ``text/plain``
    summary). Numpy scalars, dates and DataFrames (as records) are converted; everything must be
    deterministic since nbval compares it. Returns None, so that no ``;`` is needed after the call
    (nbval ignores a trailing ``;``).
    """
    data = {**(values or {}), **more}
    data = json.loads(json.dumps(data, default=_jsonable, sort_keys=True))
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - outside Jupyter
        return None
    display({RESULTS_MIMETYPE: data, "text/plain": "newslab results: " + ", ".join(sorted(data))}, raw=True)
    return None


def read_results(notebook: Any) -> dict[str, Any]:
    """The values recorded by :func:`record_results` in an executed notebook (a path or a node)."""
    if isinstance(notebook, (str, os.PathLike)):
        notebook = json.loads(Path(notebook).read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data") or {}
            if RESULTS_MIMETYPE in data:
                value = data[RESULTS_MIMETYPE]
                results.update(json.loads(value) if isinstance(value, str) else value)
    return results
