"""Re-execute committed notebooks in place so their stored outputs are deterministic.

``python -m newslab.report refresh [NOTEBOOK...]`` (``make notebooks``) runs each notebook with
its default parameters, ``notebooks/`` as working directory, then strips what changes from
run to run (papermill's timestamps and durations, nbclient's execution timings) and numbers
execution counts 1, 2, 3... A notebook that fails is left untouched and the exit code is 1.
Evaluation notebooks are refreshed only when ``$NEWSLAB_DATA`` is set.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from newslab.report.notebooks import default_notebook_dir, notebook_spec

#: Cell metadata keys written by papermill / nbclient that change on every run.
VOLATILE_CELL_KEYS = ("papermill", "execution", "ExecuteTime")
VOLATILE_NOTEBOOK_KEYS = ("papermill",)


def strip_volatile(nb: Any) -> Any:
    """Remove run-dependent metadata from a notebook node in place and return it."""
    for key in VOLATILE_NOTEBOOK_KEYS:
        nb.metadata.pop(key, None)
    count = 0
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "papermill-error-cell-tag" in tags:
            continue
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.metadata.get("tags") == []:  # papermill adds empty tag lists
            del cell.metadata["tags"]
        if cell.cell_type == "code":
            cell.outputs = _merge_streams(cell.outputs)
            if cell.get("execution_count") is not None or cell.outputs:
                count += 1
                cell.execution_count = count
                for output in cell.outputs:
                    if output.get("output_type") == "execute_result":
                        output["execution_count"] = count
            else:
                cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    return nb


def _merge_streams(outputs: list) -> list:
    """Join consecutive outputs of the same stream: the kernel flushes ``print`` in chunks
    that vary from run to run, and the committed notebook must not depend on them."""
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            last["text"] = last["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def _stderr_cells(nb: Any) -> list[int]:
    return [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            and any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in cell.outputs)]


def _refresh_one(job: dict[str, Any]) -> dict[str, Any]:
    import nbformat
    import papermill as pm

    from newslab.report._kernel import LocalKernelManager

    from newslab.report.run import _quiet_logging

    _quiet_logging()
    src = Path(job["src"])
    status, error, warnings = "ok", None, []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / src.name
        try:
            pm.execute_notebook(str(src), str(out), parameters=None, cwd=str(src.parent), progress_bar=False,
                                kernel_manager_class=LocalKernelManager, shutdown_kernel="immediate",
                                request_save_on_cell_execute=False, execution_timeout=job["timeout"])
        except pm.PapermillExecutionError as exc:
            status, error = "failed", (f"{src.name} failed at cell {exc.cell_index} (In [{exc.exec_count}]): "
                                       f"{exc.ename}: {exc.evalue}")
        except Exception as exc:
            status, error = "failed", f"{src.name} failed: {type(exc).__name__}: {exc}"
        if status == "ok":
            nb = strip_volatile(nbformat.read(out, as_version=4))
            stderr = _stderr_cells(nb)
            if stderr:
                warnings.append(f"{src.name}: cells {stderr} write to stderr (warnings?) - "
                                "committed outputs should not")
            nbformat.write(nb, src)
    return {"name": job["name"], "status": status, "error": error, "warnings": warnings}


def refresh(notebooks: list[str | os.PathLike] | None = None, *, workers: int | None = None,
            progress: bool = True, timeout: int | None = 600) -> int:
    """Re-execute ``notebooks`` (paths or names in ``notebooks/``; default all) in place. Exit code."""
    folder = default_notebook_dir()
    if notebooks:
        paths = []
        for item in notebooks:
            path = Path(item)
            if not path.suffix:
                path = folder / f"{path}.ipynb"
            if not path.is_file():
                print(f"refresh: no such notebook: {item}", file=sys.stderr)
                return 2
            paths.append(path.resolve())
    else:
        paths = sorted(p.resolve() for p in folder.glob("*.ipynb") if not p.name.endswith(".out.ipynb"))
    jobs = []
    for path in paths:
        spec = notebook_spec(path)
        if spec is not None and spec.kind == "evaluation" and not os.environ.get("NEWSLAB_DATA"):
            print(f"refresh: skipping {path.name}: evaluation notebook and NEWSLAB_DATA is not set",
                  file=sys.stderr)
            continue
        jobs.append({"name": path.stem, "src": str(path), "timeout": timeout})
    if not jobs:
        return 0
    from newslab.report.run import run_jobs

    code = 0
    for done in _run(jobs, workers=workers, progress=progress, run_jobs=run_jobs):
        for warning in done["warnings"]:
            print(f"refresh: warning: {warning}", file=sys.stderr)
        if done["status"] != "ok":
            print(f"refresh: {done['error']} (left unchanged)", file=sys.stderr)
            code = 1
    return code


def _run(jobs, *, workers, progress, run_jobs):
    return run_jobs(jobs, workers=workers, progress=progress, desc="refresh", worker=_refresh_one)
