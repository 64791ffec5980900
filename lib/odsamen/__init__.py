"""odsamen: cooperation analysis and board briefings for the environmental
services (omgevingsdiensten) of a region, from their own assessment.

The handful of names an analyst needs first can be used from here; each is
imported on first use, so ``import odsamen`` stays quick::

    import odsamen

    data = odsamen.load_dataset("data")            # every table, validated
    pairs = odsamen.pair_affinity(data)             # every lens for every pair
    odsamen.score_heatmap(data, dimension="task", measure="added_value")
    brief = odsamen.Briefing.open("data", "ODB")  # one service's briefing

See the README, section *Use the library*.
"""

from importlib import import_module

__version__ = "0.1.0"

FRONT_DOOR = {
    "load_dataset": "odsamen.analysis.data",
    "summary": "odsamen.analysis.data",
    "pair_affinity": "odsamen.analysis.affinity",
    "pair_table": "odsamen.analysis.affinity",
    "partner_verdict": "odsamen.analysis.affinity",
    "score_heatmap": "odsamen.report.plots",
    "lens_heatmap": "odsamen.report.plots",
    "verdict_words": "odsamen.report.briefing",
    "Briefing": "odsamen.report.briefing",
}
"""Each name of the front door and the module it comes from."""

__all__ = ["__version__", *FRONT_DOOR]


def __getattr__(name: str):
    """Import a name of :data:`FRONT_DOOR` when it is first used (PEP 562)."""
    if name in FRONT_DOOR:
        value = getattr(import_module(FRONT_DOOR[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'odsamen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
