"""Same input, same tables: no analysis may depend on the interpreter's hash seed."""
from __future__ import annotations

import os
import subprocess
import sys

from support import SEED, require

SCRIPT = """
import hashlib, sys
import newslab as nl
h = hashlib.sha256()
for path in sys.argv[1:]:
    article = nl.load_article(path)
    for table in (nl.sentences(article.text), nl.timexes(article.text, article.date or "2016-09-10"),
                  nl.timeline(article.text, article.date or "2016-09-10"), nl.actors(article.text),
                  nl.attributions(article.text), nl.stance(article.text)):
        h.update(table.to_csv().encode())
print(h.hexdigest())
"""


def digest(paths, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, paths)], env=env,
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_seed_tables_do_not_depend_on_hash_seed():
    assert digest([SEED], "1") == digest([SEED], "2") == digest([SEED], "3")


def test_polnear_tables_do_not_depend_on_hash_seed(data_dir):
    # this article once gave "Ivanka" a different gender (and "her" a different referent) per hash seed
    text_dir = require(data_dir, "polnear", "train", "text")
    paths = [text_dir / "nyt_2016-08-18_trump-hires-conservative-website.txt"]
    paths += sorted(require(data_dir, "polnear", "dev", "text").glob("*.txt"))[:10]
    assert digest(paths, "1") == digest(paths, "2") == digest(paths, "5")
