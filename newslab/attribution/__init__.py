"""Who said what: actors and attributions.

Tables (columns stable; offsets index ``Article.text``):

- :func:`actors` — one row per actor *mention*: ``actor_id`` (int64, joins mentions of one actor),
  ``name`` (canonical: the fullest name in the article, e.g. "Joe Biden"), ``kind``
  (person/organisation/country/collective), ``gender`` ("m"/"f"/"" — a cue for pronouns),
  ``start``, ``end``, ``mention`` (the text), ``mention_kind`` (name/pronoun/description).
  :func:`actor_table` gives one row per actor.
- :func:`attributions` — one row per attribution: ``attribution_id`` (int64), ``kind``
  (direct/mixed/indirect), ``source_start``/``source_end`` (Int64, NA when the source is implicit),
  ``cue_start``/``cue_end`` (int64), ``content_start``/``content_end`` (int64), ``speaker``
  (canonical actor name, "" when unknown), ``actor_id`` (Int64, NA when unresolved), ``cue_class``
  (speech/belief/evidence/quote), ``source_text``, ``cue_text``, ``content_text``.
"""
from newslab.attribution.actors import actor_table, actors
from newslab.attribution.quotes import attributions

__all__ = ["actor_table", "actors", "attributions"]
