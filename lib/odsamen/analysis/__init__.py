"""The analysis: validated data and what follows from the scores, with no figures or pages.

``data`` reads and validates the tables in ``data/``; ``scoring`` turns symbols
into values under a reading; ``affinity`` compares pairs of services, and
``coalitions`` groups of them against the forms of cooperation; ``claims``
checks the report's statements against the data; ``shared`` holds what every
briefing needs of one data set; ``synth`` writes synthetic data for tests and
benchmarks. Nothing here imports from :mod:`odsamen.report` or
:mod:`odsamen.publish`; the words come from :mod:`odsamen.catalogue`.
"""
