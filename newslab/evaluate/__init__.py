"""Readers and scorers for the evaluation corpora (TimeML, PolNeAR brat, NewsMTSC).

One module per corpus: :mod:`newslab.evaluate.timeml`, :mod:`newslab.evaluate.polnear`,
:mod:`newslab.evaluate.newsmtsc`.
"""
