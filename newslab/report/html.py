"""HTML for reports: the offline nbconvert template and the ``index.html`` page.

Everything that comes from outside (article text, parameters, paths, error messages) is
escaped here with :func:`html.escape`. The notebooks' own outputs are escaped where they are
made (pandas ``to_html``); as a second line of defence :func:`sanitize_outputs` cleans every
output before export: ``text/html`` (and ``text/markdown``, rendered first) keeps only a list
of harmless tags and attributes (bleach, ``<style>``/``<script>`` elements dropped with their
content), JavaScript and unknown rich outputs are removed, SVG is shown as an ``<img>``.
(nbconvert's own ``sanitize_html`` escapes whole DataFrame tables, so it is not used.)
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newslab.report.notebooks import RESULTS_MIMETYPE

#: nbconvert template: JupyterLab's look, minus everything fetched from a CDN (require.js,
#: MathJax, Mermaid, widgets). CSS is inlined by the base template and figures are inline PNG.
TEMPLATE_NAME = "newslab_report.html.j2"
TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
.newslab-header { font-family: system-ui, sans-serif; font-size: 13px; border-bottom: 1px solid #ccc;
                  margin: 0 0 1em 0; padding: 0.5em 0; color: #444; }
.newslab-header a { color: #1a5fb4; }
.newslab-header .failed { color: #b00020; font-weight: bold; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.newslab_header }}
{%- endblock body_header -%}
"""

_exporter = None


def _get_exporter():
    global _exporter
    if _exporter is None:
        from jinja2 import DictLoader
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        config = Config()
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
        config.HTMLExporter.skip_svg_encoding = False   # SVG as <img src=data:...>: no inline scripts
        config.HTMLExporter.embed_images = True
        _exporter = HTMLExporter(config=config, extra_loaders=[DictLoader({TEMPLATE_NAME: TEMPLATE})],
                                 template_file=TEMPLATE_NAME)
    return _exporter


#: Tags and attributes kept in HTML outputs (tables, text markup, links, headings).
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul"})
ALLOWED_ATTRIBUTES = {"*": ["class", "title", "align", "lang"], "a": ["href"], "table": ["border"],
                      "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan", "scope"], "ol": ["start"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
KEPT_MIMETYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg",
                  "image/gif", "image/svg+xml", "application/pdf")
_DROP_ELEMENTS = re.compile(r"<(script|style|template|iframe|object|embed|noscript)\b.*?(</\1\s*>|$)", re.S | re.I)


def clean_html(fragment: str) -> str:
    """An HTML fragment reduced to :data:`ALLOWED_TAGS` / :data:`ALLOWED_ATTRIBUTES`; any other tag is
    removed (its text kept, escaped) and script-like elements are dropped with their content."""
    import bleach

    fragment = _DROP_ELEMENTS.sub("", fragment)
    return bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                        strip=True, strip_comments=True)


def sanitize_outputs(nb: Any) -> Any:
    """Clean every code cell output in place (see the module docstring) and return the notebook."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            data = output.get("data")
            if data is None:
                continue
            kept = {k: v for k, v in data.items() if k in KEPT_MIMETYPES}
            if "text/markdown" in kept:
                source = kept.pop("text/markdown")
                source = "".join(source) if isinstance(source, list) else source
                kept.setdefault("text/html", markdown2html_mistune(source))
            if "text/html" in kept:
                value = kept["text/html"]
                kept["text/html"] = clean_html("".join(value) if isinstance(value, list) else value)
            output["data"] = kept
    return nb


def e(value: Any) -> str:
    """HTML-escaped text of any value."""
    return html.escape("" if value is None else str(value), quote=True)


def report_header(*, title: str, status: str, error: str | None, parameters: Mapping[str, Any],
                  seconds: float, notebook_file: str) -> str:
    """The provenance strip at the top of one report (escaped)."""
    params = ", ".join(f"{e(k)} = {e(json.dumps(v, ensure_ascii=False))}" for k, v in sorted(parameters.items()))
    failed = (f' <span class="failed">FAILED: {e(error)}</span>' if status != "ok" else "")
    return (f'<nav class="newslab-header"><a href="index.html">&larr; all reports</a> · '
            f'<strong>{e(title)}</strong> · notebook <a href="{e(notebook_file)}">{e(notebook_file)}</a>'
            f' · run time {seconds:.1f} s · parameters: {params or "defaults"}{failed}</nav>')


def export_html(notebook_path: Path, html_path: Path, *, title: str, header: str = "") -> None:
    """Write the HTML report of an executed notebook: inputs hidden, recorded results left out."""
    import nbformat

    nb = nbformat.read(notebook_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if RESULTS_MIMETYPE not in o.get("data", {})]
    sanitize_outputs(nb)
    body, _ = _get_exporter().from_notebook_node(nb, resources={"metadata": {"name": title},
                                                               "newslab_header": header})
    html_path.write_text(body, encoding="utf-8")


_INDEX_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; font-size: 14px; }
th { background: #f3f3f3; }
code { font-size: 13px; word-break: break-all; }
.ok { color: #1b7f3b; font-weight: bold; }
.failed { color: #b00020; font-weight: bold; }
"""


