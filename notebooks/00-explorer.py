# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 00 · Verkenner · Explorer

# %% tags=["parameters"]
# Parameters: papermill vervangt deze waarden bij een run vanaf de opdrachtregel.
data_dir = "../data"  # map met de tabellen (zie data/README.md); een relatief pad mag vanaf hier, notebooks/ of de hoofdmap
lang = "nl"  # taal bij het openen: "nl" of "en"; de knop Taal wisselt daarna

# %%
from odsamen.analysis.parameters import check_parameters

check_parameters(globals(), "00-explorer")  # eerst, vóór de imports: een onbekende naam of waarde stopt hier met een duidelijke fout

import ipywidgets as widgets

from odsamen.analysis.data import load_dataset
from odsamen.analysis.shared import find_data_dir
from odsamen.report.explorer import CONTROLS, OUTPUTS, Explorer

data_dir = find_data_dir(data_dir, lang)  # ook vanuit een andere map (papermill vanaf de hoofdmap)
explorer = Explorer(load_dataset(data_dir, lang=lang))
explorer.warm()  # tekent de figuren en rekent elke lezing vooraf door, zodat een klik niet hoeft te wachten

# %% tags=["nbval-ignore-output"]
# Elke keuze is een widget; alle uitkomsten komen uit explorer.view (lib/odsamen/report/explorer.py).
start = explorer.defaults() | {"lang": lang}
RADIO = {"unknown", "advisor", "levels", "dimension"}


def make(control):
    kind = widgets.RadioButtons if control in RADIO else widgets.Dropdown
    if control == "lang":
        kind = widgets.ToggleButtons
    widget = kind(
        options=explorer.options(control, start["lang"]),
        value=start[control],
        description=explorer.label(control, start["lang"]),
        style={"description_width": "initial"},
    )
    widget.add_class(f"odx-control-{control}")
    return widget


controls = {control: make(control) for control in CONTROLS}
panes = {name: widgets.HTML() for name in OUTPUTS}
for name, pane in panes.items():
    pane.add_class(f"odx-output-{name}")
quiet = False


def refresh(change=None):
    if quiet:
        return
    outputs = explorer.view(**{control: widget.value for control, widget in controls.items()})
    for name, pane in panes.items():
        pane.value = outputs[name]


def relabel(change):
    """Another language: every control's name and choices in it, the choices kept."""
    global quiet
    if quiet:
        return
    quiet = True
    try:
        for control, widget in controls.items():
            kept = widget.value
            widget.options = explorer.options(control, change["new"])
            widget.value = kept
            widget.description = explorer.label(control, change["new"])
    finally:
        quiet = False
    refresh()


for control, widget in controls.items():
    widget.observe(relabel if control == "lang" else refresh, names="value")
refresh()

row = widgets.Layout(flex_flow="row wrap", align_items="flex-start", gap="4px 24px")
widgets.VBox(
    [
        panes["header"],
        panes["outline"],  # a style sheet: outlines the chosen service and coalition on the pictures
        widgets.Box([controls[c] for c in ("lang", "service", "lens", "dimension")], layout=row),
        widgets.Box([controls[c] for c in ("unknown", "advisor", "levels")], layout=row),
        panes["scores"],
        panes["profile"],
        panes["pairs"],
        controls["pair"],
        panes["pair_items"],
        panes["partners"],
        controls["coalition"],
        panes["verdicts"],
        panes["coalition_chart"],
    ]
)
