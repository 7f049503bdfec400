"""Run notebooks headlessly (papermill, one kernel per notebook, in parallel) and publish them."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslab.corpus.store import file_sha256
from newslab.report.notebooks import NotebookSpec, coerce, discover, read_results


class ReportError(ValueError):
    """A report that cannot start (bad input, unknown notebook or parameter)."""


@dataclass
class NotebookRun:
    """What happened to one notebook."""

    name: str
    title: str
    kind: str
    notebook: Path               # the executed (possibly partial) notebook
    html: Path | None            # None when even the partial notebook could not be exported
    status: str                  # "ok" | "failed"
    error: str | None
    seconds: float
    parameters: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportResult:
    out: Path
    index: Path
    runs: list[NotebookRun]
    inputs: list[tuple[str, str]]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(r.status == "ok" for r in self.runs)

    @property
    def failed(self) -> list[NotebookRun]:
        return [r for r in self.runs if r.status != "ok"]


# --- inputs ------------------------------------------------------------------------------

_TABLE_SUFFIXES = (".jsonl", ".csv", ".tsv")


def input_kind(source: str | os.PathLike) -> str:
    """``"article"`` for one article file, ``"corpus"`` for a folder, a glob or a JSONL/CSV/TSV table."""
    text = os.fspath(source)
    path = Path(text)
    if path.is_dir():
        return "corpus"
    if path.is_file():
        return "corpus" if path.suffix.lower() in _TABLE_SUFFIXES else "article"
    if any(ch in text for ch in "*?["):
        return "corpus"
    raise ReportError(f"input not found: {text} (no such file, folder or glob)")


def _input_files(source: str, kind: str) -> list[Path]:
    if kind == "article":
        files = [Path(source)]
    else:
        from newslab.io import load_corpus

        files = list(load_corpus(source).files)
        if not files:
            raise ReportError(f"input {source} matches no article files")
    extra = []
    for f in files:
        sidecar = f.with_name(f.stem + ".meta.json")
        if sidecar.is_file():
            extra.append(sidecar)
    return sorted({p.resolve() for p in files + extra})


def _git_commit() -> str:
    root = Path(__file__).resolve().parent.parent.parent
    if not (root / ".git").exists():
        return "unavailable (not a git checkout)"
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10)
        if head.returncode != 0:
            return "unavailable (no commit yet)"
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10)
        return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unavailable (git not found)"


# --- parameters --------------------------------------------------------------------------

def _load_params_file(path: str | os.PathLike) -> dict[str, Any]:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ReportError(f"{path}: expected a mapping of parameter names to values")
    return data


def _parameters_for(specs: list[NotebookSpec], cli: list[tuple[str, str]],
                    file_params: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per notebook, the parameters it declares: YAML (global, then its own section), then ``-p``."""
    names = {s.name for s in specs}
    per_nb: dict[str, dict[str, Any]] = {s.name: {} for s in specs}
    declared = {n for s in specs for n in s.parameters}
    unknown = []
    for key, value in file_params.items():
        if isinstance(value, dict) and key in names:
            spec = next(s for s in specs if s.name == key)
            for k, v in value.items():
                if k not in spec.parameters:
                    unknown.append(f"{key}.{k}")
                per_nb[key][k] = v
        elif key not in declared:
            unknown.append(key)
        else:
            for s in specs:
                if key in s.parameters:
                    per_nb[s.name][key] = value
    for key, text in cli:
        if key not in declared:
            unknown.append(key)
            continue
        for s in specs:
            if key in s.parameters:
                try:
                    per_nb[s.name][key] = coerce(text, s.parameters[key].default)
                except ValueError as exc:
                    raise ReportError(f"-p {key} {text!r} for {s.name}: {exc}") from None
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise ReportError(f"unknown parameter(s) {', '.join(sorted(set(unknown)))}: "
                          f"the selected notebooks declare {known}")
    return per_nb


def select(specs: list[NotebookSpec], kind: str, *, names: list[str] | None = None,
           evaluation: bool = False) -> tuple[list[NotebookSpec], list[tuple[str, str]]]:
    """The notebooks to run for an input of ``kind``, and (name, reason) for those left out."""
    has_data = bool(os.environ.get("NEWSLAB_DATA"))
    by_name = {s.name: s for s in specs}
    if names:
        missing = [n for n in names if n not in by_name]
        if missing:
            raise ReportError(f"no notebook named {', '.join(missing)} (have: {', '.join(sorted(by_name))})")
        chosen = [by_name[n] for n in names]
        for s in chosen:
            if s.kind == "evaluation" and not has_data:
                raise ReportError(f"{s.name} is an evaluation notebook: set NEWSLAB_DATA to the data folder")
            if s.kind != "evaluation" and not s.runs_on(kind):
                raise ReportError(f"{s.name} does not accept a {kind} input (accepts {', '.join(s.accepts)})")
        return sorted(chosen, key=lambda s: (s.order, s.name)), []
    if evaluation and not has_data:
        raise ReportError("--evaluation needs NEWSLAB_DATA set to the data folder")
    chosen, skipped = [], []
    for s in specs:
        if s.kind == "evaluation":
            if evaluation:
                chosen.append(s)
            else:
                skipped.append((s.name, "evaluation notebook: run with --evaluation and NEWSLAB_DATA set"))
        elif s.runs_on(kind):
            chosen.append(s)
        else:
            skipped.append((s.name, f"does not accept a {kind} input (accepts {', '.join(s.accepts)})"))
    return chosen, skipped