def _param_list(parameters: Mapping[str, Any]) -> str:
    if not parameters:
        return "defaults"
    items = "".join(f"<li><code>{e(k)}</code> = <code>{e(json.dumps(v, ensure_ascii=False))}</code></li>"
                    for k, v in sorted(parameters.items()))
    return f"<ul>{items}</ul>"


def index_page(*, runs: Iterable[Any], provenance: Mapping[str, Any], inputs: Iterable[tuple[str, str]],
               notebooks: Iterable[tuple[str, str]], skipped: Iterable[tuple[str, str]] = ()) -> str:
    """``index.html``: one row per report, then provenance. Every value is escaped."""
    rows = []
    for run in runs:
        link = (f'<a href="{e(run.html.name)}">{e(run.title)}</a>' if run.html is not None else e(run.title))
        status = f'<span class="{e(run.status)}">{e(run.status)}</span>'
        if run.error:
            status += f"<br><code>{e(run.error)}</code>"
        rows.append(f"<tr><td>{link}</td><td><a href=\"{e(run.notebook.name)}\">{e(run.notebook.name)}</a></td>"
                    f"<td>{e(run.kind)}</td><td>{status}</td><td>{run.seconds:.2f} s</td>"
                    f"<td>{_param_list(run.parameters)}</td></tr>")
    prov_rows = "".join(f"<tr><th>{e(k)}</th><td><code>{e(v)}</code></td></tr>" for k, v in provenance.items())
    input_rows = "".join(f"<tr><td><code>{e(p)}</code></td><td><code>{e(h)}</code></td></tr>" for p, h in inputs)
    nb_rows = "".join(f"<tr><td><code>{e(p)}</code></td><td><code>{e(h)}</code></td></tr>" for p, h in notebooks)
    skipped = list(skipped)
    skipped_html = ""
    if skipped:
        items = "".join(f"<li><code>{e(n)}</code>: {e(why)}</li>" for n, why in skipped)
        skipped_html = f"<h2>Notebooks not run</h2><ul>{items}</ul>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>newslab reports</title>
<style>{_INDEX_CSS}</style>
</head>
<body>
<h1>newslab reports</h1>
<table id="reports">
<thead><tr><th>report</th><th>executed notebook</th><th>kind</th><th>status</th><th>run time</th><th>parameters</th></tr></thead>
<tbody>
{''.join(rows)}
</tbody>
</table>
{skipped_html}
<h2>Provenance</h2>
<table id="provenance"><tbody>{prov_rows}</tbody></table>
<h2>Inputs (SHA-256)</h2>
<table id="inputs"><thead><tr><th>file</th><th>sha256</th></tr></thead><tbody>{input_rows}</tbody></table>
<h2>Notebooks (SHA-256 of the source)</h2>
<table id="notebooks"><thead><tr><th>notebook</th><th>sha256</th></tr></thead><tbody>{nb_rows}</tbody></table>
</body>
</html>
"""
