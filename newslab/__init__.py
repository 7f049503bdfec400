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
from newslab.timeline import timeline, timexes
from newslab.evaluate.timeml import read_timeml, read_timeml_dir, score_timeml, to_timeml, write_timeml

# --- attribution ---
from newslab.attribution import actor_table, actors, attributions

# --- stance ---
from newslab.stance import (TargetPolarityModel, discourse_network, matrix_pivot, score_target, stance,
                            stance_matrix, target_polarity, write_network)
from newslab.evaluate.newsmtsc import read_newsmtsc

# --- report ---
from newslab.explore import (collocations, concordance, content_words, input_articles, stopwords,
                             text_counts)
from newslab.report import read_results, record_results, run_report

# --- corpus ---
from newslab.corpus import (is_run, load_run, merged_timeline, outlet_weeks, read_table, register_analysis,
                            run_corpus, stance_by_outlet, stance_grid, top_sources)