# --- execution ---------------------------------------------------------------------------

def _quiet_logging() -> None:
    for name in ("papermill", "traitlets", "nbclient"):
        logging.getLogger(name).setLevel(logging.ERROR)


def execute(job: dict[str, Any]) -> dict[str, Any]:
    """Execute one notebook with papermill and export its HTML; never raises for notebook errors.

    ``job``: src, out_ipynb, out_html, cwd, parameters, kernel, timeout, title, kind, name.
    Runs in a worker process (or inline); returns a plain dict for :class:`NotebookRun`.
    """
    import papermill as pm

    from newslab.report._kernel import LocalKernelManager

    from newslab.report.html import export_html, report_header

    _quiet_logging()
    out_ipynb, out_html = Path(job["out_ipynb"]), Path(job["out_html"])
    status, error = "ok", None
    start = time.perf_counter()
    try:
        pm.execute_notebook(job["src"], str(out_ipynb), parameters=job["parameters"] or None,
                            cwd=job["cwd"], kernel_name=job["kernel"], progress_bar=False,
                            kernel_manager_class=LocalKernelManager, shutdown_kernel="immediate",
                            request_save_on_cell_execute=False, execution_timeout=job["timeout"])
    except pm.PapermillExecutionError as exc:
        status = "failed"
        first_line = next((ln for ln in exc.source.splitlines() if ln.strip()), "")
        error = (f"{job['name']}.ipynb failed at cell {exc.cell_index} (In [{exc.exec_count}]: "
                 f"{first_line.strip()[:80]}): {exc.ename}: {exc.evalue}")
    except Exception as exc:  # kernel death, timeout, unreadable notebook
        status = "failed"
        error = f"{job['name']}.ipynb failed: {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    html = None
    results: dict[str, Any] = {}
    if out_ipynb.is_file():
        try:
            results = read_results(out_ipynb)
            header = report_header(title=job["title"], status=status, error=error, seconds=seconds,
                                   parameters=job["parameters"], notebook_file=out_ipynb.name)
            export_html(out_ipynb, out_html, title=job["title"], header=header)
            html = str(out_html)
        except Exception as exc:  # an export problem must not hide the run's own status
            status = "failed"
            error = (error + "; " if error else "") + f"HTML export failed: {type(exc).__name__}: {exc}"
    return {"name": job["name"], "title": job["title"], "kind": job["kind"], "notebook": str(out_ipynb),
            "html": html, "status": status, "error": error, "seconds": seconds,
            "parameters": job["parameters"], "results": results}


def run_jobs(jobs: list[dict[str, Any]], *, workers: int | None = None, progress: bool = True,
             desc: str = "notebooks", worker: Any = None) -> list[dict[str, Any]]:
    """Run ``worker`` (default :func:`execute`) over ``jobs`` in a process pool (fork) with a tqdm
    bar on stderr; results come back in job order."""
    worker = worker or execute
    from concurrent.futures import ProcessPoolExecutor, as_completed
    import multiprocessing

    import nbconvert  # noqa: F401  - imported before forking so workers inherit it
    import papermill  # noqa: F401
    from tqdm.auto import tqdm

    from newslab.report.html import _get_exporter

    _get_exporter()
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results: dict[str, dict[str, Any]] = {}
    bar = tqdm(total=len(jobs), desc=desc, unit="nb", file=sys.stderr, disable=not progress, leave=True)
    try:
        if workers == 1:
            for job in jobs:
                results[job["name"]] = worker(job)
                bar.set_postfix_str(job["name"])
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {pool.submit(worker, job): job for job in jobs}
                for future in as_completed(futures):
                    job = futures[future]
                    try:
                        results[job["name"]] = future.result()
                    except Exception as exc:  # the worker itself died
                        results[job["name"]] = {**{k: job.get(k) for k in ("name", "title", "kind", "parameters")},
                                                "notebook": job.get("out_ipynb", job.get("src")), "html": None,
                                                "status": "failed", "warnings": [],
                                                "error": f"{job['name']}.ipynb failed: worker crashed: {exc!r}",
                                                "seconds": 0.0, "results": {}}
                    bar.set_postfix_str(job["name"])
                    bar.update()
    finally:
        bar.close()
    return [results[job["name"]] for job in jobs]


