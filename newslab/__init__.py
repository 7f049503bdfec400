"""newslab: evidence-linked analysis of news articles.

Every extracted item carries ``start``/``end`` character offsets into ``Article.text``.
"""
__version__ = "0.1.0"

# --- foundation: io, text (lead) ---
from newslab.io import (SEED_PATH, Article, ArticleError, Corpus, article_from_text, load_article,
                        load_corpus)
from newslab.tables import empty, frame
from newslab.text import paragraphs, sentences, tokens

# --- timeline ---

# --- attribution ---
from newslab.attribution import actor_table, actors, attributions

# --- stance ---

# --- report ---
from newslab.explore import (collocations, concordance, content_words, input_articles, stopwords,
                             text_counts)
from newslab.report import read_results, record_results, run_report

# --- corpus ---
from newslab.corpus import is_run, load_run, read_table, register_analysis, run_corpus
