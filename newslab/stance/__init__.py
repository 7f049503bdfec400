"""Who stands where: polarity toward targets, stance tables, the actor × target matrix and network.

- :func:`target_polarity` / :func:`score_target` — one target mention in a sentence (the NewsMTSC task);
- :func:`stance` — speaker × target rows for an article, with evidence;
- :func:`stance_matrix`, :func:`discourse_network`, :func:`write_network` — aggregates and Gephi exports;
- :class:`TargetPolarityModel` — an optional trainable engine (fit/predict/save/load) for labelled data.
"""
from newslab.stance.cli import register
from newslab.stance.engine import NARRATOR, STANCE_SCHEMA, UNKNOWN, default_issues, stance
from newslab.stance.network import (MATRIX_SCHEMA, discourse_network, matrix_pivot, stance_matrix,
                                    write_network)
from newslab.stance.polarity import Params, Polarity, score_target, target_polarity
from newslab.stance.trainable import TargetPolarityModel

__all__ = ["MATRIX_SCHEMA", "NARRATOR", "STANCE_SCHEMA", "UNKNOWN", "Params", "Polarity", "TargetPolarityModel",
           "default_issues", "discourse_network", "matrix_pivot", "register", "score_target", "stance",
           "stance_matrix", "target_polarity", "write_network"]