def run_report(source: str | os.PathLike | None = None, out: str | os.PathLike = "reports", *,
               parameters: list[tuple[str, str]] | dict[str, Any] | None = None,
               params_file: str | os.PathLike | None = None, notebooks: list[str] | None = None,
               notebook_dir: str | os.PathLike | None = None, evaluation: bool = False,
               workers: int | None = None, progress: bool = True, kernel_name: str | None = None,
               timeout: int | None = 600) -> ReportResult:
    """Execute the notebooks on an article or corpus and write reports plus ``index.html`` to ``out``.

    ``source``: an article file, a folder, a glob or a JSONL/CSV/TSV table (default: the seed).
    ``parameters``: ``[(name, text), ...]`` as from ``-p`` (converted to each notebook's default's
    type) or a dict of typed values. Never raises for a failing notebook: check
    :attr:`ReportResult.ok` / ``failed``. Raises :class:`ReportError` when the run cannot start.

    >>> result = run_report(out="reports")            # doctest: +SKIP
    >>> result.index, [r.status for r in result.runs]  # doctest: +SKIP
    """
    from newslab import __version__

    started = time.perf_counter()
    if source is None:
        from newslab.io import SEED_PATH

        source = SEED_PATH
    source_text = os.fspath(source)
    kind = input_kind(source_text)
    if kind == "article" or Path(source_text).exists():
        source_text = str(Path(source_text).resolve())
    else:  # a glob: anchor it so notebooks (cwd notebooks/) see the same files
        source_text = os.path.abspath(source_text)
    inputs_files = _input_files(source_text, kind)

    specs = discover(notebook_dir)
    chosen, skipped = select(specs, kind, names=notebooks, evaluation=evaluation)
    if not chosen:
        raise ReportError(f"no notebook accepts a {kind} input in {notebook_dir or 'notebooks/'}")

    cli_params: list[tuple[str, str]] = []
    typed: dict[str, Any] = {}
    if isinstance(parameters, dict):
        typed = dict(parameters)
    elif parameters:
        cli_params = [(str(k), str(v)) for k, v in parameters]
    file_params = _load_params_file(params_file) if params_file else {}
    per_nb = _parameters_for(chosen, cli_params, {**file_params, **typed})
    for s in chosen:  # the input goes to the input parameter unless given explicitly
        if s.kind != "evaluation" and s.input_parameter and s.input_parameter not in per_nb[s.name]:
            per_nb[s.name][s.input_parameter] = source_text

    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    jobs = [{"name": s.name, "title": s.title, "kind": s.kind, "src": str(s.path.resolve()),
             "out_ipynb": str(out / f"{s.name}.ipynb"), "out_html": str(out / f"{s.name}.html"),
             "cwd": str(s.path.resolve().parent), "parameters": per_nb[s.name],
             "kernel": kernel_name, "timeout": timeout} for s in chosen]
    for job in jobs:  # no stale report from an earlier run may pass for this run's
        for key in ("out_ipynb", "out_html"):
            Path(job[key]).unlink(missing_ok=True)
    done = run_jobs(jobs, workers=workers, progress=progress, desc="newslab report")
    runs = [NotebookRun(name=d["name"], title=d["title"], kind=d["kind"], notebook=Path(d["notebook"]),
                        html=Path(d["html"]) if d["html"] else None, status=d["status"], error=d["error"],
                        seconds=d["seconds"], parameters=d["parameters"], results=d["results"]) for d in done]

    from newslab.report.html import index_page

    def shown(p: Path) -> str:
        try:
            return str(p.relative_to(Path.cwd()))
        except ValueError:
            return str(p)

    inputs = [(shown(p), file_sha256(p)) for p in inputs_files]
    if params_file:
        inputs.append((shown(Path(params_file).resolve()), file_sha256(Path(params_file))))
    nb_hashes = [(s.path.name, file_sha256(s.path)) for s in chosen]
    import nbconvert
    import papermill

    elapsed = time.perf_counter() - started
    provenance = {
        "newslab version": __version__,
        "git commit": _git_commit(),
        "input": shown(Path(source_text)),
        "input kind": kind,
        "python": platform.python_version(),
        "papermill / nbconvert": f"{papermill.__version__} / {nbconvert.__version__}",
        "generated (UTC)": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
        "total run time": f"{elapsed:.2f} s",
    }
    index = out / "index.html"
    index.write_text(index_page(runs=runs, provenance=provenance, inputs=inputs, notebooks=nb_hashes,
                                skipped=skipped), encoding="utf-8")
    summary = {"provenance": provenance, "inputs": [{"path": p, "sha256": h} for p, h in inputs],
               "notebooks": {r.name: {"status": r.status, "error": r.error, "seconds": round(r.seconds, 3),
                                      "parameters": r.parameters, "results": r.results} for r in runs}}
    (out / "results.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n",
                                      encoding="utf-8")
    return ReportResult(out=out, index=index, runs=runs, inputs=inputs, seconds=elapsed)
