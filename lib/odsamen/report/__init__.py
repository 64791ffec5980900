"""The report: figures, the briefing of one service and the explorer, built on :mod:`odsamen.analysis`.

``style`` sets the look shared by every figure; ``plots`` draws them;
``briefing`` writes one service's briefing (facts computed here, sentences in
the catalogue); ``explorer`` is the interactive view behind
``notebooks/00-explorer.ipynb``. Nothing here imports from :mod:`odsamen.publish`.
"""
