"""Reproducible notebooks: discovery, headless runs, HTML reports, in-place refresh.

``newslab report ARTICLE_OR_CORPUS --out DIR`` executes the package's notebooks with papermill
(one kernel per notebook, several at once), writes each executed notebook and an offline HTML
report (inputs hidden, figures inline) to ``DIR``, and an ``index.html`` that links every report
with its provenance. ``python -m newslab.report refresh`` re-executes the committed notebooks in
place so that their outputs are deterministic and nbval passes.

Notebook convention (how to add a notebook)
-------------------------------------------
Drop ``notebooks/<name>.ipynb`` in the folder; nothing else has to change. A notebook takes
part when its *notebook* metadata (``nb.metadata``; JupyterLab: Property Inspector ->
Advanced Tools -> Notebook metadata) has a ``newslab`` mapping::

    "newslab": {
        "kind": "article",              # "article" | "corpus" | "evaluation"
        "input_parameter": "article",   # the parameter that receives the input path
        "accepts": ["article"],         # optional: input kinds the parameter understands
        "title": "Explore one article", # optional: link text in index.html (default: the stem)
        "order": 10                     # optional: sort key in index.html (default 100, then name)
    }

- ``kind: "article"``: one article. Runs when the report's input is a single article file.
  ``accepts`` defaults to ``["article"]``; a notebook that also reads a corpus (e.g.
  ``explore``) says ``["article", "corpus"]``.
- ``kind: "corpus"``: many articles. Runs for every input (an article is a corpus of one);
  ``accepts`` defaults to ``["article", "corpus"]``. The parameter receives a file, a folder
  or a glob, i.e. anything :func:`newslab.load_corpus` reads.
- ``kind: "evaluation"``: scores against the development corpora. Runs only with
  ``newslab report --evaluation`` and ``$NEWSLAB_DATA`` set; it gets no input path (its data
  folder parameter defaults to ``$NEWSLAB_DATA/<corpus>``). nbval skips it when the variable is
  unset (``notebooks/conftest.py``).
- Notebooks without ``newslab`` metadata are ignored by the report (and still checked by nbval).

Every notebook also follows the team rules: kernel ``python3``; one cell tagged ``parameters``
whose defaults run on the seed from ``notebooks/`` as working directory, each with a trailing
``# help: ...`` comment; the input parameter's empty default ``""`` means the bundled seed.
Notebooks run with ``notebooks/`` as working directory both under nbval and in the report.

Recorded results: a notebook ends with ``nl.record_results(name=value, ...)`` (JSON values).
It displays a ``application/vnd.newslab.results+json`` output that :func:`read_results` reads
back from an executed notebook (tests assert on it, the report gathers them into
``results.json``); HTML reports leave it out.

Parameters
----------
``-p NAME VALUE`` (repeatable) and ``-f params.yaml`` reach every selected notebook that
declares ``NAME`` in its ``parameters`` cell; a value on the command line is converted to the
type of that notebook's default (``-p top 5`` gives ``int``, ``-p word 2022`` stays ``str``
when the default is a string). In the YAML file, a top-level key naming a notebook (its stem)
whose value is a mapping applies to that notebook only::

    word: Russia          # every notebook with a `word` parameter
    timeline:             # only notebooks/timeline.ipynb
      granularity: day

A parameter no selected notebook declares is an error (exit 2), so typos don't go unnoticed.

>>> from newslab.report import notebook_spec   # doctest: +SKIP
"""
from __future__ import annotations

from newslab.report.notebooks import (
    KINDS,
    RESULTS_MIMETYPE,
    NotebookSpec,
    default_notebook_dir,
    discover,
    notebook_spec,
    read_results,
    record_results,
)
from newslab.report.run import ReportResult, run_report
from newslab.report.refresh import refresh, strip_volatile
from newslab.report.cli import register

__all__ = [
    "KINDS",
    "RESULTS_MIMETYPE",
    "NotebookSpec",
    "ReportResult",
    "default_notebook_dir",
    "discover",
    "notebook_spec",
    "read_results",
    "record_results",
    "refresh",
    "register",
    "run_report",
    "strip_volatile",
]
