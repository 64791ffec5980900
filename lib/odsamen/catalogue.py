"""The one catalogue of user-facing words, Dutch first, English second.

Names of services, items and scale levels are facts and live in the codebook
under ``data/``; everything else a reader sees (titles, legend entries,
sentences) is looked up here with :func:`text`. Templates use
:py:meth:`str.format` fields, so the numbers in a sentence always come from
the calling code.

Sections are marked by comments so that each part of the package keeps its
own words together.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from numbers import Real

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

WORDS: dict[str, dict[str, str]] = {
    # --- data and scales -------------------------------------------------
    "dimension.robustness": {"nl": "Robuustheidscriteria", "en": "Robustness criteria"},
    "dimension.task": {"nl": "Toekomstige opgaven", "en": "Future tasks"},
    "measure.meets.robustness": {
        "nl": "Voldoet de dienst aan het criterium?",
        "en": "Does the service meet the criterion?",
    },
    "measure.meets.task": {
        "nl": "Is de dienst toegerust voor de opgave?",
        "en": "Is the service equipped for the task?",
    },
    "measure.added_value": {
        "nl": "Meerwaarde van samenwerking",
        "en": "Added value of cooperation",
    },
    "measure.meets.short": {"nl": "Eigen score", "en": "Own score"},
    "measure.added_value.short": {"nl": "Meerwaarde", "en": "Added value"},
    "source.self": {"nl": "door de dienst zelf", "en": "by the service itself"},
    "source.advisor": {
        "nl": "door de adviseurs ingevuld",
        "en": "filled in by the advisors",
    },
    "symbol.--": {"nl": "-- sterk negatief", "en": "-- strongly negative"},
    "symbol.-": {"nl": "- negatief", "en": "- negative"},
    "symbol.-/+": {"nl": "-/+ gemengd", "en": "-/+ mixed"},
    "symbol.?": {"nl": "? onbekend", "en": "? unknown"},
    "symbol.+": {"nl": "+ positief", "en": "+ positive"},
    "symbol.++": {"nl": "++ sterk positief", "en": "++ strongly positive"},
    "symbol.missing": {"nl": "geen score", "en": "no score"},
    "unknown.neutral": {"nl": "? gelezen als neutraal (0)", "en": "? read as neutral (0)"},
    "unknown.missing": {"nl": "? gelezen als ontbrekend", "en": "? read as missing"},
    "preference.unknown": {"nl": "? (onbekend)", "en": "? (unknown)"},
    "preference.missing": {"nl": "niet opgegeven", "en": "not given"},
    "aspect.opleiding": {"nl": "opleiding", "en": "training"},
    "aspect.bi": {"nl": "BI", "en": "BI"},
    "regional": {"nl": "regionaal (B of C)", "en": "regional (B or C)"},
    # --- validation ----------------------------------------------------------
    "issue.file": {"nl": "{file}", "en": "{file}"},
    "issue.line": {"nl": "{file}, regel {line}", "en": "{file}, line {line}"},
    "issue.sheet": {"nl": "{file}, blad '{sheet}'", "en": "{file}, sheet '{sheet}'"},
    "issue.sheet_row": {
        "nl": "{file}, blad '{sheet}', rij {line}",
        "en": "{file}, sheet '{sheet}', row {line}",
    },
    "issue.column": {"nl": ", kolom '{column}'", "en": ", column '{column}'"},
    "issue.value": {"nl": ": waarde '{value}'", "en": ": value '{value}'"},
    "issue.expected": {"nl": ": verwacht {expected}", "en": ": expected {expected}"},
    "issue.more": {
        "nl": "; en nog {count} regels verderop met hetzelfde probleem, niet afzonderlijk genoemd",
        "en": "; and {count} more rows like this further on, not listed one by one",
    },
    "issue.more.one": {
        "nl": "; en nog 1 regel verderop met hetzelfde probleem",
        "en": "; and 1 more row like this further on",
    },
    "expect.readable_file": {"nl": "een leesbaar bestand ({reason})", "en": "a readable file ({reason})"},
    "changes.title": {"nl": "Wat is er veranderd", "en": "What has changed"},
    "changes.kicker": {"nl": "Bestuurspakket", "en": "Board pack"},
    "changes.back": {"nl": "Terug naar het overzicht", "en": "Back to the overview"},
    "changes.what": {"nl": "Wat", "en": "What"},
    "changes.old": {"nl": "Was", "en": "Was"},
    "changes.new": {"nl": "Nu", "en": "Now"},
    "changes.empty": {"nl": "(leeg)", "en": "(empty)"},
    "changes.scale": {"nl": "voorkeur schaalniveau", "en": "preferred scale level"},
    "changes.form": {"nl": "Oordeel over {form} van {coalition}", "en": "Verdict on {form} of {coalition}"},
    "changes.advice": {
        "nl": "Steun in de scores voor het advies over {form} van {coalition}",
        "en": "Support in the scores for the advice on {form} of {coalition}",
    },
    "changes.first": {
        "nl": "Er is geen vorig pakket om dit pakket mee te vergelijken.",
        "en": "There is no previous pack to compare this pack with.",
    },
    "changes.none": {
        "nl": "Geen wijzigingen: de gegevens en de uitkomsten zijn gelijk aan die van het vorige pakket.",
        "en": "No changes: the data and the results are the same as in the previous pack.",
    },
    "changes.summary": {
        "nl": "{n} wijzigingen ten opzichte van het vorige pakket.",
        "en": "{n} changes since the previous pack.",
    },
    "changes.summary.one": {
        "nl": "1 wijziging ten opzichte van het vorige pakket.",
        "en": "1 change since the previous pack.",
    },
    "changes.added": {"nl": "Nieuw in dit pakket: {services}.", "en": "New in this pack: {services}."},
    "changes.removed": {
        "nl": "Niet meer in dit pakket: {services}.",
        "en": "No longer in this pack: {services}.",
    },
    "changes.unreadable": {
        "nl": "De gegevens van het vorige pakket kan deze versie van odsamen niet lezen. "
        "Daarom staan hier alleen de gewijzigde cellen en oordelen, niet de uitspraken.",
        "en": "This version of odsamen cannot read the data of the previous pack, "
        "so only the changed cells and verdicts are listed here, not the statements.",
    },
    "changes.steady": {
        "nl": "Geen uitspraak op het overzicht of in de briefing en geen oordeel over een vorm van "
        "samenwerking verandert hierdoor.",
        "en": "No statement on the overview or in the briefing, and no verdict on a form of cooperation, "
        "changes because of this.",
    },
    "changes.heading.cells": {"nl": "Gewijzigde gegevens", "en": "Changed data"},
    "changes.heading.statements": {
        "nl": "Gewijzigde uitspraken op het overzicht en in de briefing",
        "en": "Changed statements on the overview and in the briefing",
    },
    "changes.heading.forms": {
        "nl": "Gewijzigde oordelen over vormen van samenwerking",
        "en": "Changed verdicts on forms of cooperation",
    },
    "changes.heading.other": {
        "nl": "Gewijzigd in de overige tabellen",
        "en": "Changed in the other tables",
    },
    "changes.not_a_pack": {
        "nl": "{folder} is geen bestuurspakket: verwacht een map met index.html en data/.",
        "en": "{folder} is not a board pack: expected a folder with index.html and data/.",
    },
    "pack.index.changes": {"nl": "Wat is er veranderd", "en": "What has changed"},
    "tables.column.added_value": {"nl": "Meerwaarde", "en": "Added value"},
    "tables.column.advisor": {"nl": "Door adviseurs ingevuld", "en": "Filled in by the advisors"},
    "tables.column.advisor_items": {
        "nl": "Door adviseurs ingevuld (onderdelen)",
        "en": "Filled in by the advisors (items)",
    },
    "tables.column.agenda": {"nl": "Gezamenlijke agenda", "en": "Joint agenda"},
    "tables.column.agreement": {"nl": "Overeenkomst (oude kolom)", "en": "Agreement (older column)"},
    "tables.column.basis": {"nl": "Waarop dit rust", "en": "What this rests on"},
    "tables.column.best": {"nl": "Beste partner", "en": "Best partner"},
    "tables.column.beyond": {"nl": "Niet in de scores", "en": "Not in the scores"},
    "tables.column.close": {"nl": "Bijna even goed", "en": "Nearly as good"},
    "tables.column.coalition": {"nl": "Groep", "en": "Group"},
    "tables.column.counts": {"nl": "Telt mee", "en": "Counts"},
    "tables.column.depends_on": {"nl": "Hangt af van", "en": "Depends on"},
    "tables.column.dimension": {"nl": "Dimensie", "en": "Dimension"},
    "tables.column.evidence": {"nl": "Steun in de scores", "en": "Support in the scores"},
    "tables.column.exchange": {"nl": "Halen en brengen", "en": "Give and take"},
    "tables.column.facts": {"nl": "Feiten", "en": "Facts"},
    "tables.column.gap": {"nl": "Tekort en meerwaarde", "en": "Shortfall and added value"},
    "tables.column.item": {"nl": "Onderdeel", "en": "Item"},
    "tables.column.items": {"nl": "Onderdelen", "en": "Items"},
    "tables.column.lens": {"nl": "Maatstaf", "en": "Lens"},
    "tables.column.levels": {"nl": "Voorkeur schaalniveau", "en": "Preferred scale level"},
    "tables.column.low_evidence": {"nl": "Weinig onderdelen bepaald", "en": "Few items determined"},
    "tables.column.mean_score": {"nl": "Gemiddelde score", "en": "Mean score"},
    "tables.column.measure": {"nl": "Wat gescoord is", "en": "What was scored"},
    "tables.column.meets": {"nl": "Voldoet of toegerust", "en": "Meets or equipped"},
    "tables.column.n_items": {"nl": "Aantal onderdelen", "en": "Number of items"},
    "tables.column.n_known": {"nl": "Aantal bekend", "en": "Number known"},
    "tables.column.n_unknown": {"nl": "Aantal onbekend (?)", "en": "Number unknown (?)"},
    "tables.column.reason": {"nl": "Toelichting", "en": "Reason"},
    "tables.column.regional_fit": {"nl": "Regionale schaal past", "en": "Regional scale fits"},
    "tables.column.scenario": {"nl": "Vorm van samenwerking", "en": "Form of cooperation"},
    "tables.column.service": {"nl": "Dienst", "en": "Service"},
    "tables.column.service_a": {"nl": "Dienst", "en": "Service"},
    "tables.column.service_b": {"nl": "Partner", "en": "Partner"},
    "tables.column.share": {"nl": "Aandeel", "en": "Share"},
    "tables.column.shared_want": {"nl": "Iedereen ziet meerwaarde", "en": "All see added value"},
    "tables.column.stance": {"nl": "Advies van het rapport", "en": "The report's advice"},
    "tables.column.supplier": {"nl": "Kan helpen", "en": "Can help"},
    "tables.column.supplier_added_value": {"nl": "Helper: meerwaarde", "en": "Helper: added value"},
    "tables.column.supplier_levels": {
        "nl": "Helper: voorkeur schaalniveau",
        "en": "Helper: preferred scale level",
    },
    "tables.column.supplier_meets": {"nl": "Helper: voldoet of toegerust", "en": "Helper: meets or equipped"},
    "tables.column.supply": {"nl": "Iemand is sterk", "en": "Someone is strong"},
    "tables.column.value": {"nl": "Uitkomst", "en": "Result"},
    "tables.column.verdict": {"nl": "Oordeel op de scores", "en": "Verdict on the scores"},
    "tables.column.where": {"nl": "Bladzijde in het rapport", "en": "Page in the report"},
    "tables.legend": {"nl": "Kolommen", "en": "Columns"},
    "tables.legend.sheet": {"nl": "Blad", "en": "Sheet"},
    "tables.legend.header": {"nl": "Kop op het blad", "en": "Header on the sheet"},
    "tables.legend.column": {"nl": "Kolom in het CSV-bestand", "en": "Column in the CSV file"},
    "new.written": {
        "nl": "Nieuwe beoordeling geschreven in {out}: {files}. Vul de tabellen in zoals {readme} zegt, en "
        "controleer met: odsamen validate --data {out}",
        "en": "New assessment written in {out}: {files}. Fill in the tables as {readme} says, and check "
        "with: odsamen validate --data {out}",
    },
    "new.exists": {
        "nl": "{out} bestaat al en is niet leeg; kies een nieuwe map (er is niets geschreven).",
        "en": "{out} already exists and is not empty; choose a new folder (nothing was written).",
    },
    "workbook.choice.title": {"nl": "Waarde uit de lijst", "en": "Value from the list"},
    "workbook.choice": {
        "nl": "Kies een waarde uit de lijst. Wat mag, staat in data/README.md.",
        "en": "Choose a value from the list. What is allowed is in data/README.md.",
    },
    "workbook.choice.other": {
        "nl": "Deze waarde staat niet in de lijst. Dat kan kloppen (B/C geeft twee niveaus); "
        "odsamen validate controleert het.",
        "en": "This value is not in the list. That may be right (B/C gives two levels); "
        "odsamen validate checks it.",
    },
    "workbook.written": {
        "nl": "Werkmap {out} geschreven: een blad per tabel uit {folder}.",
        "en": "Workbook {out} written: one sheet per table of {folder}.",
    },
    "workbook.exists": {
        "nl": "{out} bestaat al; kies een andere naam of geef --force om het te vervangen.",
        "en": "{out} already exists; choose another name or give --force to replace it.",
    },
    "workbook.folder_written": {
        "nl": "Tabellen uit {workbook} geschreven naar {folder}: {n} bestand(en) gewijzigd{files}.",
        "en": "Tables of {workbook} written to {folder}: {n} file(s) changed{files}.",
    },
    "workbook.not_workbook": {
        "nl": "{path} is geen werkmap (.xlsx).",
        "en": "{path} is not a workbook (.xlsx).",
    },
    "expect.readable_workbook": {
        "nl": "een werkmap die Excel kan openen ({reason})",
        "en": "a workbook that Excel can open ({reason})",
    },
    "expect.sheet": {
        "nl": "een blad met deze naam; de werkmap heeft: {sheets}",
        "en": "a sheet of this name; the workbook has: {sheets}",
    },
    "expect.header": {"nl": "een kopregel met kolomnamen", "en": "a header line with column names"},
    "expect.fields": {
        "nl": "{n} velden gescheiden door '{sep}', gevonden: {found}",
        "en": "{n} fields separated by '{sep}', found {found}",
    },
    "expect.no_such_column": {
        "nl": "geen kolom met deze naam; de kolommen zijn {columns}",
        "en": "no such column; the columns are {columns}",
    },
    "expect.column_in_header": {
        "nl": "deze kolom in de kopregel; de kolommen zijn {columns}",
        "en": "this column in the header; the columns are {columns}",
    },
    "expect.unique_key": {
        "nl": "elke sleutel één keer; dezelfde sleutel staat op regel {lines}",
        "en": "each key once; the same key is on line {lines}",
    },
    "expect.item_of.robustness": {
        "nl": "een robuustheidscriterium uit {file}: een van {values}",
        "en": "a robustness criterion from {file}: one of {values}",
    },
    "expect.item_of.task": {
        "nl": "een opgave uit {file}: een van {values}",
        "en": "a task from {file}: one of {values}",
    },
    "expect.row_present": {"nl": "een regel voor {row} (ontbreekt)", "en": "a row for {row} (missing)"},
    "expect.one_of": {"nl": "een van {values}", "en": "one of {values}"},
    "expect.service": {
        "nl": "een dienstcode uit {file}: een van {values}",
        "en": "a service code from {file}: one of {values}",
    },
    "expect.item": {
        "nl": "een onderdeel uit {file}: een van {values}",
        "en": "an item from {file}: one of {values}",
    },
    "expect.symbol": {"nl": "een scoresymbool: een van {values}", "en": "a score symbol: one of {values}"},
    "expect.levels": {
        "nl": "schaalletters uit {file} ({values}), gescheiden door een schuine streep (zoals B/C), een "
        "vraagteken of leeg",
        "en": "scale letters from {file} ({values}) joined by a slash (such as B/C), a question mark or "
        "empty",
    },
    "expect.item_key": {
        "nl": "een sleutel van kleine letters, cijfers en _, die begint met een letter (zoals "
        "water_en_bodem)",
        "en": "a key of lower-case letters, digits and _, starting with a letter (such as water_en_bodem)",
    },
    "expect.level_letter": {"nl": "één hoofdletter (A tot en met Z)", "en": "one capital letter (A to Z)"},
    "expect.dimension_items.robustness": {
        "nl": "minstens één robuustheidscriterium: een regel met 'robustness' in de eerste kolom",
        "en": "at least one row with dimension 'robustness' (a robustness criterion)",
    },
    "expect.dimension_items.task": {
        "nl": "minstens één toekomstige opgave: een regel met 'task' in de eerste kolom",
        "en": "at least one row with dimension 'task' (a future task)",
    },
    "expect.levels_two": {
        "nl": "minstens twee schaalniveaus: eerst de dienst alleen, dan minstens één niveau van samenwerking",
        "en": "at least two scale levels: first the service on its own, then at least one level of "
        "cooperation",
    },
    "expect.alone_level": {
        "nl": "'false': het eerste schaalniveau is de dienst alleen, en dat is geen samenwerking in de regio",
        "en": "'false': the first scale level is the service on its own, which is no cooperation in the "
        "region",
    },
    "expect.regional_level": {
        "nl": "minstens één schaalniveau voor samenwerking binnen de regio ('true' in de laatste kolom)",
        "en": "at least one scale level with regional 'true' (cooperation within the region)",
    },
    "expect.letter_once": {
        "nl": "elke schaalletter hoogstens één keer",
        "en": "each scale letter at most once",
    },
    "expect.note_for_empty": {
        "nl": "een toelichting waarom 'levels' leeg is",
        "en": "a note saying why 'levels' is empty",
    },
    "expect.aspect": {"nl": "leeg, of een van {values}", "en": "empty, or one of {values}"},
    "expect.aspect_needed": {
        "nl": "een aspect ({values}): andere regels voor dit onderdeel noemen er een",
        "en": "an aspect ({values}): other rows for this item name one",
    },
    "expect.free_text": {"nl": "vrije tekst", "en": "free text"},
    "expect.letter": {
        "nl": "één hoofdletter (A tot en met Z), elke letter één keer per dimensie",
        "en": "one capital letter (A to Z), each letter once per dimension",
    },
    "expect.label_nl": {"nl": "een Nederlandse omschrijving", "en": "a Dutch label"},
    "expect.label_en": {"nl": "een Engelse omschrijving", "en": "an English label"},
    "expect.report_column": {"nl": "de kolomkop in het rapport", "en": "the column heading in the report"},
    "expect.name_nl": {"nl": "de volledige Nederlandse naam", "en": "the full Dutch name"},
    "expect.name_en": {"nl": "de Engelse naam", "en": "the English name"},
    "expect.fact.title": {"nl": "de titel van het brondocument", "en": "the title of the source document"},
    "expect.fact.authors": {"nl": "wie het brondocument schreven", "en": "who wrote the source document"},
    "expect.fact.date": {
        "nl": "de datum van het brondocument als jaar-maand-dag (zoals 2024-01-07)",
        "en": "the date of the source document as year-month-day (such as 2024-01-07)",
    },
    "expect.fact.language": {
        "nl": "de taal van het brondocument: 'nl' voor Nederlands of 'en' voor Engels",
        "en": "the language of the source document: 'nl' for Dutch or 'en' for English",
    },
    "expect.fact.region": {"nl": "de naam van de regio", "en": "the name of the region"},
    "expect.fact.scored_by": {
        "nl": "wie de scores gaven (zoals: de directeuren)",
        "en": "who gave the scores (such as: the directors)",
    },
    "expect.fact.advisors": {
        "nl": "wie de scores met source 'advisor' invulden (zoals: de adviseurs)",
        "en": "who filled in the scores with source 'advisor' (such as: the advisors)",
    },
    "expect.fact.table_robustness": {
        "nl": "de titel van de tabel met de robuustheidscriteria in het brondocument",
        "en": "the title of the table of robustness criteria in the source document",
    },
    "expect.fact.table_task": {
        "nl": "de titel van de tabel met de toekomstige opgaven in het brondocument",
        "en": "the title of the table of future tasks in the source document",
    },
    "expect.fact.page_robustness": {
        "nl": "de bladzijde van de tabel met de robuustheidscriteria: een heel getal vanaf 1",
        "en": "the page of the table of robustness criteria: a whole number from 1",
    },
    "expect.fact.page_task": {
        "nl": "de bladzijde van de tabel met de toekomstige opgaven: een heel getal vanaf 1",
        "en": "the page of the table of future tasks: a whole number from 1",
    },
    "expect.fact.row_meets_robustness": {
        "nl": "de kop van de rijen 'voldoet aan het criterium' in het brondocument",
        "en": "the heading of the rows 'meets the criterion' in the source document",
    },
    "expect.fact.row_meets_task": {
        "nl": "de kop van de rijen 'toegerust voor de opgave' in het brondocument",
        "en": "the heading of the rows 'equipped for the task' in the source document",
    },
    "expect.fact.row_added_value": {
        "nl": "de kop van de rijen 'meerwaarde van samenwerking' in het brondocument",
        "en": "the heading of the rows 'added value of cooperation' in the source document",
    },
    "expect.fact.row_preference": {
        "nl": "de kop van de rijen 'voorkeur voor schaalniveau' in het brondocument",
        "en": "the heading of the rows 'preferred scale level' in the source document",
    },
    "expect.fact_once": {
        "nl": "leeg: dit feit heeft één waarde, in value_nl",
        "en": "empty: this fact has one value, in value_nl",
    },
    "expect.fact_row": {
        "nl": "een regel voor het feit '{fact}' (ontbreekt)",
        "en": "a row for the fact '{fact}' (missing)",
    },
    "expect.services_two": {
        "nl": "minstens twee diensten, elk op een eigen regel",
        "en": "at least two services, each on a line of its own",
    },
    "expect.region": {"nl": "een regio", "en": "a region"},
    "expect.true_false": {"nl": "'true' of 'false'", "en": "'true' or 'false'"},
    "expect.code": {
        "nl": "een code van letters, cijfers, '_' of '-', beginnend met een letter, hoogstens 32 tekens",
        "en": "a code of letters, digits, '_' or '-', starting with a letter, at most 32 characters",
    },
    "expect.scenario_key": {
        "nl": "een sleutel van kleine letters a tot en met z en '_'",
        "en": "a key of lowercase letters a to z and '_'",
    },
    "expect.empty_or_one_of": {"nl": "leeg, of een van {values}", "en": "empty, or one of {values}"},
    "expect.threshold": {
        "nl": "een getal van 0 of meer (zoals 3 of 0.5), of leeg",
        "en": "a number of 0 or more (such as 3 or 0.5), or empty",
    },
    "expect.threshold_needed": {
        "nl": "een getal: het scenario heeft de maat '{measure}'",
        "en": "a number: the scenario has the measure '{measure}'",
    },
    "expect.threshold_unused": {
        "nl": "leeg: het scenario heeft geen maat ('measure' is leeg)",
        "en": "empty: the scenario has no measure ('measure' is empty)",
    },
    "expect.share": {
        "nl": "een aandeel van 0 tot en met 1 bij de maat '{measure}'",
        "en": "a share from 0 to 1 for the measure '{measure}'",
    },
    "expect.whole_number": {
        "nl": "een geheel aantal onderdelen bij de maat '{measure}'",
        "en": "a whole number of items for the measure '{measure}'",
    },
    "expect.partly_at_most": {
        "nl": "hoogstens 'fits_at' ({fits}) van dezelfde regel",
        "en": "at most 'fits_at' ({fits}) on the same line",
    },
    "expect.about": {
        "nl": "'all', 'none' of onderdelen uit {file} gescheiden door ';': een van {values}",
        "en": "'all', 'none' or items from {file} joined by ';': one of {values}",
    },
    "expect.focus": {
        "nl": "leeg, of diensten van de coalitie gescheiden door ';': een van {members}",
        "en": "empty, or services of the coalition joined by ';': one of {members}",
    },
    "expect.reason_nl": {
        "nl": "de reden van het rapport, in het Nederlands",
        "en": "the report's reason, in Dutch",
    },
    "expect.reason_en": {
        "nl": "de reden van het rapport, in het Engels",
        "en": "the report's reason, in English",
    },
    "expect.beyond_nl": {
        "nl": "waar de reden van het rapport op rust buiten de scores, in het Nederlands",
        "en": "what the report's reason rests on beyond the scores, in Dutch",
    },
    "expect.beyond_en": {
        "nl": "waar de reden van het rapport op rust buiten de scores, in het Engels",
        "en": "what the report's reason rests on beyond the scores, in English",
    },
    "expect.decides.true": {
        "nl": "'true': een scenario met een maat ('measure') beslissen de gegevens",
        "en": "'true': the data decide a scenario that has a measure ('measure')",
    },
    "expect.decides.false": {
        "nl": "'false': zonder maat ('measure' leeg) beslissen de gegevens het scenario niet",
        "en": "'false': without a measure ('measure' empty) the data do not decide the scenario",
    },
    "expect.conditions_nl": {"nl": "de voorwaarden in het Nederlands", "en": "the conditions in Dutch"},
    "expect.conditions_en": {"nl": "de voorwaarden in het Engels", "en": "the conditions in English"},
    "expect.where": {
        "nl": "de plaats in het rapport, zoals 'p. 14, 15'",
        "en": "the place in the report, such as 'p. 14, 15'",
    },
    "expect.note_nl": {"nl": "een Nederlandse toelichting", "en": "a Dutch note"},
    "expect.note_en": {"nl": "een Engelse toelichting", "en": "an English note"},
    "expect.scenario": {
        "nl": "een scenario uit {file}: een van {values}",
        "en": "a scenario from {file}: one of {values}",
    },
    "expect.coalition": {
        "nl": "twee of meer dienstcodes uit {file} gescheiden door '+', zoals '{example}' (codes: {values})",
        "en": "two or more service codes from {file} joined by '+', such as '{example}' (codes: {values})",
    },
    "expect.coalition_codes": {
        "nl": "twee of meer dienstcodes gescheiden door '+'",
        "en": "two or more service codes joined by '+'",
    },
    "expect.coalition_once": {"nl": "elke dienst één keer", "en": "each service once"},
    "expect.coalition_order": {
        "nl": "de diensten in de volgorde van {file}: {order}",
        "en": "the services in the order of {file}: {order}",
    },
    "expect.definition_nl": {
        "nl": "een Nederlandse uitleg van het criterium of de opgave",
        "en": "a Dutch explanation of the criterion or task",
    },
    "expect.definition_en": {
        "nl": "een Engelse uitleg van het criterium of de opgave",
        "en": "an English explanation of the criterion or task",
    },
    "expect.context_nl": {
        "nl": "een Nederlandse beschrijving van de situatie van de dienst",
        "en": "a Dutch description of the service's situation",
    },
    "expect.context_en": {
        "nl": "een Engelse beschrijving van de situatie van de dienst",
        "en": "an English description of the service's situation",
    },
    "expect.page": {
        "nl": "een paginanummer in het rapport: een geheel getal vanaf 1, zoals '7'",
        "en": "a page number in the report: a whole number from 1, such as '7'",
    },
    "expect.column_once": {
        "nl": "elke kolomnaam één keer in de kopregel; deze staat in kolom {positions}",
        "en": "each column name once in the header; this one is in columns {positions}",
    },
    "expect.column_name": {
        "nl": "een naam voor kolom {position}: alleen lege kolommen aan het eind van de kopregel "
        "mogen geen naam hebben",
        "en": "a name for column {position}: only empty columns at the end of the header may go without one",
    },
    "expect.unnamed_cell": {
        "nl": "niets onder een kolom zonder naam (kolom {position}); "
        "zet de waarde in een van de kolommen {columns}, "
        "of geef de kolom een naam",
        "en": "nothing under a column without a name (column {position}); "
        "put the value in one of the columns "
        "{columns}, or name the column",
    },
    "expect.encoding.mixed": {
        "nl": "één tekencodering per bestand: het bestand is UTF-8, maar byte {byte} op deze regel niet "
        "(zo ontstaan verminkte letters); sla het op als 'CSV UTF-8 (door komma's gescheiden)'",
        "en": "one encoding per file: the file is UTF-8, but byte {byte} on this line is not (this is how "
        "letters get garbled); save it as 'CSV UTF-8 (Comma delimited)'",
    },
    "expect.encoding.unknown": {
        "nl": "tekst in UTF-8 of Windows-1252; byte {byte} op deze regel is geen van beide; "
        "sla het bestand op als "
        "'CSV UTF-8 (door komma's gescheiden)'",
        "en": "text in UTF-8 or Windows-1252; byte {byte} on this line is neither; save the file as "
        "'CSV UTF-8 (Comma delimited)'",
    },
    "expect.encoding.utf16": {
        "nl": "geldige UTF-16-tekst (het bestand begint als Unicode-tekst van Excel); sla het op als "
        "'CSV UTF-8 (door komma's gescheiden)'",
        "en": "valid UTF-16 text (the file starts as Excel's Unicode text); "
        "save it as 'CSV UTF-8 (Comma delimited)'",
    },
    "expect.encoding.nul": {
        "nl": "een tekstbestand zonder nul-bytes: dit lijkt UTF-16 zonder byte-order mark "
        "of geen CSV-bestand; "
        "sla het op als 'CSV UTF-8 (door komma's gescheiden)'",
        "en": "a text file without NUL bytes: this looks like UTF-16 without a byte-order mark, "
        "or no CSV file; "
        "save it as 'CSV UTF-8 (Comma delimited)'",
    },
    "expect.unique_key_more": {
        "nl": "elke sleutel één keer; dezelfde sleutel staat op regel {lines} en nog {more} andere regels",
        "en": "each key once; the same key is on line {lines} and {more} more lines",
    },
    "expect.boolean": {
        "nl": "'true' of 'false' (ook TRUE/FALSE of WAAR/ONWAAR, zoals Excel ze schrijft)",
        "en": "'true' or 'false' (TRUE/FALSE or WAAR/ONWAAR, as Excel writes them, too)",
    },
    "expect.code_reserved": {
        "nl": "een code die op Windows een bestandsnaam kan zijn: niet 'CON', 'PRN', 'AUX', 'NUL', "
        "'COM1' tot en met 'COM9' of 'LPT1' tot en met 'LPT9' (in hoofd- of kleine letters)",
        "en": "a code that can be a file name on Windows: not 'CON', 'PRN', 'AUX', 'NUL', 'COM1' to 'COM9' "
        "or "
        "'LPT1' to 'LPT9' (in any case)",
    },
    "expect.code_case_more": {
        "nl": "codes die niet alleen in hoofdletters verschillen (op Windows zijn het dezelfde "
        "bestandsnaam): zie regel {lines} en nog {more} andere regels",
        "en": "codes that differ in more than case (on Windows they are the same file name): see line "
        "{lines} and {more} more lines",
    },
    "expect.code_case": {
        "nl": "codes die niet alleen in hoofdletters verschillen (op Windows zijn het dezelfde "
        "bestandsnaam): "
        "zie regel {lines}",
        "en": "codes that differ in more than case (on Windows they are the same file name): see line "
        "{lines}",
    },
    "expect.symbol_excel": {
        "nl": "een scoresymbool ({values}); Excel heeft dit symbool als formule gelezen. Importeer de kolom "
        "'score' "
        "als Tekst (Gegevens > Van tekst/CSV) of typ er een apostrof voor ('--), en zet het symbool terug",
        "en": "a score symbol ({values}); Excel read this symbol as a formula. Import the column 'score' as "
        "Text "
        "(Data > From Text/CSV) or type an apostrophe before it ('--), and put the symbol back",
    },
    "expect.no_control": {
        "nl": "tekst zonder stuurtekens (alleen tab en regeleinde mogen; getoond als \\x.., \\u....)",
        "en": "text without control characters (only tab and line break are allowed; "
        "shown as \\x.., \\u....)",
    },
    "expect.no_formula": {
        "nl": "tekst die niet begint met '=', '+', '-' of '@': een spreadsheet leest dat als formule; "
        "begin met een woord",
        "en": "text that does not begin with '=', '+', '-' or '@': a spreadsheet reads that as a formula; "
        "begin with a word",
    },
    "expect.note_only_for_empty": {
        "nl": "leeg: een toelichting hoort alleen bij een lege 'levels'",
        "en": "empty: a note belongs only with an empty 'levels'",
    },
    "parameters.unknown": {
        "nl": "'{name}' is geen parameter van notebook {notebook}; de parameters zijn {known}.",
        "en": "'{name}' is not a parameter of notebook {notebook}; its parameters are {known}.",
    },
    "parameters.did_you_mean": {"nl": "Bedoelde u '{choice}'?", "en": "Did you mean '{choice}'?"},
    "parameters.bad_value": {
        "nl": "Parameter {name} kan niet '{value}' zijn; kies {choices}.",
        "en": "Parameter {name} cannot be '{value}'; choose {choices}.",
    },
    "parameters.unknown_service": {
        "nl": "Dienst '{service}' staat niet in de gegevens; de diensten zijn {services}.",
        "en": "Service '{service}' is not in the data; the services are {services}.",
    },
    "data_dir.not_found": {
        "nl": "Map met gegevens '{path}' niet gevonden; gezocht in {folders}.",
        "en": "Data folder '{path}' not found; looked in {folders}.",
    },
    "data_dir.missing": {
        "nl": "Map met gegevens '{path}' bestaat niet.",
        "en": "Data folder '{path}' does not exist.",
    },
    "validate.ok": {
        "nl": "Gegevens in {folder} zijn geldig: {n_scores} scores en "
        "{n_preferences} voorkeuren voor een schaalniveau van {n_services} diensten.",
        "en": "Data in {folder} are valid: {n_scores} scores and "
        "{n_preferences} scale preferences from {n_services} services.",
    },
    "validate.failed": {
        "nl": "{n} fout(en) in de gegevens in {folder}:",
        "en": "{n} error(s) in the data in {folder}:",
    },
    "validate.garbled": {
        "nl": "{file} heeft op regel {lines} tekens als 'Ã©' of 'â‚¬': zo ziet 'é' of '€' eruit als het "
        "bestand met de verkeerde tekenset is geopend en opgeslagen. Kijk die regels na, of open het "
        "bestand opnieuw als UTF-8",
        "en": "{file} has characters such as 'Ã©' or 'â‚¬' on line {lines}: that is how 'é' or '€' looks "
        "when the file was opened with the wrong character set and saved. Check those lines, or open the "
        "file again as UTF-8",
    },
    "validate.cp1252": {
        "nl": "{file} is gelezen als Windows-1252, niet als UTF-8; sla het op als 'CSV UTF-8 (door komma's "
        "gescheiden)' om zeker te zijn van de letters met accenten",
        "en": "{file} was read as Windows-1252, not UTF-8; save it as 'CSV UTF-8 (Comma delimited)' to be "
        "sure "
        "of accented letters",
    },
    # --- synth -------------------------------------------------------------
    "synth.service_name": {
        "nl": "Synthetische omgevingsdienst {number} (synthetisch)",
        "en": "Synthetic environmental service {number} (synthetic)",
    },
    "synth.region_name": {
        "nl": "Synthetische regio {number} (synthetisch)",
        "en": "Synthetic region {number} (synthetic)",
    },
    "synth.service_context": {
        "nl": "Synthetische dienst {number} (synthetisch) bestaat niet: deze tekst is verzonnen. Het "
        "rapport beschrijft op pagina {page} alleen de situatie van de vier echte diensten.",
        "en": "Synthetic service {number} (synthetic) does not exist: this text is made up. On page "
        "{page} the report describes only the situation of the four real services.",
    },
    "synth.note.not_given": {
        "nl": "niet opgegeven (synthetisch): deze synthetische dienst gaf geen voorkeur voor taken op",
        "en": "not given (synthetic): this synthetic service gave no preferences for tasks",
    },
    "synth.note.cell_empty": {
        "nl": "niet opgegeven (synthetisch): deze voorkeur is in de synthetische gegevens leeg gelaten",
        "en": "not given (synthetic): this preference was left empty in the synthetic data",
    },
    "synth.fact.title": {
        "nl": "Synthetische gegevens naar het voorbeeld van: {source}",
        "en": "Synthetic data modelled on: {source}",
    },
    "synth.fact.authors": {
        "nl": "odsamen synth, naar het voorbeeld van {source}",
        "en": "odsamen synth, modelled on {source}",
    },
    "synth.fact.scored_by": {
        "nl": "verzonnen diensten (synthetisch)",
        "en": "made-up services (synthetic)",
    },
    "synth.marker": {
        "nl": "SYNTHETISCH: verzonnen gegevens van {n} diensten (seed {seed}), geen echte scores.",
        "en": "SYNTHETIC: made-up data of {n} services (seed {seed}), not real scores.",
    },
    "synth.readme": {
        "nl": "# Synthetische gegevens: niet echt\n\n"
        "Deze map bevat **verzonnen** scores en voorkeuren van {n} synthetische omgevingsdiensten, "
        "gemaakt door `odsamen synth` met seed {seed}. Ze lijken in verdeling op de echte gegevens "
        "in `{codebook}`, maar geen enkele waarde komt van een echte dienst. Gebruik ze alleen om te "
        "testen en te meten, nooit voor een besluit. `items.csv` en `scale_levels.csv` zijn kopieën "
        "van het echte codeboek; het bestand `SYNTHETIC` markeert de map als synthetisch.\n\n"
        "`assessment.csv` is ook een kopie, maar de titel, de auteurs en wie de scores gaf zeggen dat "
        "de gegevens verzonnen zijn, naar het voorbeeld van de echte bron.",
        "en": "# Synthetic data: not real\n\n"
        "This folder holds **made-up** scores and preferences of {n} synthetic environmental services, "
        "written by `odsamen synth` with seed {seed}. Their distributions resemble the real data in "
        "`{codebook}`, but no value comes from a real service. Use them only to test and to measure, "
        "never for a decision. `items.csv` and `scale_levels.csv` are copies of the real codebook; "
        "the file `SYNTHETIC` marks the folder as synthetic.\n\n"
        "`assessment.csv` is a copy too, but its title, authors and who gave the scores say that the "
        "data are made up, modelled on the real source.",
    },
    "synth.readme.scenarios": {
        "nl": "Ook `scenarios.csv` is een kopie van het echte codeboek; `advice.csv` heeft alleen een "
        "kopregel, want het advies van het rapport gaat over de echte diensten.",
        "en": "`scenarios.csv` is a copy of the real codebook too; `advice.csv` holds only a header line, "
        "because the report's advice is about the real services.",
    },
    "synth.done": {
        "nl": "Synthetische gegevens van {n} diensten (seed {seed}) geschreven naar {folder}.",
        "en": "Synthetic data of {n} services (seed {seed}) written to {folder}.",
    },
    "synth.bad_size": {
        "nl": "Aantal diensten {n} kan niet: kies {low} tot en met {high}.",
        "en": "Number of services {n} is not possible: choose {low} to {high}.",
    },
    "synth.refuse_real": {
        "nl": "Weigert te schrijven in {folder}: dat zijn echte gegevens (niet gemarkeerd als synthetisch). "
        "Kies een andere map.",
        "en": "Refusing to write into {folder}: it holds real data (not marked synthetic). "
        "Choose another folder.",
    },
    "synth.refuse_nonempty": {
        "nl": "Weigert te schrijven in {folder}: de map is niet leeg. Kies een lege map of gebruik --force.",
        "en": "Refusing to write into {folder}: the folder is not empty. "
        "Choose an empty folder or use --force.",
    },
    "synth.refuse_file": {
        "nl": "Weigert te schrijven naar {folder}: dat is een bestand, geen map.",
        "en": "Refusing to write to {folder}: it is a file, not a folder.",
    },
    # --- plots -------------------------------------------------------------
    "plots.service": {"nl": "Omgevingsdienst", "en": "Environmental service"},
    "plots.score_title": {"nl": "{dimension}: {question}", "en": "{dimension}: {question}"},
    "plots.legend.score": {"nl": "Score", "en": "Score"},
    "plots.advisor": {"nl": "Score {source}", "en": "Score {source}"},
    "plots.synthetic": {
        "nl": "SYNTHETISCHE GEGEVENS: verzonnen, geen echte scores",
        "en": "SYNTHETIC DATA: made up, not real scores",
    },
    "plots.preference_title": {
        "nl": "{dimension}: gewenst schaalniveau van samenwerking",
        "en": "{dimension}: preferred scale of cooperation",
    },
    "plots.legend.levels": {
        "nl": "Schaalniveau, in de volgorde\nwaarin de dienst ze noemde;\n{regional}",
        "en": "Scale level, in the order\nthe service named them;\n{regional}",
    },
    "plots.level_entry": {"nl": "{level}: {label}", "en": "{level}: {label}"},
    "plots.note": {"nl": "{service}: {note}", "en": "{service}: {note}"},
    "plots.affinity_title": {
        "nl": "Hoe goed passen de diensten bij elkaar? {lens}",
        "en": "How well do the services fit together? {lens}",
    },
    "plots.cluster_title": {
        "nl": "Wat op elkaar lijkt, staat bij elkaar; de boompjes tonen hoe het groepeert "
        "({method}, {metric})",
        "en": "What is alike is placed together; the trees show how it groups ({method}, {metric})",
    },
    "plots.linkage.average": {"nl": "gemiddelde koppeling", "en": "average linkage"},
    "plots.linkage.complete": {"nl": "volledige koppeling", "en": "complete linkage"},
    "plots.linkage.single": {"nl": "enkelvoudige koppeling", "en": "single linkage"},
    "plots.linkage.ward": {"nl": "Ward-koppeling", "en": "Ward linkage"},
    "plots.metric.euclidean": {"nl": "euclidische afstand", "en": "Euclidean distance"},
    "plots.metric.cityblock": {"nl": "Manhattan-afstand", "en": "Manhattan distance"},
    "plots.metric.correlation": {"nl": "correlatieafstand", "en": "correlation distance"},
    "plots.metric.jaccard": {"nl": "Jaccard-afstand", "en": "Jaccard distance"},
    "plots.network_title": {
        "nl": "Netwerk van diensten: {lens}\n(dikkere, donkerdere lijn = beter passend)",
        "en": "Network of services: {lens}\n(thicker, darker line = better fit)",
    },
    "plots.network_legend": {"nl": "Affiniteit", "en": "Affinity"},
    "plots.network_strongest": {
        "nl": "alleen de {n} sterkste verbindingen van elke dienst",
        "en": "only each service's {n} strongest links",
    },
    "plots.sensitivity.readings_title": {
        "nl": "Welke waarden veranderen met de rekenwijze, en hoeveel?",
        "en": "Which values change with the reading of the data, and by how much?",
    },
    "plots.sensitivity.share_xlabel": {
        "nl": "Aandeel van de onderdelen waarop de waarde rust (0 tot 1)",
        "en": "Share of the items the value rests on (0 to 1)",
    },
    "plots.sensitivity.default": {"nl": "standaardrekenwijze", "en": "default reading"},
    "plots.sensitivity.range": {
        "nl": "laagste tot hoogste over alle rekenwijzen",
        "en": "lowest to highest over all readings",
    },
    "plots.sensitivity.span": {
        "nl": "{share} ({n}) · {shares} ({items})",
        "en": "{share} ({n}) · {shares} ({items})",
    },
    "plots.sensitivity.values_heading": {
        "nl": "standaard · bereik\n(tussen haakjes: onderdelen)",
        "en": "default · range\n(in brackets: items)",
    },
    "plots.sensitivity.switch_heading": {"nl": "verandert door", "en": "changed by"},
    "plots.sensitivity.switch.advisor": {"nl": "scores van de adviseurs", "en": "the advisors' scores"},
    "plots.sensitivity.switch.levels": {"nl": "schaalniveaus per letter", "en": "scale levels by letter"},
    "plots.sensitivity.switch.unknown": {"nl": "hoe ? telt", "en": "reading of ?"},
    "plots.sensitivity.switch.combination": {
        "nl": "alleen samen met een andere keuze",
        "en": "only together with another choice",
    },
    "plots.sensitivity.none": {
        "nl": "Geen enkele rekenwijze verandert een waarde.",
        "en": "No reading changes any value.",
    },
    "plots.unknown_cell": {"nl": "? of niet ingevuld", "en": "? or not filled in"},
    "plots.basis.counts": {
        "nl": "In elk vakje: het aandeel, en eronder de telling / het aantal onderdelen waarop het rust",
        "en": "In each square: the share, and under it the count / the number of items it rests on",
    },
    "plots.basis.items": {
        "nl": "In elk vakje: het aandeel, en eronder het aantal onderdelen waarop het rust",
        "en": "In each square: the share, and under it the number of items it rests on",
    },
    "plots.basis.low_evidence": {
        "nl": "* rust op minder dan de helft van de onderdelen",
        "en": "* rests on fewer than half of the items",
    },
    "plots.profile.group": {"nl": "{dimension}: {measure}", "en": "{dimension}: {measure}"},
    "plots.profile.unknown": {
        "nl": "({n} van {total} scores onbekend: ?)",
        "en": "({n} of {total} scores unknown: ?)",
    },
    "plots.profile.xlabel": {
        "nl": "Gemiddelde score (-2 = -- sterk negatief, +2 = ++ sterk positief)",
        "en": "Mean score (-2 = -- strongly negative, +2 = ++ strongly positive)",
    },
    "plots.profile.title": {"nl": "Gemiddelde score per dienst", "en": "Mean score per service"},
    "plots.profile.others": {
        "nl": "grijze stip: een van de {n} andere diensten",
        "en": "grey dot: one of the {n} other services",
    },
    "plots.profile.title_own": {
        "nl": "{service} naast de andere diensten: gemiddelde score",
        "en": "{service} next to the other services: mean score",
    },
    "plots.coalition.title": {
        "nl": "Per coalitie en onderdeel: op de gezamenlijke agenda, en kan de een de ander helpen?",
        "en": "Per coalition and item: on the joint agenda, and can one member help another?",
    },
    "plots.coalition.legend": {"nl": "Per coalitie en onderdeel", "en": "Per coalition and item"},
    "plots.coalition.exchange": {
        "nl": "op de agenda, en de ene dienst kan de andere helpen",
        "en": "on the agenda, and one service can help another",
    },
    "plots.coalition.agenda": {
        "nl": "op de gezamenlijke agenda: allen regionaal en allen meerwaarde",
        "en": "on the joint agenda: all regional and all see added value",
    },
    "plots.coalition.not_agenda": {"nl": "niet op de gezamenlijke agenda", "en": "not on the joint agenda"},
    "plots.coalition.exchange_open": {
        "nl": "op de agenda; of de ene dienst de andere kan helpen, is niet te bepalen",
        "en": "on the agenda; whether one service can help another cannot be determined",
    },
    "plots.coalition.undetermined": {
        "nl": "niet te bepalen (? of geen schaalvoorkeur)",
        "en": "cannot be determined (? or no scale preference)",
    },
    "plots.coalition.advisor": {
        "nl": "rust op een score {source}",
        "en": "rests on a score {source}",
    },
    # --- affinity ----------------------------------------------------------
    "affinity.cluster.services": {
        "nl": "Diensten gegroepeerd op ‘{lens}’: wie vroeg samenkomt in de boom, past het best "
        "(gemiddelde koppeling; afstand = 1 min het aandeel van het paar)",
        "en": "Services grouped by ‘{lens}’: those that join early in the tree fit best "
        "(average linkage; distance = 1 minus the pair's share)",
    },
    "affinity.cluster.items": {
        "nl": "Opgaven gegroepeerd op ‘{measure}’: opgaven waarop de diensten vergelijkbaar scoren "
        "staan bij elkaar (gemiddelde koppeling, euclidische afstand; ? en door de adviseurs "
        "ingevulde scores tellen niet mee)",
        "en": "Tasks grouped by ‘{measure}’: tasks on which the services score alike sit together "
        "(average linkage, Euclidean distance; ? and scores filled in by the advisors left out)",
    },
    "affinity.score_scale": {"nl": "score (-2 = --, 2 = ++)", "en": "score (-2 = --, 2 = ++)"},
    "affinity.share_scale": {"nl": "aandeel van de onderdelen", "en": "share of the items"},
    "affinity.column.service_a": {"nl": "Dienst", "en": "Service"},
    "affinity.column.service_b": {"nl": "Partner", "en": "Partner"},
    "affinity.column.value": {"nl": "Uitkomst", "en": "Result"},
    "affinity.column.share": {"nl": "Aandeel", "en": "Share"},
    "affinity.column.giver": {"nl": "gever", "en": "giver"},
    "affinity.column.receiver": {"nl": "ontvanger", "en": "receiver"},
    "affinity.column.items": {"nl": "Op welke onderdelen", "en": "On which items"},
    "affinity.column.note": {"nl": "Let op", "en": "Note"},
    "affinity.note.low_evidence": {
        "nl": "rust op weinig onderdelen",
        "en": "rests on few items",
    },
    "affinity.note.advisor": {
        "nl": "{advisor_mark} rust (deels) op scores die de adviseurs invulden",
        "en": "{advisor_mark} rests (partly) on scores the advisors filled in",
    },
    "affinity.advisor_mark": {"nl": "†", "en": "†"},
    "affinity.basis.count": {"nl": "{value} van {n} onderdelen", "en": "{value} of {n} items"},
    "affinity.basis.count.one": {"nl": "{value} van {n} onderdeel", "en": "{value} of {n} item"},
    "affinity.basis.mean": {"nl": "gemiddeld {value} op {n} onderdelen", "en": "{value} over {n} items"},
    "affinity.basis.mean.one": {"nl": "gemiddeld {value} op {n} onderdeel", "en": "{value} over {n} item"},
    "affinity.basis.none": {"nl": "niet te bepalen", "en": "cannot be determined"},
    "affinity.lens.joint_agenda": {"nl": "Gezamenlijke agenda", "en": "Joint agenda"},
    "affinity.lens.scale_agreement": {"nl": "Zelfde schaal", "en": "Same scale"},
    "affinity.lens.shared_regional": {"nl": "Beide regionaal", "en": "Both regional"},
    "affinity.lens.complementarity": {"nl": "Geven en nemen", "en": "Give and take"},
    "affinity.lens.shared_added_value": {"nl": "Gedeelde meerwaarde", "en": "Shared added value"},
    "affinity.definition.joint_agenda": {
        "nl": "Het aantal onderdelen waarop beide diensten willen samenwerken binnen {region} (schaalniveau "
        "{regional}) én beide meerwaarde zien ({added}). Hieraan meet deze briefing de beste partner.",
        "en": "The number of items on which both services want to cooperate within {region} (scale level "
        "{regional}) and both see added value ({added}). This is the measure for the best partner.",
    },
    "affinity.definition.scale_agreement": {
        "nl": "Per onderdeel waarvoor beide diensten een voorkeur gaven: welk deel van de genoemde "
        "schaalniveaus (regionaal of landelijk) ze allebei noemen. De uitkomst is het gemiddelde over die "
        "onderdelen, van {low} (nooit hetzelfde niveau) tot {high} (altijd hetzelfde). Kiezen beide voor "
        "‘alleen’ ({alone}), dan telt dat niet als overeenkomst.",
        "en": "Per item for which both services gave a preference: the part of the scale levels named "
        "(regional or national) that both name. The result is the mean over those items, from {low} "
        "(never the same level) to {high} (always the same). Both choosing ‘alone’ ({alone}) does not "
        "count as agreement.",
    },
    "affinity.definition.shared_regional": {
        "nl": "Het aantal onderdelen waarop beide diensten een regionaal schaalniveau ({regional}) noemen.",
        "en": "The number of items for which both services name a regional scale level ({regional}).",
    },
    "affinity.definition.complementarity": {
        "nl": "Het aantal onderdelen waarop de ene dienst sterk is (eigen score {strong}) en de andere "
        "niet (eigen score {weak}) maar wel meerwaarde ziet ({added}), in een van beide richtingen.",
        "en": "The number of items on which one service is strong (own score {strong}) and the other is "
        "not (own score {weak}) but sees added value ({added}), in either direction.",
    },
    "affinity.definition.shared_added_value": {
        "nl": "Het aantal onderdelen waarop beide diensten meerwaarde zien in samenwerking ({added}).",
        "en": "The number of items on which both services see added value in cooperation ({added}).",
    },
    "affinity.undetermined": {
        "nl": "Een ? of een open voorkeur telt niet mee: niet als zwak en niet als sterk.",
        "en": "A ? or an open preference does not count: neither as weak nor as strong.",
    },
    "affinity.reading.unknown.neutral": {"nl": "? als neutraal", "en": "? as neutral"},
    "affinity.reading.unknown.missing": {"nl": "? als ontbrekend", "en": "? as missing"},
    "affinity.reading.advisor.include": {
        "nl": "met de scores van de adviseurs",
        "en": "with the advisors' scores",
    },
    "affinity.reading.advisor.exclude": {
        "nl": "zonder de scores van de adviseurs",
        "en": "without the advisors' scores",
    },
    "affinity.reading.levels.grouped": {
        "nl": "schaalniveaus gegroepeerd",
        "en": "scale levels grouped",
    },
    "affinity.reading.levels.exact": {
        "nl": "schaalniveaus letter voor letter",
        "en": "scale levels letter by letter",
    },
    "words.the_region": {"nl": "de regio", "en": "the region"},
    "words.or": {"nl": " of ", "en": " or "},
    "claims.column.claim": {"nl": "Het rapport zegt (in onze woorden)", "en": "The report says (our words)"},
    "claims.column.evidence": {"nl": "Wat de gegevens laten zien", "en": "What the data show"},
    "claims.column.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "claims.verdict.agrees": {"nl": "gegevens bevestigen dit", "en": "the data agree"},
    "claims.verdict.partly": {"nl": "gegevens bevestigen dit deels", "en": "the data partly agree"},
    "claims.verdict.disagrees": {"nl": "gegevens spreken dit tegen", "en": "the data disagree"},
    "claims.verdict.not_applicable": {"nl": "niet van toepassing", "en": "not applicable"},
    "claims.not_applicable": {
        "nl": "Niet te toetsen: {services} ontbreken in deze gegevens.",
        "en": "Cannot be checked: {services} are not in these data.",
    },
    "claims.not_applicable.one": {
        "nl": "Niet te toetsen: {services} ontbreekt in deze gegevens.",
        "en": "Cannot be checked: {services} is not in these data.",
    },
    "claims.skipped": {
        "nl": "Niet getoetst: deze conclusies komen uit een ander rapport dan de bron van deze gegevens "
        "(‘{source}’).",
        "en": "Not checked: these conclusions come from another report than the source of these data "
        "(‘{source}’).",
    },
    "claims.nobody": {"nl": "geen enkele dienst", "en": "no service"},
    "claims.none": {"nl": "geen", "en": "none"},
    "claims.nzkg_most_robust.claim": {
        "nl": "{leader} is robuuster dan de andere diensten en verder met ‘{innovation}’ en ‘{bi}’.",
        "en": "{leader} is more robust than the other services and further ahead on ‘{innovation}’ and "
        "‘{bi}’.",
    },
    "claims.nzkg_most_robust.evidence": {
        "nl": "Gemiddelde eigen stand op robuustheid: {means}. ‘{innovation}’: {leader} {leader_innovation}, "
        "beste van de anderen {best_innovation}. ‘{bi}’: {leader} {leader_bi}, beste van de anderen "
        "{best_bi}.",
        "en": "Mean own position on robustness: {means}. ‘{innovation}’: {leader} {leader_innovation}, "
        "best of the others {best_innovation}. ‘{bi}’: {leader} {leader_bi}, best of the others {best_bi}.",
    },
    "claims.nzkg_seveso.claim": {
        "nl": "{leader} zoekt thematische samenwerking vooral op het niveau ‘{seveso}’.",
        "en": "{leader} seeks thematic cooperation mainly at the level ‘{seveso}’.",
    },
    "claims.nzkg_seveso.evidence": {
        "nl": "{leader} noemt ‘{level}’ ({letter}) bij {n_service} van de {n_items} onderdelen; "
        "de andere diensten: {others}.",
        "en": "{leader} names ‘{level}’ ({letter}) for {n_service} of the {n_items} items; "
        "the other services: {others}.",
    },
    "claims.nzkg_gives_more.claim": {
        "nl": "{leader} zou in samenwerking in de regio vooral kennis en middelen inbrengen, meer dan halen.",
        "en": "In regional cooperation {leader} would mostly bring in knowledge and resources, more than "
        "it gains.",
    },
    "claims.nzkg_gives_more.evidence": {
        "nl": "{leader} is sterk waar een andere dienst dat niet is maar wel meerwaarde ziet: {given} keer "
        "(per onderdeel en dienst); andersom: {taken} keer.",
        "en": "{leader} is strong where another service is not but sees added value: {given} times "
        "(per item and service); the other way round: {taken} times.",
    },
    "claims.three_need_cooperation.claim": {
        "nl": "{pair_b}, {pair_a} en {fourth} hebben een vergelijkbare behoefte aan samenwerking, voor "
        "robuustheid en voor de toekomstige opgaven, anders dan {leader}.",
        "en": "{pair_b}, {pair_a} and {fourth} share a similar need for cooperation, for robustness and for "
        "the "
        "future tasks, unlike {leader}.",
    },
    "claims.three_need_cooperation.evidence": {
        "nl": "Gemiddelde meerwaarde, ‘{robustness_label}’: {robustness}; ‘{task_label}’: {task}. "
        "In {n_above} van de {n_comparisons} vergelijkingen ziet een van {services} meer meerwaarde "
        "dan {leader}.",
        "en": "Mean added value, ‘{robustness_label}’: {robustness}; ‘{task_label}’: {task}. "
        "In {n_above} of the {n_comparisons} comparisons one of {services} sees more added value "
        "than {leader}.",
    },
    "claims.three_national_bi_data.claim": {
        "nl": "Voor ‘{bi}’ en ‘{data_item}’ geven {pair_b}, {pair_a} en {fourth} de voorkeur aan landelijke "
        "samenwerking (‘{national}’).",
        "en": "For ‘{bi}’ and ‘{data_item}’ {pair_b}, {pair_a} and {fourth} prefer national cooperation "
        "(‘{national}’).",
    },
    "claims.three_national_bi_data.evidence": {
        "nl": "‘{level}’ ({letter}) genoemd bij ‘{bi}’ door {n_bi} van de {answered_bi} diensten met een "
        "voorkeur ({who_bi}); bij ‘{data}’ door {n_data} van de {answered_data} ({who_data}).",
        "en": "‘{level}’ ({letter}) named for ‘{bi}’ by {n_bi} of the {answered_bi} services that gave a "
        "preference ({who_bi}); for ‘{data}’ by {n_data} of the {answered_data} ({who_data}).",
    },
    "claims.territory_added_value.claim": {
        "nl": "{leader}, {pair_a} en {pair_b} zien meerwaarde in samenwerking bij ‘{territory}’ die over de "
        "grenzen van de eigen dienst gaan.",
        "en": "{leader}, {pair_a} and {pair_b} see added value in cooperation on ‘{territory}’ that cross "
        "the "
        "borders of their own service.",
    },
    "claims.territory_added_value.evidence": {
        "nl": "Meerwaarde bij ‘{item}’: {scores}.",
        "en": "Added value for ‘{item}’: {scores}.",
    },
    "claims.three_bi_innovation_quality.claim": {
        "nl": "{fourth}, {pair_a} en {pair_b} vinden samenwerking waardevol bij ‘{bi}’, ‘{innovation}’ en "
        "‘{quality}’.",
        "en": "{fourth}, {pair_a} and {pair_b} find cooperation worthwhile on ‘{bi}’, ‘{innovation}’ and "
        "‘{quality}’.",
    },
    "claims.three_bi_innovation_quality.evidence": {
        "nl": "Meerwaarde ({added}) bij {n_holds} van de {n_checks} combinaties van dienst en criterium; "
        "niet bij: {exceptions}.",
        "en": "Added value ({added}) in {n_holds} of the {n_checks} combinations of service and criterion; "
        "not in: {exceptions}.",
    },
    "claims.nhn_ijmond_complement.claim": {
        "nl": "Bij de toekomstige opgaven vullen {pair_a} en {pair_b} elkaar goed aan.",
        "en": "On the future tasks {pair_a} and {pair_b} complement each other well.",
    },
    "claims.nhn_ijmond_complement.evidence": {
        "nl": "‘{task_label}’, {a}–{b}: {c_label} {c_value}, plaats {c_rank} van {n_pairs} paren "
        "(hoogste: {c_top} met {c_top_value}); {s_label} {s_value}, plaats {s_rank} van {n_pairs} "
        "(hoogste: {s_top} met {s_top_value}).",
        "en": "‘{task_label}’, {a}–{b}: {c_label} {c_value}, rank {c_rank} of {n_pairs} pairs "
        "(highest: {c_top} with {c_top_value}); {s_label} {s_value}, rank {s_rank} of {n_pairs} "
        "(highest: {s_top} with {s_top_value}).",
    },
    "claims.top_pair.claim": {
        "nl": "Van alle paren ligt samenwerking tussen {pair_a} en {pair_b} het meest voor de hand: zij "
        "vullen "
        "elkaar aan en hebben de grootste gezamenlijke opgave.",
        "en": "Of all pairs, cooperation between {pair_a} and {pair_b} is the most obvious: they complement "
        "each other and share the largest common task.",
    },
    "claims.top_pair.evidence": {
        "nl": "Bovenaan, gemeten aan ‘{lens}’, staan {top} ({top_value}; aandeel {top_share}, het volgende "
        "paar {next_share}). {pair}: {pair_value}, plaats {rank} van {n_pairs}. {stability}",
        "en": "At the top on the measure ‘{lens}’ are {top} ({top_value}; share {top_share}, the next pair "
        "{next_share}). {pair}: {pair_value}, rank {rank} of {n_pairs}. {stability}",
    },
    "claims.top_pair.evidence.one": {
        "nl": "Bovenaan, gemeten aan ‘{lens}’, staat {top} ({top_value}; aandeel {top_share}, het volgende "
        "paar {next_share}). {pair}: {pair_value}, plaats {rank} van {n_pairs}. {stability}",
        "en": "At the top on the measure ‘{lens}’ is {top} ({top_value}; share {top_share}, the next pair "
        "{next_share}). {pair}: {pair_value}, rank {rank} of {n_pairs}. {stability}",
    },
    "claims.top_pair.stable": {
        "nl": "Dat blijft zo bij elke rekenwijze, met ten minste {margin} voorsprong.",
        "en": "This holds under every reading of the data, by at least {margin}.",
    },
    "claims.top_pair.unstable": {
        "nl": "Bij een andere rekenwijze verandert het paar bovenaan of wordt de voorsprong "
        "kleiner dan {margin}.",
        "en": "Under another reading of the data the top pair changes or its lead drops below {margin}.",
    },
    # --- coalitions ----------------------------------------------------------
    "coalitions.advice_form": {"nl": "{form} {coalition}", "en": "{form} {coalition}"},
    "coalitions.advice_words": {"nl": "{forms} ({stance})", "en": "{forms} ({stance})"},
    "coalitions.advice_options": {"nl": "en {n} opties", "en": "and {n} options"},
    "coalitions.advice_options.one": {"nl": "en 1 optie", "en": "and 1 option"},
    "coalitions.verdict.fits": {"nl": "past", "en": "fits"},
    "coalitions.verdict.partly": {"nl": "past deels", "en": "fits partly"},
    "coalitions.verdict.does_not_fit": {"nl": "past niet", "en": "does not fit"},
    "coalitions.verdict.undetermined": {"nl": "niet te bepalen", "en": "cannot be determined"},
    "coalitions.stance.advised": {"nl": "aangeraden", "en": "advised"},
    "coalitions.stance.option": {"nl": "optie", "en": "option"},
    "coalitions.stance.not_now": {"nl": "nu niet", "en": "not now"},
    "coalitions.stance.not_advised": {"nl": "afgeraden", "en": "advised against"},
    "coalitions.reason.agenda_items": {
        "nl": "{n} onderdelen op de gezamenlijke agenda (van {determined} bepaalde); past vanaf {fits_at}, "
        "deels vanaf {partly_at}.",
        "en": "{n} items on the joint agenda (of {determined} determined); fits from {fits_at}, partly from "
        "{partly_at}.",
    },
    "coalitions.reason.exchange_items": {
        "nl": "Op {n} onderdelen kan de ene dienst de andere helpen (van {determined} bepaalde); past vanaf "
        "{fits_at}, deels vanaf {partly_at}.",
        "en": "On {n} items one service can help another (of {determined} determined); fits from {fits_at}, "
        "partly from {partly_at}.",
    },
    "coalitions.reason.agenda_items.one": {
        "nl": "1 onderdeel op de gezamenlijke agenda (van {determined} bepaalde); past vanaf {fits_at}, "
        "deels vanaf {partly_at}.",
        "en": "1 item on the joint agenda (of {determined} determined); fits from {fits_at}, partly from "
        "{partly_at}.",
    },
    "coalitions.reason.exchange_items.one": {
        "nl": "Op 1 onderdeel kan de ene dienst de andere helpen (van {determined} bepaalde); past vanaf "
        "{fits_at}, deels vanaf {partly_at}.",
        "en": "On 1 item one service can help another (of {determined} determined); fits from {fits_at}, "
        "partly from {partly_at}.",
    },
    "coalitions.reason.agenda_share": {
        "nl": "Gezamenlijke agenda: {n} van {determined} bepaalde onderdelen (aandeel {share}); past vanaf "
        "{fits_at}, deels vanaf {partly_at}.",
        "en": "Joint agenda: {n} of {determined} determined items (share {share}); fits from {fits_at}, "
        "partly from {partly_at}.",
    },
    "coalitions.reason.near": {
        "nl": "Telt de schaalregel niet mee, dan kan de ene dienst de andere ook helpen bij {items}.",
        "en": "Leaving the scale rule aside, one service could also help another on {items}.",
    },
    "coalitions.reason.near_item": {"nl": "{item} ({why})", "en": "{item} ({why})"},
    "coalitions.reason.near_other_level": {
        "nl": "ander schaalniveau genoemd: {who}",
        "en": "another scale level named: {who}",
    },
    "coalitions.reason.near_not_given": {"nl": "niet opgegeven: {who}", "en": "not given: {who}"},
    "coalitions.reason.advisor": {
        "nl": "{advisor_mark} Rust (deels) op scores die de adviseurs invulden: {items}.",
        "en": "{advisor_mark} Rests (partly) on scores the advisors filled in: {items}.",
    },
    "coalitions.reason.little_evidence": {
        "nl": "Maar slechts {determined} van de {scope} onderdelen zijn bepaald.",
        "en": "But only {determined} of the {scope} items are determined.",
    },
    "coalitions.reason.not_decided": {
        "nl": "Hierover zeggen de scores niets: dit hangt af van kosten, draagvlak en bestuur, en die staan "
        "niet in de tabellen.",
        "en": "The scores say nothing on this: it depends on costs, support and governance, which the tables "
        "do not hold.",
    },
    "coalitions.reason.all_alone": {
        "nl": "Bij {items} doet elke dienst dit liever zelf (niveau A).",
        "en": "On {items} every service would rather do this itself (level A).",
    },
    "coalitions.variant.scale.cooperation": {
        "nl": "elk niveau van samenwerking telt mee (ook landelijk)",
        "en": "every level of cooperation counts (national too)",
    },
    "coalitions.variant.scale.national_first": {
        "nl": "landelijk eerst, regionaal beginnen (bij BI, data en innovatie)",
        "en": "national first, starting regionally (for BI, data and innovation)",
    },
    "coalitions.variant.own_unknown.not_fully": {
        "nl": "een ? bij de eigen score telt als niet helemaal",
        "en": "a ? on the own score counts as not fully",
    },
    "coalitions.variant_short.scale.cooperation": {"nl": "elk niveau telt", "en": "every level counts"},
    "coalitions.variant_short.scale.national_first": {"nl": "landelijk eerst", "en": "national first"},
    "coalitions.variant_short.own_unknown.not_fully": {"nl": "? is niet helemaal", "en": "? is not fully"},
    "coalitions.variant_short.thresholds.stricter": {"nl": "strenger", "en": "stricter"},
    "coalitions.variant_short.thresholds.looser": {"nl": "ruimer", "en": "looser"},
    "coalitions.variant_short.advisor.exclude": {"nl": "zonder adviseurs", "en": "without advisors"},
    "coalitions.variant_short.advisor.include": {"nl": "met adviseurs", "en": "with advisors"},
    "coalitions.variant.thresholds.stricter": {"nl": "strengere drempels", "en": "stricter thresholds"},
    "coalitions.variant.thresholds.looser": {"nl": "ruimere drempels", "en": "looser thresholds"},
    "coalitions.variant.advisor.exclude": {
        "nl": "zonder de scores die de adviseurs invulden",
        "en": "without the scores the advisors filled in",
    },
    "coalitions.variant.advisor.include": {
        "nl": "met de scores die de adviseurs invulden",
        "en": "with the scores the advisors filled in",
    },
    # --- evidence on the report's advice ----------------------------------
    "evidence.label.supported": {"nl": "ondersteund", "en": "supported"},
    "evidence.label.partly": {"nl": "deels ondersteund", "en": "partly supported"},
    "evidence.label.contrary": {"nl": "tegengesproken", "en": "contradicted"},
    "evidence.label.not_testable": {"nl": "niet te toetsen", "en": "cannot be tested"},
    "evidence.sentence.supported": {
        "nl": "De scores ondersteunen deze reden.",
        "en": "The scores support this reason.",
    },
    "evidence.sentence.partly": {
        "nl": "De scores ondersteunen deze reden deels.",
        "en": "The scores partly support this reason.",
    },
    "evidence.sentence.contrary": {
        "nl": "De scores spreken deze reden tegen.",
        "en": "The scores run against this reason.",
    },
    "evidence.sentence.not_testable": {
        "nl": "Niet te toetsen: het gaat om {beyond}, en daarover zeggen de scores niets.",
        "en": "Cannot be tested: it is about {beyond}, on which the scores say nothing.",
    },
    "evidence.sentence.beyond": {
        "nl": "Niet in de scores: {beyond}.",
        "en": "Not in the scores: {beyond}.",
    },
    "evidence.depends": {
        "nl": "Dit hangt af van een rekenregel: {parts}.",
        "en": "This depends on a rule of the calculation: {parts}.",
    },
    "evidence.depends_part": {
        "nl": "met de regel ‘{variant}’ wordt het ‘{evidence}’",
        "en": "with the rule ‘{variant}’ it becomes ‘{evidence}’",
    },
    "evidence.items": {"nl": "Onderdelen: {items}.", "en": "Items: {items}."},
    "evidence.supplied_by": {"nl": "{item} ({who})", "en": "{item} ({who})"},
    "evidence.fact.agenda.for": {
        "nl": "Brede gezamenlijke agenda: op {n} van de {determined} onderdelen zien alle diensten "
        "meerwaarde en noemen ze een schaalniveau van samenwerking (aandeel {share}, de drempel is "
        "{fits_at}).",
        "en": "A broad joint agenda: on {n} of the {determined} items every service sees added value and "
        "names a scale of cooperation (share {share}, the threshold is {fits_at}).",
    },
    "evidence.fact.agenda.partly": {
        "nl": "Smalle gezamenlijke agenda: op {n} van de {determined} onderdelen zien alle diensten "
        "meerwaarde en noemen ze een schaalniveau van samenwerking (aandeel {share}, onder de drempel "
        "van {fits_at}).",
        "en": "A narrow joint agenda: on {n} of the {determined} items every service sees added value and "
        "names a scale of cooperation (share {share}, below the threshold of {fits_at}).",
    },
    "evidence.fact.agenda.against": {
        "nl": "Bijna geen gezamenlijke agenda: op {n} van de {determined} onderdelen zien alle diensten "
        "meerwaarde en noemen ze een schaalniveau van samenwerking (aandeel {share}).",
        "en": "Hardly a joint agenda: on {n} of the {determined} items every service sees added value and "
        "names a scale of cooperation (share {share}).",
    },
    "evidence.fact.agenda.silent": {
        "nl": "Over een gezamenlijke agenda zeggen de scores weinig: maar {determined} onderdelen zijn "
        "bepaald.",
        "en": "The scores say little about a joint agenda: only {determined} items are determined.",
    },
    "evidence.fact.complement.for": {
        "nl": "{service} kan op {n} onderdelen hulp halen bij een andere dienst in de groep.",
        "en": "{service} can get help from another service in the group on {n} items.",
    },
    "evidence.fact.complement.for.one": {
        "nl": "{service} kan op 1 onderdeel hulp halen bij een andere dienst in de groep.",
        "en": "{service} can get help from another service in the group on 1 item.",
    },
    "evidence.fact.complement.against": {
        "nl": "{service} kan op geen enkel onderdeel hulp halen bij een andere dienst in de groep.",
        "en": "{service} can get help from another service in the group on no item.",
    },
    "evidence.fact.supply": {
        "nl": "{service} komt tekort op {needs} onderdelen waar de dienst meerwaarde ziet; op {n} daarvan "
        "kan een andere dienst helpen: {by}.",
        "en": "{service} falls short on {needs} items where it sees added value; on {n} of them another "
        "service can help: {by}.",
    },
    "evidence.fact.supply.against": {
        "nl": "{service} komt tekort op {needs} onderdelen waar de dienst meerwaarde ziet, maar op geen "
        "daarvan kan een andere dienst in de groep helpen.",
        "en": "{service} falls short on {needs} items where it sees added value, but on none of them can "
        "another service in the group help.",
    },
    "evidence.fact.supply_none.against": {
        "nl": "{service} komt nergens tekort waar de dienst meerwaarde ziet.",
        "en": "{service} falls short nowhere it sees added value.",
    },
    "evidence.fact.supply_none.silent": {
        "nl": "Of {service} tekortkomt, is niet te zeggen: de eigen scores zijn ? of ontbreken.",
        "en": "Whether {service} falls short cannot be said: its own scores are ? or missing.",
    },
    "evidence.fact.balance": {
        "nl": "Halen en brengen van {service} in deze groep: brengen op {brings} onderdelen, halen op "
        "{gets}.",
        "en": "Give and take of {service} in this group: it can bring help on {brings} items and get help "
        "on {gets}.",
    },
    "evidence.fact.balance.silent": {
        "nl": "Over halen en brengen van {service} zeggen de scores niets: de scores zijn ? of ontbreken.",
        "en": "The scores say nothing on what {service} would give and take: they are ? or missing.",
    },
    "evidence.fact.shared_want": {
        "nl": "Alle diensten zien meerwaarde op {n} van de {scope} onderdelen waar het om gaat.",
        "en": "Every service sees added value on {n} of the {scope} items concerned.",
    },
    "evidence.fact.shared_scale": {
        "nl": "Alle diensten noemen een schaalniveau van samenwerking op {n} van de {scope} onderdelen "
        "waar het om gaat.",
        "en": "Every service names a scale of cooperation on {n} of the {scope} items concerned.",
    },
    # --- briefing ----------------------------------------------------------
    "briefing.none": {"nl": "geen", "en": "none"},
    "words.quoted": {"nl": "‘{label}’", "en": "‘{label}’"},
    "briefing.n_other_services": {"nl": "{n} andere diensten", "en": "{n} other services"},
    "briefing.n_other_services.one": {"nl": "1 andere dienst", "en": "1 other service"},
    "briefing.n_services": {"nl": "{n} diensten", "en": "{n} services"},
    "briefing.n_others": {"nl": "{n} andere", "en": "{n} others"},
    "briefing.kicker": {
        "nl": "Bestuurlijke briefing · verkenning samenwerking van {n} omgevingsdiensten",
        "en": "Board briefing · exploring cooperation between {n} environmental services",
    },
    "briefing.title": {
        "nl": "{name}: positie en kansen voor samenwerking",
        "en": "{name}: position and options for cooperation",
    },
    "briefing.who_scored": {
        "nl": "De scores zijn een zelfbeoordeling door {scored_by}.",
        "en": "The scores are a self-assessment by {scored_by}.",
    },
    "briefing.who_scored.advisors": {
        "nl": "De scores zijn een zelfbeoordeling door {scored_by}, behalve {parts}: die vulden {advisors} "
        "in op basis van wat de dienst aanleverde.",
        "en": "The scores are a self-assessment by {scored_by}, except {parts}: {advisors} filled those in "
        "from what the service supplied.",
    },
    "briefing.who_scored.part": {
        "nl": "de scores van {service} voor de {dimension}",
        "en": "the scores of {service} for the {dimension}",
    },
    "briefing.section.context": {
        "nl": "Wat het rapport over {service} zegt",
        "en": "What the report says about {service}",
    },
    "briefing.context": {
        "nl": "{context} (In eigen woorden; rapport, pagina {page}.)",
        "en": "{context} (Our words; report, page {page}.)",
    },
    "briefing.definitions.robustness": {
        "nl": "Wat de criteria betekenen (in eigen woorden, naar het rapport, pagina {pages}):",
        "en": "What the criteria mean (in our words, after the report, page {pages}):",
    },
    "briefing.definitions.robustness.odsamen": {
        "nl": "Wat de criteria inhouden. De namen staan in het rapport (pagina {pages}); de uitleg is "
        "van odsamen:",
        "en": "What the criteria are about. The names are in the report (page {pages}); the explanations "
        "are odsamen's own:",
    },
    "briefing.definitions.task": {
        "nl": "Wat de opgaven inhouden (in eigen woorden, naar het rapport, pagina {pages}):",
        "en": "What the tasks are about (in our words, after the report, page {pages}):",
    },
    "briefing.definitions.task.odsamen": {
        "nl": "Wat de opgaven inhouden. De namen staan in het rapport (pagina {pages}); de uitleg is "
        "van odsamen:",
        "en": "What the tasks are about. The names are in the report (page {pages}); the explanations are "
        "odsamen's own:",
    },
    "briefing.reading": {
        "nl": "Een score ? (onbekend) telt in deze briefing niet mee: niet als zwak en niet als sterk.",
        "en": "A score ? (unknown) does not count in this briefing: neither as weak nor as strong.",
    },
    "briefing.reading.advisor_excluded": {
        "nl": "De scores die de adviseurs invulden, tellen hier niet mee.",
        "en": "The scores the advisors filled in do not count here.",
    },
    "briefing.synthetic": {
        "nl": "Let op: deze briefing is gemaakt met synthetische, verzonnen gegevens. Geen enkele waarde "
        "komt "
        "van een echte dienst; gebruik haar niet voor een besluit.",
        "en": "Note: this briefing was made from synthetic, made-up data. No value comes from a real "
        "service; "
        "do not use it for a decision.",
    },
    "briefing.section.summary": {"nl": "In het kort", "en": "In brief"},
    "briefing.section.standing": {"nl": "Waar staat {service}?", "en": "Where does {service} stand?"},
    "briefing.section.cooperation": {"nl": "Halen en brengen", "en": "Give and take"},
    "briefing.section.preferences": {
        "nl": "Voorkeur voor schaalniveau",
        "en": "Preferred scale of cooperation",
    },
    "briefing.section.partners": {"nl": "Beste partners", "en": "Best partners"},
    "briefing.section.forms": {"nl": "Vormen van samenwerking", "en": "Forms of cooperation"},
    "briefing.section.caveats": {"nl": "Waar dit op rust", "en": "What this rests on"},
    "briefing.section.annex": {"nl": "Bijlage", "en": "Annex"},
    "briefing.section.definitions": {"nl": "Wat de onderdelen betekenen", "en": "What the items mean"},
    "briefing.section.partners_table": {
        "nl": "Partners, op andere punten vergeleken",
        "en": "Partners, compared on other points",
    },
    "briefing.section.other_advice": {
        "nl": "Ander advies over groepen met {service}",
        "en": "Other advice on groups with {service}",
    },
    "briefing.section.glossary": {"nl": "Begrippen", "en": "Terms"},
    "briefing.section.groups": {
        "nl": "De groepen met {service}: agenda en hulp",
        "en": "The groups with {service}: agenda and help",
    },
    "glossary.bi.term": {"nl": "BI", "en": "BI"},
    "glossary.bi": {
        "nl": "Business intelligence: de eigen gegevens ontleden om het werk te sturen.",
        "en": "Business intelligence: analysing one's own data to steer the work.",
    },
    "glossary.vth.term": {"nl": "VTH", "en": "VTH"},
    "glossary.vth": {
        "nl": "Vergunningverlening, toezicht en handhaving: het kernwerk van een omgevingsdienst.",
        "en": "Vergunningverlening, toezicht en handhaving: permits, supervision and enforcement, the core "
        "work of an environmental service.",
    },
    "glossary.uh.term": {"nl": "U&H", "en": "U&H"},
    "glossary.uh": {
        "nl": "Uitvoering en handhaving: hoe de diensten hun taken uitvoeren en de regels handhaven.",
        "en": "Uitvoering en handhaving: implementation and enforcement, how the services carry out their "
        "tasks and enforce the rules.",
    },
    "glossary.zzs.term": {"nl": "ZZS", "en": "ZZS"},
    "glossary.zzs": {
        "nl": "Zeer zorgwekkende stoffen.",
        "en": "Zeer zorgwekkende stoffen: substances of very high concern.",
    },
    "glossary.aadv.term": {"nl": "AADV", "en": "AADV"},
    "glossary.aadv": {
        "nl": "Altijd actuele digitale vergunning.",
        "en": "Altijd actuele digitale vergunning: the always-current digital permit.",
    },
    "glossary.ki.term": {"nl": "KI", "en": "AI"},
    "glossary.ki": {"nl": "Kunstmatige intelligentie.", "en": "Artificial intelligence."},
    "glossary.od_nl.term": {"nl": "Schaalniveaus", "en": "Scale levels"},
    "glossary.od_nl": {
        "nl": "Het niveau waarop een dienst een onderdeel het liefst oppakt, van {alone} (de dienst alleen) "
        "tot {last} ({last_label}). De letters staan onder ‘Voorkeur voor schaalniveau’.",
        "en": "The level at which a service would rather take up an item, from {alone} (the service alone) "
        "to {last} ({last_label}). The letters are explained under ‘Preferred scale of cooperation’.",
    },
    "glossary.toegerust.term": {"nl": "Toegerust", "en": "Equipped"},
    "glossary.toegerust": {
        "nl": "De dienst is klaar voor een toekomstige opgave (eigen score + of ++).",
        "en": "The service is ready for a future task (own score + or ++).",
    },
    "glossary.meerwaarde.term": {"nl": "Meerwaarde", "en": "Added value"},
    "glossary.meerwaarde": {
        "nl": "De dienst verwacht dat samenwerking op dit onderdeel iets oplevert (+ of ++).",
        "en": "The service expects cooperation on this item to pay off (+ or ++).",
    },
    "glossary.halen_brengen.term": {"nl": "Halen en brengen", "en": "Give and take"},
    "glossary.halen_brengen": {
        "nl": "Halen: de dienst komt tekort en ziet meerwaarde. Brengen: de dienst is sterk waar een andere "
        "dienst wil halen.",
        "en": "Gain: the service falls short and sees added value. Give: the service is strong where "
        "another service wants to gain.",
    },
    "glossary.rekenwijze.self.term": {"nl": "Rekenwijze", "en": "Way of counting"},
    "glossary.rekenwijze.self": {
        "nl": "Een keuze in het tellen: telt een ? als 0 of niet, worden schaalniveaus per groep of per "
        "letter vergeleken. Een uitkomst die bij elke rekenwijze gelijk blijft, is steviger.",
        "en": "A choice in counting: does a ? count as 0 or not, are scale levels compared by group or "
        "letter by letter. A result that stays the same however you count is firmer.",
    },
    "glossary.rekenwijze.term": {"nl": "Rekenwijze", "en": "Way of counting"},
    "glossary.rekenwijze": {
        "nl": "Een keuze in het tellen: telt een ? als 0 of niet, tellen de scores van de adviseurs mee, "
        "worden schaalniveaus per groep of per letter vergeleken. Een uitkomst die bij elke rekenwijze "
        "gelijk blijft, is steviger.",
        "en": "A choice in counting: does a ? count as 0 or not, do the advisors' scores count, are scale "
        "levels compared by group or letter by letter. A result that stays the same however you count "
        "is firmer.",
    },
    "briefing.section.appendix": {
        "nl": "Gegevens en vindplaats",
        "en": "Data and sources",
    },
    "briefing.standing.robustness.met": {
        "nl": "Voldoet aan {n} van de {total} criteria: {items}.",
        "en": "Meets {n} of the {total} criteria: {items}.",
    },
    "briefing.standing.robustness.not_met": {
        "nl": "Voldoet niet aan {n} van de {total} criteria: {items}.",
        "en": "Does not meet {n} of the {total} criteria: {items}.",
    },
    "briefing.standing.robustness.mixed": {
        "nl": "Gemengd beeld (-/+) bij {n} van de {total} criteria: {items}.",
        "en": "Mixed picture (-/+) on {n} of the {total} criteria: {items}.",
    },
    "briefing.standing.robustness.unknown": {
        "nl": "Onbekend (?) bij {n} van de {total} criteria: {items}.",
        "en": "Unknown (?) on {n} of the {total} criteria: {items}.",
    },
    "briefing.standing.task.met": {
        "nl": "Toegerust voor {n} van de {total} opgaven: {items}.",
        "en": "Equipped for {n} of the {total} tasks: {items}.",
    },
    "briefing.standing.task.not_met": {
        "nl": "Niet toegerust voor {n} van de {total} opgaven: {items}.",
        "en": "Not equipped for {n} of the {total} tasks: {items}.",
    },
    "briefing.standing.task.mixed": {
        "nl": "Gemengd beeld (-/+) bij {n} van de {total} opgaven: {items}.",
        "en": "Mixed picture (-/+) on {n} of the {total} tasks: {items}.",
    },
    "briefing.standing.task.unknown": {
        "nl": "Onbekend (?) bij {n} van de {total} opgaven: {items}.",
        "en": "Unknown (?) on {n} of the {total} tasks: {items}.",
    },
    "briefing.standing.robustness.more": {
        "nl": "{services} voldoen aan meer criteria dan {service}.",
        "en": "{services} meet more criteria than {service}.",
    },
    "briefing.standing.robustness.more.one": {
        "nl": "{services} voldoet aan meer criteria dan {service}.",
        "en": "{services} meets more criteria than {service}.",
    },
    "briefing.standing.robustness.same": {
        "nl": "{services} voldoen aan evenveel criteria als {service}.",
        "en": "{services} meet as many criteria as {service}.",
    },
    "briefing.standing.robustness.same.one": {
        "nl": "{services} voldoet aan evenveel criteria als {service}.",
        "en": "{services} meets as many criteria as {service}.",
    },
    "briefing.standing.robustness.fewer": {
        "nl": "{services} voldoen aan minder criteria dan {service}.",
        "en": "{services} meet fewer criteria than {service}.",
    },
    "briefing.standing.robustness.fewer.one": {
        "nl": "{services} voldoet aan minder criteria dan {service}.",
        "en": "{services} meets fewer criteria than {service}.",
    },
    "briefing.standing.task.more": {
        "nl": "{services} zijn voor meer opgaven toegerust dan {service}.",
        "en": "{services} are equipped for more tasks than {service}.",
    },
    "briefing.standing.task.more.one": {
        "nl": "{services} is voor meer opgaven toegerust dan {service}.",
        "en": "{services} is equipped for more tasks than {service}.",
    },
    "briefing.standing.task.same": {
        "nl": "{services} zijn voor evenveel opgaven toegerust als {service}.",
        "en": "{services} are equipped for as many tasks as {service}.",
    },
    "briefing.standing.task.same.one": {
        "nl": "{services} is voor evenveel opgaven toegerust als {service}.",
        "en": "{services} is equipped for as many tasks as {service}.",
    },
    "briefing.standing.task.fewer": {
        "nl": "{services} zijn voor minder opgaven toegerust dan {service}.",
        "en": "{services} are equipped for fewer tasks than {service}.",
    },
    "briefing.standing.robustness.open": {
        "nl": "Met {services} is {service} niet goed te vergelijken: door de scores met ? kan het verschil "
        "nog beide kanten op.",
        "en": "{service} cannot be compared with {services}: scores of ? could still tip the difference "
        "either way.",
    },
    "briefing.standing.task.open": {
        "nl": "Met {services} is {service} niet goed te vergelijken: door de scores met ? kan het verschil "
        "nog beide kanten op.",
        "en": "{service} cannot be compared with {services}: scores of ? could still tip the difference "
        "either way.",
    },
    "briefing.standing.task.fewer.one": {
        "nl": "{services} is voor minder opgaven toegerust dan {service}.",
        "en": "{services} is equipped for fewer tasks than {service}.",
    },
    "briefing.standing.alone": {
        "nl": "Er is geen andere dienst om {service} mee te vergelijken.",
        "en": "There is no other service to compare {service} with.",
    },
    "briefing.standing.figure_note": {
        "nl": "In de figuren is de rij van {service} omlijnd.",
        "en": "In the figures the row of {service} is outlined.",
    },
    "briefing.standing.figure_rows": {
        "nl": "Er zijn {total} diensten. Daarom staan in de figuren van de scores alleen {service} en de "
        "diensten die op de gezamenlijke agenda het best bij {service} passen: {partners}. De scores van "
        "alle diensten staan in data/scores.csv in dit pakket.",
        "en": "There are {total} services, so the score figures show only {service} and the services "
        "that fit {service} best on the joint agenda: {partners}. The scores of all services are in "
        "data/scores.csv in this pack.",
    },
    "briefing.cooperation.needs_heading": {"nl": "Wat {service} kan halen", "en": "What {service} can gain"},
    "briefing.cooperation.offers_heading": {
        "nl": "Wat {service} kan brengen",
        "en": "What {service} can give",
    },
    "briefing.cooperation.no_needs": {
        "nl": "Er is geen onderdeel waarop {service} tekortkomt en tegelijk meerwaarde ziet.",
        "en": "There is no item on which {service} falls short and also sees added value.",
    },
    "briefing.cooperation.no_offers": {
        "nl": "Er is geen onderdeel waarop {service} sterk is en een andere dienst wil halen.",
        "en": "There is no item on which {service} is strong and another service wants to gain.",
    },
    "briefing.cooperation.idle": {
        "nl": "{service} is ook sterk op {items}, maar daar wil nu geen andere dienst halen.",
        "en": "{service} is also strong on {items}, but no other service wants to gain there now.",
    },
    "briefing.column.dimension": {"nl": "Dimensie", "en": "Dimension"},
    "briefing.column.item": {"nl": "Onderdeel", "en": "Item"},
    "briefing.column.receivers": {"nl": "Kan hier halen", "en": "Can gain here"},
    "briefing.column.levels": {"nl": "Voorkeur", "en": "Preference"},
    "briefing.column.explained_by": {"nl": "Op welke onderdelen", "en": "On which items"},
    "briefing.column.report_column": {"nl": "Kolom in rapport", "en": "Column in report"},
    "briefing.column.source": {"nl": "Ingevuld door", "en": "Filled in by"},
    "briefing.source.self": {"nl": "dienst", "en": "service"},
    "briefing.source.advisor": {"nl": "adviseurs", "en": "advisors"},
    "briefing.preferences.regional": {
        "nl": "{service} kiest bij {n} van de {total} onderdelen met een opgegeven voorkeur (ook) een "
        "regionaal schaalniveau ({levels}).",
        "en": "{service} names a regional scale ({levels}) for {n} of the {total} items it gave a "
        "preference for.",
    },
    "briefing.preferences.none": {
        "nl": "{service} gaf voor geen enkel onderdeel een voorkeur voor een schaalniveau.",
        "en": "{service} gave no preferred scale for any item.",
    },
    "briefing.preferences.missing.one": {
        "nl": "Bij 1 onderdeel gaf {service} geen voorkeur op; zie de kanttekeningen.",
        "en": "For 1 item {service} gave no preference; see the caveats.",
    },
    "briefing.preferences.missing": {
        "nl": "Bij {n} onderdelen gaf {service} geen voorkeur op; zie de kanttekeningen.",
        "en": "For {n} items {service} gave no preference; see the caveats.",
    },
    "briefing.match": {"nl": "{partner} ({levels})", "en": "{partner} ({levels})"},
    "briefing.item_aspect": {"nl": "{item}: {aspect}", "en": "{item}: {aspect}"},
    "briefing.aspect_levels": {"nl": "{aspect}: {levels}", "en": "{aspect}: {levels}"},
    "briefing.level_entry": {"nl": "{level} = {label}", "en": "{level} = {label}"},
    "briefing.levels_legend": {"nl": "Schaalniveaus: {levels}.", "en": "Scale levels: {levels}."},
    "briefing.forms.intro": {
        "nl": "Het rapport noemt vier vormen, van licht naar zwaar: convenant, expertisecentrum, federatie "
        "en fusie. Of een lichte of een bindende vorm beter past, kunnen de scores niet zeggen. Hieronder "
        "staat per advies de reden van het rapport, en wat de scores daarover laten zien.",
        "en": "The report names four forms, from light to binding: covenant, centre of expertise, "
        "federation and merger. Whether a light or a binding form suits better, the scores cannot say. "
        "Below, for each piece of advice, the report's reason and what the scores show on it.",
    },
    "briefing.forms.not_given": {
        "nl": "{service} noemde bij {n} onderdelen geen schaalniveau (niet opgegeven of ?). Daar zijn de "
        "agenda en de hulp niet te bepalen; dat telt niet als ‘niet regionaal’.",
        "en": "{service} named no scale level for {n} items (not given, or ?). There the agenda and the help "
        "cannot be determined; that does not count as ‘not regional’.",
    },
    "briefing.forms.not_given.one": {
        "nl": "{service} noemde bij 1 onderdeel geen schaalniveau (niet opgegeven of ?). Daar zijn de "
        "agenda en de hulp niet te bepalen; dat telt niet als ‘niet regionaal’.",
        "en": "{service} named no scale level for 1 item (not given, or ?). There the agenda and the help "
        "cannot be determined; that does not count as ‘not regional’.",
    },
    "briefing.forms.more": {
        "nl": "Nog {n} groepen met deze dienst staan in de tabellen van het pakket.",
        "en": "{n} more groups with this service are in the pack's tables.",
    },
    "briefing.forms.more.one": {
        "nl": "Nog 1 groep met deze dienst staat in de tabellen van het pakket.",
        "en": "1 more group with this service is in the pack's tables.",
    },
    "briefing.forms.group_agenda": {
        "nl": "{n} van {determined} onderdelen",
        "en": "{n} of {determined} items",
    },
    "briefing.forms.strong_at": {"nl": "{service} ({levels})", "en": "{service} ({levels})"},
    "briefing.forms.nobody": {"nl": "geen andere dienst sterk", "en": "no other service strong"},
    "briefing.forms.advice_title": {
        "nl": "{form} van {coalition} ({stance}, {where})",
        "en": "{form} of {coalition} ({stance}, {where})",
    },
    "briefing.partners.items_in_pack": {
        "nl": "Op welke onderdelen elke waarde rust, staat in de tabellen bij dit pakket.",
        "en": "Which items each value rests on is in the tables of this pack.",
    },
    "briefing.forms.report_reason": {"nl": "Reden in het rapport:", "en": "The report's reason:"},
    "briefing.forms.scores_show": {"nl": "Wat de scores laten zien:", "en": "What the scores show:"},
    "briefing.forms.rules": {
        "nl": "De drempels, de regel welke schaalniveaus meetellen en hoe een ? telt, zijn keuzes van "
        "odsamen, geen uitkomst van de scores. Waar een andere keuze het oordeel verandert, staat dat "
        "erbij. Alle groepen en vormen staan in de tabellen van het pakket.",
        "en": "The thresholds, the rule on which scale levels count and how a ? counts are choices of "
        "odsamen, not an outcome of the scores. Where another choice changes a judgement, this is said. "
        "Every group and form is in the pack's tables.",
    },
    "briefing.forms.advice_heading": {
        "nl": "Het advies van het rapport naast de scores gelegd",
        "en": "The report's advice set beside the scores",
    },
    "briefing.forms.no_advice": {
        "nl": "Het rapport geeft geen advies dat {service} noemt.",
        "en": "The report gives no advice that names {service}.",
    },
    "briefing.column.coalition": {"nl": "Groep", "en": "Group"},
    "briefing.column.advice": {"nl": "Advies van het rapport", "en": "The report's advice"},
    "briefing.column.stance": {"nl": "Houding", "en": "Stance"},
    "briefing.column.data_verdict": {"nl": "Volgens de scores", "en": "By the scores"},
    "briefing.column.agenda": {"nl": "Gezamenlijke agenda", "en": "Joint agenda"},
    "briefing.column.depends": {"nl": "Anders met de regel", "en": "Different with the rule"},
    "briefing.column.helps": {"nl": "Waar de een de ander kan helpen", "en": "Where one can help another"},
    "briefing.column.own_scores": {"nl": "Score en meerwaarde", "en": "Score and added value"},
    "briefing.column.strong_at": {
        "nl": "Sterk op dit onderdeel (schaalniveau)",
        "en": "Strong on this item (scale)",
    },
    "briefing.column.why": {"nl": "Waarom", "en": "Why"},
    "briefing.verdict.partner_value": {"nl": "{partner} ({basis})", "en": "{partner} ({basis})"},
    "briefing.verdict.clear": {
        "nl": "Beste partner (gemeten aan ‘{lens}’): {partner}. Dat blijft zo bij elke rekenwijze.",
        "en": "Best partner (measured by ‘{lens}’): {partner}. This holds however the data are counted.",
    },
    "briefing.verdict.margin": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): {partners} staan vrijwel gelijk "
        "(het verschil "
        "in aandeel is kleiner dan {margin}).",
        "en": "No clear best partner (measured by ‘{lens}’): {partners} are nearly tied (their shares differ "
        "by less than {margin}).",
    },
    "briefing.verdict.lead_shrinks": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): {leader} ligt voor op {other}. Maar "
        "{reading} "
        "wordt die voorsprong klein: {a2} tegen {b2}.",
        "en": "No clear best partner (measured by ‘{lens}’): {leader} is ahead of {other}. But {reading} "
        "the lead "
        "becomes small: {a2} against {b2}.",
    },
    "briefing.verdict.leader_swaps": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): {leader} ligt voor op {other}. Maar "
        "{reading} "
        "ligt {name} voorop: {b2} tegen {a2}.",
        "en": "No clear best partner (measured by ‘{lens}’): {leader} is ahead of {other}. But {reading} "
        "{name} "
        "comes first: {b2} against {a2}.",
    },
    "briefing.verdict.when": {
        "nl": "bij de rekenwijze ‘{reading}’",
        "en": "under the way of counting ‘{reading}’",
    },
    "briefing.verdict.tie_always": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): {partners} staan gelijk, bij elke "
        "rekenwijze.",
        "en": "No clear best partner (measured by ‘{lens}’): {partners} are tied, however the data are "
        "counted.",
    },
    "briefing.verdict.tie": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): {partners} staan gelijk.",
        "en": "No clear best partner (measured by ‘{lens}’): {partners} are tied.",
    },
    "briefing.verdict.reading": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): wie voorop ligt, hangt af van de "
        "rekenwijze. Dicht bij elkaar: {partners}.",
        "en": "No clear best partner (measured by ‘{lens}’): who comes first depends on how the data are "
        "read. "
        "Close together: {partners}.",
    },
    "briefing.verdict.evidence": {
        "nl": "Geen duidelijke beste partner (gemeten aan ‘{lens}’): de voorste uitkomst rust op minder "
        "dan {share} "
        "van de onderdelen. Voorop: {partners}.",
        "en": "No clear best partner (measured by ‘{lens}’): the leading result rests on less than "
        "{share} of the "
        "items. In front: {partners}.",
    },
    "briefing.verdict.nothing": {
        "nl": "Met geen enkele dienst iets gemeenschappelijks (gemeten aan ‘{lens}’).",
        "en": "Nothing in common with any service (measured by ‘{lens}’).",
    },
    "briefing.question.standing": {"nl": "Waar staat {service}?", "en": "Where does {service} stand?"},
    "briefing.question.partners": {
        "nl": "Met wie kan {service} samenwerken?",
        "en": "With whom could {service} cooperate?",
    },
    "briefing.question.cooperation": {"nl": "Waarop?", "en": "On what?"},
    "briefing.question.forms": {
        "nl": "In welke vorm, en wat adviseert het rapport?",
        "en": "In which form, and what does the report advise?",
    },
    "briefing.question.sure": {
        "nl": "Hoe zeker is dat, en waar hangt het van af?",
        "en": "How sure is that, and what does it depend on?",
    },
    "briefing.see": {"nl": "Meer hierover: ‘{section}’", "en": "More: ‘{section}’"},
    "briefing.see.page": {"nl": "pagina", "en": "page"},
    "briefing.summary.standing": {
        "nl": "{service} voldoet aan {met} van de {n_robustness} robuustheidscriteria en is toegerust voor "
        "{equipped} van de {n_tasks} toekomstige opgaven.",
        "en": "{service} meets {met} of the {n_robustness} robustness criteria and is equipped for "
        "{equipped} of the {n_tasks} future tasks.",
    },
    "briefing.summary.wholly_advisor": {
        "nl": "De scores voor de {dimension} vulden de adviseurs in.",
        "en": "The advisors filled in the scores for the {dimension}.",
    },
    "briefing.summary.halen": {
        "nl": "Halen op {n} onderdelen: {items}.",
        "en": "Gain on {n} items: {items}.",
    },
    "briefing.summary.halen.one": {
        "nl": "Halen op 1 onderdeel: {items}.",
        "en": "Gain on 1 item: {items}.",
    },
    "briefing.summary.halen.none": {
        "nl": "Halen: op geen enkel onderdeel komt {service} tekort waar de dienst meerwaarde ziet.",
        "en": "Gain: on no item does {service} fall short where it sees added value.",
    },
    "briefing.summary.brengen": {
        "nl": "Brengen op {n} onderdelen: {items}.",
        "en": "Give on {n} items: {items}.",
    },
    "briefing.summary.brengen.one": {
        "nl": "Brengen op 1 onderdeel: {items}.",
        "en": "Give on 1 item: {items}.",
    },
    "briefing.summary.brengen.none": {
        "nl": "Brengen: op geen enkel onderdeel kan {service} een andere dienst helpen.",
        "en": "Give: on no item can {service} help another service.",
    },
    "briefing.summary.sure": {
        "nl": "De scores zijn zelfbeoordelingen; er is geen statistiek mogelijk met {n_services} diensten. "
        "{n_unknown} van de {n_own} eigen scores van {service} zijn ?.",
        "en": "The scores are self-assessments; with {n_services} services no statistics are possible. "
        "{n_unknown} of the {n_own} own scores of {service} are ?.",
    },
    "briefing.summary.sure_depends": {
        "nl": "Bij {n} van de {total} adviezen voor {service} hangt het oordeel af van een rekenregel van "
        "odsamen.",
        "en": "For {n} of the {total} pieces of advice for {service} the judgement depends on a rule of "
        "odsamen's calculation.",
    },
    "briefing.summary.sure_depends.one": {
        "nl": "Bij 1 van de {total} adviezen voor {service} hangt het oordeel af van een rekenregel van "
        "odsamen.",
        "en": "For 1 of the {total} pieces of advice for {service} the judgement depends on a rule of "
        "odsamen's calculation.",
    },
    "briefing.summary.sure_depends.none": {
        "nl": "Geen rekenregel van odsamen verandert het oordeel over de adviezen voor {service}.",
        "en": "No rule of odsamen's calculation changes the judgement on the advice for {service}.",
    },
    "briefing.summary.sure_advisor": {
        "nl": "{advisor_mark}: rust op scores die de adviseurs invulden.",
        "en": "{advisor_mark}: rests on scores the advisors filled in.",
    },
    "briefing.summary.more_items": {"nl": "en {n} meer", "en": "and {n} more"},
    "briefing.summary.advice_row": {
        "nl": "{form} van {coalition} ({evidence}{depends})",
        "en": "{form} of {coalition} ({evidence}{depends})",
    },
    "briefing.summary.advice_note": {
        "nl": "{note} {evidence}{depends}",
        "en": "{note} {evidence}{depends}",
    },
    "briefing.summary.evidence.reason.supported": {
        "nl": "De scores ondersteunen de reden van het rapport.",
        "en": "The scores support the report's reason.",
    },
    "briefing.summary.evidence.reason.partly": {
        "nl": "De scores ondersteunen de reden van het rapport deels.",
        "en": "The scores partly support the report's reason.",
    },
    "briefing.summary.evidence.reason.contrary": {
        "nl": "De scores spreken de reden van het rapport tegen.",
        "en": "The scores run against the report's reason.",
    },
    "briefing.summary.evidence.reason.not_testable": {
        "nl": "De reden van het rapport is met de scores niet te toetsen.",
        "en": "The report's reason cannot be tested with the scores.",
    },
    "briefing.evidence_short.reason.supported": {"nl": "reden ondersteund", "en": "reason supported"},
    "briefing.evidence_short.reason.partly": {
        "nl": "reden deels ondersteund",
        "en": "reason partly supported",
    },
    "briefing.evidence_short.reason.contrary": {"nl": "reden tegengesproken", "en": "reason contradicted"},
    "briefing.evidence_short.reason.not_testable": {"nl": "niet te toetsen", "en": "cannot be tested"},
    "briefing.summary.evidence.doubt.supported": {
        "nl": "De scores ondersteunen de twijfel van het rapport.",
        "en": "The scores support the report's doubt.",
    },
    "briefing.summary.evidence.doubt.partly": {
        "nl": "De scores ondersteunen de twijfel van het rapport deels.",
        "en": "The scores partly support the report's doubt.",
    },
    "briefing.summary.evidence.doubt.contrary": {
        "nl": "De scores spreken de twijfel van het rapport tegen.",
        "en": "The scores run against the report's doubt.",
    },
    "briefing.summary.evidence.doubt.not_testable": {
        "nl": "De twijfel van het rapport is met de scores niet te toetsen.",
        "en": "The report's doubt cannot be tested with the scores.",
    },
    "briefing.evidence_short.doubt.supported": {"nl": "twijfel ondersteund", "en": "doubt supported"},
    "briefing.evidence_short.doubt.partly": {
        "nl": "twijfel deels ondersteund",
        "en": "doubt partly supported",
    },
    "briefing.evidence_short.doubt.contrary": {"nl": "twijfel tegengesproken", "en": "doubt contradicted"},
    "briefing.evidence_short.doubt.not_testable": {"nl": "niet te toetsen", "en": "cannot be tested"},
    "briefing.summary.stance_rows": {"nl": "{stance}: {rows}.", "en": "{stance}: {rows}."},
    "briefing.summary.advice_depends": {
        "nl": ", hangt af van een rekenregel",
        "en": ", depends on a rule of the calculation",
    },
    "briefing.summary.note_depends": {
        "nl": " Dat hangt af van een rekenregel.",
        "en": " That depends on a rule of the calculation.",
    },
    "briefing.partners.intro": {
        "nl": "Hoe goed past elke andere dienst bij {service} op de gezamenlijke agenda? In de bijlage "
        "staan ook de andere vergelijkingen.",
        "en": "How well does every other service fit {service} on the joint agenda? The annex holds the "
        "other comparisons too.",
    },
    "briefing.partners.rules": {
        "nl": "Een partner heet alleen ‘beste’ als hij bij elke rekenwijze ten minste {margin} voorligt op "
        "de volgende. Ook moet zijn uitkomst rusten op ten minste {share} van de onderdelen.",
        "en": "A partner is only called ‘best’ if it leads the next one by at least {margin} however the "
        "data are counted. Its result must also rest on at least {share} of the items.",
    },
    "briefing.partners.note.margin": {"nl": "vrijwel gelijk", "en": "nearly tied"},
    "briefing.partners.note.tie": {"nl": "gelijk", "en": "tied"},
    "briefing.basis.mean": {"nl": "gemiddelde op {n} onderdelen", "en": "mean over {n} items"},
    "briefing.basis.mean.one": {"nl": "gemiddelde op 1 onderdeel", "en": "mean over 1 item"},
    "briefing.partners.note.reading": {"nl": "hangt af van de rekenwijze", "en": "depends on the reading"},
    "briefing.partners.note.evidence": {"nl": "weinig onderdelen", "en": "few items"},
    "briefing.column.lens": {"nl": "Gemeten aan", "en": "Measured by"},
    "briefing.column.partner": {"nl": "Partner", "en": "Partner"},
    "briefing.column.value": {"nl": "Aandeel", "en": "Share"},
    "briefing.partner_value": {"nl": "{share} ({basis})", "en": "{share} ({basis})"},
    "briefing.column.note": {"nl": "Let op", "en": "Note"},
    "briefing.column.matches": {"nl": "Zelfde schaalniveau als", "en": "Same scale level as"},
    "briefing.cooperation.undetermined": {
        "nl": "Niet te bepalen door een ? (of een weggelaten score): {items}. Deze onderdelen tellen niet "
        "mee bij halen.",
        "en": "Undetermined because of a ? (or a left-out score): {items}. These items do not count as "
        "gains.",
    },
    "briefing.cooperation.undetermined.one": {
        "nl": "Niet te bepalen door een ? (of een weggelaten score): {items}. Dit onderdeel telt niet mee "
        "bij halen.",
        "en": "Undetermined because of a ? (or a left-out score): {items}. This item does not count as a "
        "gain.",
    },
    "briefing.preferences.closest": {
        "nl": "Wie noemt dezelfde schaal van samenwerking? {finding}",
        "en": "Who names the same scale of cooperation? {finding}",
    },
    "briefing.caveat.unknown": {
        "nl": "{service} gaf {n} keer de score ? (onbekend): {cells}. Zo’n onderdeel telt in de "
        "vergelijkingen niet mee: niet als zwak en niet als sterk.",
        "en": "{service} gave the score ? (unknown) {n} times: {cells}. Such an item counts as undetermined "
        "in the comparisons, neither weak nor strong.",
    },
    "briefing.caveat.unknown.one": {
        "nl": "{service} gaf 1 keer de score ? (onbekend): {cells}. Zo’n onderdeel telt in de vergelijkingen "
        "niet mee: niet als zwak en niet als sterk.",
        "en": "{service} gave the score ? (unknown) once: {cells}. Such an item counts as undetermined in "
        "the comparisons, neither weak nor strong.",
    },
    "briefing.change.nothing": {
        "nl": "Op de gezamenlijke agenda verandert alleen de rekenwijze ‘{moving}’ iets aan de waarden; ook "
        "dan blijft voorop: {partners}.",
        "en": "On the joint agenda only the way of counting ‘{moving}’ changes any value; then too first "
        "comes: {partners}.",
    },
    "briefing.change.nothing.still": {
        "nl": "Geen enkele rekenwijze verandert de waarden op de gezamenlijke agenda. Voorop: {partners}.",
        "en": "No way of counting changes the values on the joint agenda. First: {partners}.",
    },
    "briefing.change.intro": {
        "nl": "Bij een andere rekenwijze ligt, gemeten aan ‘{lens}’, een andere partner voorop:",
        "en": "Counted another way, another partner comes first on the measure ‘{lens}’:",
    },
    "briefing.change.partner": {"nl": "{reading}: {partners}", "en": "{reading}: {partners}"},
    # --- partner chart: what its colours mean (accessibility, issue 20) ---
    "briefing.partner_chart.colours": {
        "nl": "blauw, naam vet: de beste partner; grijs: de andere diensten",
        "en": "blue, name in bold: the best partner; grey: the other services",
    },
    "briefing.partner_chart.grey": {
        "nl": "alle staven grijs: geen dienst is duidelijk de beste partner",
        "en": "all bars grey: no service is clearly the best partner",
    },
    "briefing.partner_chart.hatched": {
        "nl": "gearceerd: rust op weinig onderdelen",
        "en": "hatched: rests on few items",
    },
    "briefing.partners.nothing": {
        "nl": "met geen enkele dienst iets gemeenschappelijk",
        "en": "nothing in common with any service",
    },
    "briefing.caveat.preference_missing": {
        "nl": "{service} gaf bij {n} onderdelen geen voorkeur voor een schaalniveau ({items}). "
        "Toelichting in de gegevens: “{note}”. Daar kan geen overeenkomst met andere diensten worden "
        "gevonden.",
        "en": "{service} gave no preferred scale for {n} items ({items}). Note in the data: “{note}”. "
        "No match with other services can be found there.",
    },
    "briefing.caveat.preference_missing.one": {
        "nl": "{service} gaf bij 1 onderdeel geen voorkeur voor een schaalniveau ({items}). "
        "Toelichting in de gegevens: “{note}”. Daar kan geen overeenkomst met andere diensten worden "
        "gevonden.",
        "en": "{service} gave no preferred scale for 1 item ({items}). Note in the data: “{note}”. "
        "No match with other services can be found there.",
    },
    "briefing.caveat.preference_unknown.one": {
        "nl": "{service} gaf bij 1 onderdeel ? als voorkeur ({items}); daar kan geen overeenkomst met "
        "andere diensten worden gevonden.",
        "en": "{service} gave ? as its preference for 1 item ({items}); no match with other services can "
        "be found there.",
    },
    "briefing.caveat.preference_unknown": {
        "nl": "{service} gaf bij {n} onderdelen ? als voorkeur ({items}); daar kan geen overeenkomst met "
        "andere diensten worden gevonden.",
        "en": "{service} gave ? as its preference for {n} items ({items}); no match with other services can "
        "be found there.",
    },
    "briefing.caveat.preference_other.one": {
        "nl": "Een andere dienst gaf niet overal een voorkeur voor een schaalniveau op: {partners}. Op die "
        "onderdelen kan geen overeenkomst met die dienst worden gevonden.",
        "en": "Another service did not give a preferred scale everywhere: {partners}. No match with that "
        "service can be found on those items.",
    },
    "briefing.caveat.preference_other": {
        "nl": "Andere diensten gaven niet overal een voorkeur voor een schaalniveau op: {partners}. Op die "
        "onderdelen kan geen overeenkomst met hen worden gevonden.",
        "en": "Other services did not give a preferred scale everywhere: {partners}. No match with them can "
        "be found on those items.",
    },
    "briefing.caveat.preference_other_part": {
        "nl": "{partner} bij {n} onderdelen",
        "en": "{partner} for {n} items",
    },
    "briefing.caveat.preference_other_part.one": {
        "nl": "{partner} bij 1 onderdeel",
        "en": "{partner} for 1 item",
    },
    "briefing.caveat.no_unknown": {
        "nl": "{service} gaf zelf geen enkele score ? (onbekend).",
        "en": "{service} itself gave no score ? (unknown).",
    },
    "briefing.unknown_cell": {"nl": "{item} ({measure})", "en": "{item} ({measure})"},
    "briefing.report.title.other_language": {
        "nl": "{title} ({authors}, {date}, in het Engels)",
        "en": "{title} ({authors}, {date}, in Dutch)",
    },
    "briefing.appendix.intro": {
        "nl": "Alle gegevens van {service} waarop deze briefing rust, met hun vindplaats in het rapport "
        "‘{report}’.",
        "en": "All data of {service} this briefing rests on, with where they stand in the report ‘{report}’.",
    },
    "briefing.appendix.synthetic": {
        "nl": "Alle gegevens van {service} waarop deze briefing rust. Ze zijn synthetisch en staan in geen "
        "enkel rapport.",
        "en": "All data of {service} this briefing rests on. They are synthetic and stand in no report.",
    },
    "briefing.appendix.caption": {
        "nl": "{dimension}. Vindplaats: de tabel ‘{table}’ op bladzijde {page}, regel {service} in de rijen "
        "‘{meets_row}’, ‘{added_row}’ en ‘{preference_row}’, in de kolom die de tabel noemt.",
        "en": "{dimension}. Source: the table ‘{table}’ on page {page}, line {service} in the rows "
        "‘{meets_row}’, ‘{added_row}’ and ‘{preference_row}’, in the column the table names.",
    },
    "briefing.report.title": {"nl": "{title} ({authors}, {date})", "en": "{title} ({authors}, {date})"},
    "briefing.alt.scores_shown": {
        "nl": "Tabel als figuur: {dimension}, ‘{question}’; één rij voor {service} (omlijnd) en voor elk van "
        "zijn beste partners, {partners}.",
        "en": "Table as a figure: {dimension}, ‘{question}’; one line for {service} (outlined) and for "
        "each of its best partners, {partners}.",
    },
    "briefing.alt.scores": {
        "nl": "Tabel als figuur: {dimension}, ‘{question}’; één rij per dienst, die van {service} omlijnd.",
        "en": "Table as a figure: {dimension}, ‘{question}’; one line per service, that of {service} "
        "outlined.",
    },
    "briefing.partner_chart.title": {
        "nl": "Hoe goed past elke dienst bij {service}? Gemeten aan: {lens}",
        "en": "How well does each service fit {service}? Measured by: {lens}",
    },
    "briefing.alt.partners": {
        "nl": "Staafdiagram: hoe goed elke andere dienst bij {service} past, gemeten aan ‘{lens}’; de "
        "beste bovenaan.",
        "en": "Bar chart: how well each other service fits {service} by the measure ‘{lens}’, best at "
        "the top.",
    },
    "briefing.alt.preferences": {
        "nl": "Tabel als figuur: gewenst schaalniveau van samenwerking, {dimension}; één kolom per "
        "dienst, die van {service} omlijnd.",
        "en": "Table as a figure: preferred scale of cooperation, {dimension}; one column per service, "
        "that of {service} outlined.",
    },
    # --- export (every page of a briefing PDF) ------------------------------
    "export.source": {
        "nl": "bron: zelfbeoordeling door {scored_by}; {authors}, {date}",
        "en": "source: self-assessment by {scored_by}; {authors}, {date}",
    },
    "export.source.unknown": {"nl": "bron: onbekend", "en": "source: unknown"},
    "export.colophon": {
        "nl": "{source} · gemaakt {date} · gegevens {fingerprint} · odsamen {version}",
        "en": "{source} · built {date} · data {fingerprint} · odsamen {version}",
    },
    "export.date": {"nl": "{day}-{month}-{year}", "en": "{year}-{month:02d}-{day:02d}"},
    "export.subject": {
        "nl": "Bestuurlijke briefing over {service}: positie en kansen voor samenwerking tussen de "
        "omgevingsdiensten van {region}",
        "en": "Board briefing on {service}: position and options for cooperation between the environmental "
        "services of {region}",
    },
    # --- pack ---------------------------------------------------------------
    "pack.bad_code": {
        "nl": "Dienstcode {service} kan geen bestandsnaam worden; gebruik letters, cijfers, '_' en '-'.",
        "en": "Service code {service} cannot become a file name; use letters, digits, '_' and '-'.",
    },
    "pack.unknown_service": {
        "nl": "Onbekende dienst {service}; kies uit {services}.",
        "en": "Unknown service {service}; choose from {services}.",
    },
    "pack.out_not_folder": {
        "nl": "{out} is een bestand, geen map; kies een andere map voor de uitvoer.",
        "en": "{out} is a file, not a folder; choose another output folder.",
    },
    "pack.out_not_pack": {
        "nl": "{out} is geen eerder bestuurspakket en niet leeg; het pakket vervangt de hele map, dus kies "
        "een nieuwe of lege map.",
        "en": "{out} is not a previous board pack and not empty; the pack replaces the whole folder, so "
        "choose a new or empty folder.",
    },
    "pack.out_not_ours": {
        "nl": "{out} is geen eerder bestuurspakket: {entry} is niet door odsamen geschreven (of is sindsdien "
        "veranderd); het pakket vervangt de hele map, dus kies een nieuwe of lege map.",
        "en": "{out} is not a previous board pack: {entry} was not written by odsamen (or has changed "
        "since); the pack replaces the whole folder, so choose a new or empty folder.",
    },
    "pack.no_notebook": {
        "nl": "Het notebook voor de briefings ({notebook}) ontbreekt.",
        "en": "The briefing notebook {notebook} is missing.",
    },
    "pack.bad_jobs": {
        "nl": "--jobs {jobs} kan niet: kies 1 of meer.",
        "en": "--jobs {jobs} is not possible: choose 1 or more.",
    },
    "pack.count": {"nl": "{n} van {total}", "en": "{n} of {total}"},
    "pack.index.kicker": {"nl": "Bestuurspakket", "en": "Board pack"},
    "pack.index.title": {
        "nl": "Briefings per omgevingsdienst: positie en kansen voor samenwerking",
        "en": "Briefings per environmental service: position and options for cooperation",
    },
    "pack.index.intro": {
        "nl": "{who_scored} Eén briefing per dienst, als webpagina en als PDF ({n} diensten). Een score ? "
        "(onbekend) telt bij het vergelijken als onbepaald; in gemiddelden: {reading}.",
        "en": "{who_scored} One briefing per service, as a web page and as a PDF ({n} services). A score ? "
        "(unknown) counts as undetermined in comparisons; in averages: {reading}.",
    },
    "pack.index.service": {"nl": "Dienst", "en": "Service"},
    "pack.index.robustness": {"nl": "Voldoet aan robuustheidscriteria", "en": "Robustness criteria met"},
    "pack.index.advisor_note": {
        "nl": "{advisor_mark} Rust (deels) op scores die de adviseurs invulden; zie de kanttekeningen in "
        "de briefing.",
        "en": "{advisor_mark} Rests (partly) on scores the advisors filled in; see the caveats in the "
        "briefing.",
    },
    "pack.index.tasks": {"nl": "Toegerust voor opgaven", "en": "Equipped for tasks"},
    "pack.index.needs": {"nl": "Kan halen (onderdelen)", "en": "Can gain (items)"},
    "pack.index.offers": {"nl": "Kan brengen (onderdelen)", "en": "Can give (items)"},
    "pack.index.partner": {"nl": "Beste partner ({lens})", "en": "Best partner ({lens})"},
    "pack.index.advisor_excluded": {
        "nl": "De scores die de adviseurs invulden, tellen in deze map niet mee.",
        "en": "The scores the advisors filled in do not count in this pack.",
    },
    "pack.index.advice": {"nl": "Advies van het rapport", "en": "The report's advice"},
    "pack.index.strongest": {
        "nl": "Wat de scores zeggen over de reden van het advies",
        "en": "What the scores say on the advice's reason",
    },
    "pack.index.evidence_part": {
        "nl": "{form} van {coalition}: {evidence}",
        "en": "{form} of {coalition}: {evidence}",
    },
    "pack.index.no_best.tie": {
        "nl": "geen duidelijke; gelijk: {partners}",
        "en": "none clear; tied: {partners}",
    },
    "pack.index.no_best.margin": {
        "nl": "geen duidelijke; vrijwel gelijk: {partners}",
        "en": "none clear; nearly tied: {partners}",
    },
    "pack.index.no_best.reading": {
        "nl": "geen duidelijke; hangt af van de rekenwijze: {partners}",
        "en": "none clear; depends on the reading: {partners}",
    },
    "pack.index.no_best.evidence": {
        "nl": "geen duidelijke; rust op weinig onderdelen: {partners}",
        "en": "none clear; rests on few items: {partners}",
    },
    "pack.index.briefing": {"nl": "Briefing", "en": "Briefing"},
    "pack.index.failed": {"nl": "Mislukt", "en": "Failed"},
    "pack.index.failed_note": {
        "nl": "Niet alle briefings zijn gemaakt. Mislukt: {services}; zie het logboek in de tabel.",
        "en": "Not every briefing was built. Failed: {services}; see the log in the table.",
    },
    "pack.index.log": {"nl": "logboek", "en": "log"},
    "pack.index.notebook": {"nl": "notebook", "en": "notebook"},
    "pack.index.audit": {"nl": "Voor controle", "en": "For audit"},
    "pack.index.notebooks": {"nl": "Uitgevoerde notebooks", "en": "Executed notebooks"},
    "pack.index.logs": {"nl": "Logboeken", "en": "Logs"},
    "pack.index.tables": {"nl": "Tabellen", "en": "Tables"},
    "pack.index.data": {"nl": "Gebruikte gegevens", "en": "Data used"},
    "pack.index.fingerprint": {
        "nl": "Vingerafdruk van de gegevens (SHA-256, begin): {fingerprint}",
        "en": "Fingerprint of the data (SHA-256, start): {fingerprint}",
    },
    "pack.progress.start": {
        "nl": "Bestuurspakket: {n} briefings, {jobs} tegelijk, naar {out}",
        "en": "Board pack: {n} briefings, {jobs} at a time, into {out}",
    },
    "pack.progress.ok": {
        "nl": "[{done}/{total}] {service} klaar ({seconds} s)",
        "en": "[{done}/{total}] {service} done ({seconds} s)",
    },
    "pack.progress.failed": {
        "nl": "[{done}/{total}] {service} MISLUKT: {error} (zie {log})",
        "en": "[{done}/{total}] {service} FAILED: {error} (see {log})",
    },
    "pack.summary.ok.one": {
        "nl": "Bestuurspakket klaar in {out}: {n} briefing in {seconds} s.",
        "en": "Board pack ready in {out}: {n} briefing in {seconds} s.",
    },
    "pack.progress.start.one": {
        "nl": "Bestuurspakket: {n} briefing, {jobs} tegelijk, naar {out}",
        "en": "Board pack: {n} briefing, {jobs} at a time, into {out}",
    },
    "pack.summary.ok": {
        "nl": "Bestuurspakket klaar in {out}: {n} briefings in {seconds} s.",
        "en": "Board pack ready in {out}: {n} briefings in {seconds} s.",
    },
    "pack.summary.failed": {
        "nl": "{n_failed} van {n} briefings mislukt: {services}. De andere staan in {out} ({seconds} s); "
        "zie de logboeken in {out}/logs.",
        "en": "{n_failed} of {n} briefings failed: {services}. The others are in {out} ({seconds} s); "
        "see the logs in {out}/logs.",
    },
    "pack.summary.partial": {
        "nl": "{n_failed} van {n} briefings mislukt: {services}. {out} blijft zoals het was; het nieuwe "
        "pakket, met de mislukte gemarkeerd, staat in {partial} ({seconds} s); zie de logboeken in "
        "{partial}/logs. Met --allow-partial komt zo'n pakket toch in {out}.",
        "en": "{n_failed} of {n} briefings failed: {services}. {out} is left as it was; the new pack, "
        "failures marked, is in {partial} ({seconds} s); see the logs in {partial}/logs. With "
        "--allow-partial such a pack goes into {out} all the same.",
    },
    "pack.interrupted": {
        "nl": "Afgebroken; er is niets geschreven en het vorige pakket in {out} is niet aangeraakt.",
        "en": "Interrupted; nothing was written and the previous pack in {out} was not touched.",
    },
    "pack.references.done": {
        "nl": "{n} referentiebriefings geschreven naar {folder}, en de uitvoer van het notebook voor de "
        "briefings zelf.",
        "en": "{n} reference briefings written to {folder}, and the outputs of the briefing notebook itself.",
    },
    "pack.references.failed": {
        "nl": "{n_failed} notebooks voor referentiebriefings mislukt: {services}; hun vorige versie blijft "
        "staan.",
        "en": "{n_failed} reference notebooks failed: {services}; their previous version stays.",
    },
    # --- pack: faults on the way (one line each; the previous pack is never touched) ---
    "pack.out_mount_point": {
        "nl": "{out} is een koppelpunt (een aparte schijf of een gedeelde map) en kan niet in zijn geheel "
        "worden vervangen; kies een map daarbinnen, zoals {inside}.",
        "en": "{out} is a mount point (a separate disk or a shared folder) and cannot be replaced as a "
        "whole; choose a folder inside it, such as {inside}.",
    },
    "pack.out_read_only": {
        "nl": "{folder} staat op een schijf waarop niet geschreven kan worden; kies met --out een map op een "
        "andere schijf. Het vorige pakket in {out} is niet aangeraakt.",
        "en": "{folder} is on a disk that cannot be written to; choose a folder on another disk with --out. "
        "The previous pack in {out} was not touched.",
    },
    "pack.out_not_writable": {
        "nl": "U mag niet schrijven in {folder}; kies met --out een andere map, of vraag schrijfrechten voor "
        "deze map. Het vorige pakket in {out} is niet aangeraakt.",
        "en": "You may not write in {folder}; choose another folder with --out, or ask for permission to "
        "write in this one. The previous pack in {out} was not touched.",
    },
    "pack.no_permission": {
        "nl": "U mag {path} niet wijzigen; vraag schrijfrechten of kies met --out een andere map. Het vorige "
        "pakket in {out} is niet aangeraakt.",
        "en": "You may not change {path}; ask for permission to write there or choose another folder with "
        "--out. The previous pack in {out} was not touched.",
    },
    "pack.disk_full": {
        "nl": "De schijf is vol; het nieuwe pakket is weggegooid en het vorige pakket in {out} is niet "
        "aangeraakt. Maak ruimte vrij op de schijf van {out} en probeer het opnieuw.",
        "en": "The disk is full; the new pack was discarded and the previous pack in {out} was not touched. "
        "Free some space on the disk of {out} and try again.",
    },
    "pack.write_failed": {
        "nl": "Kon {path} niet lezen of schrijven ({error}); het vorige pakket in {out} is niet aangeraakt.",
        "en": "Could not read or write {path} ({error}); the previous pack in {out} was not touched.",
    },
    "pack.file_in_use": {
        "nl": "{file} is geopend in een ander programma (bijvoorbeeld Excel); sluit het en probeer het "
        "opnieuw. Het vorige pakket in {out} is niet aangeraakt.",
        "en": "{file} is open in another program (Excel, say); close it and try again. The previous pack in "
        "{out} was not touched.",
    },
    "pack.out_office_lock": {
        "nl": "In {out} staat {entry}: een bestand daarin is geopend in Excel of Word. Sluit het en probeer "
        "het opnieuw; er is niets geschreven.",
        "en": "{out} holds {entry}: a file in it is open in Excel or Word. Close it and try again; nothing "
        "was written.",
    },
    "pack.data_changed": {
        "nl": "De gegevens in {data} zijn veranderd terwijl het pakket werd gemaakt; er is niets vervangen. "
        "Sla de bestanden op en probeer het opnieuw.",
        "en": "The data in {data} changed while the pack was being built; nothing was replaced. Save the "
        "files and try again.",
    },
    "expect.cell_size": {
        "nl": "cellen van hoogstens {limit} tekens (staat er een aanhalingsteken dat nergens wordt "
        "gesloten?)",
        "en": "cells of at most {limit} characters (is there a quote that is never closed?)",
    },
    "pack.busy": {
        "nl": "Er wordt al een bestuurspakket gemaakt in {out}; wacht tot dat klaar is of stop het, en "
        "probeer het opnieuw.",
        "en": "A board pack is already being built into {out}; wait until it has finished, or stop it, and "
        "try again.",
    },
    # --- pack: the output folder checked once up front, and again at the swap ---
    "pack.unknown_service_case": {
        "nl": "Onbekende dienst {service}: bedoelde u {suggestion}?",
        "en": "Unknown service {service}: did you mean {suggestion}?",
    },
    "pack.out_link_loop": {
        "nl": "{out} is niet te vinden: symbolische koppelingen op dat pad wijzen in een kring naar elkaar. "
        "Herstel de koppeling of kies met --out een andere map.",
        "en": "{out} cannot be found: symbolic links on that path point to each other in a loop. Mend the "
        "link or choose another folder with --out.",
    },
    "pack.out_parent_not_folder": {
        "nl": "{parent} is een bestand, geen map, dus {out} kan er niet in; kies met --out een andere map.",
        "en": "{parent} is a file, not a folder, so {out} cannot be inside it; choose another folder with "
        "--out.",
    },
    "pack.out_inside_pack": {
        "nl": "{out} ligt in het bestuurspakket {pack}, en dat pakket wordt steeds als geheel vervangen. "
        "Kies met --out een map buiten {pack}.",
        "en": "{out} is inside the board pack {pack}, which every build replaces as a whole; choose a folder "
        "outside {pack} with --out.",
    },
    "cli.option_twice": {
        "nl": "twee keer gegeven ({first} en {second}); geef het één keer",
        "en": "given twice ({first} and {second}); give it once",
    },
    "pack.lock_in_the_way": {
        "nl": "{lock} is geen gewoon bestand en staat in de weg van het slot dat odsamen bij {out} zet. "
        "Verwijder het en probeer het opnieuw.",
        "en": "{lock} is not a plain file and is in the way of the lock odsamen puts next to {out}. Remove "
        "it and try again.",
    },
    "pack.out_changed": {
        "nl": "In {out} is {entry} gezet terwijl het pakket werd gemaakt; het pakket is niet vervangen en "
        "{entry} staat er nog. Zet het ergens anders neer en probeer het opnieuw.",
        "en": "{entry} was put in {out} while the pack was being built; the pack was not replaced and "
        "{entry} is still there. Move it elsewhere and try again.",
    },
    # --- explorer (notebooks/00-explorer.ipynb) ------------------------------
    "explorer.title": {"nl": "Verkenner", "en": "Explorer"},
    "explorer.intro": {
        "nl": "Elke keuze hieronder werkt alle uitkomsten meteen bij: de scores, de paren met het aantal "
        "onderdelen waarop elke uitkomst rust, de partners en de vormen van samenwerking per groep. Kies "
        "ook welke onderdelen meetellen: alle, alleen de robuustheidscriteria of alleen de opgaven. De "
        "gezamenlijke agenda telt onderdelen; er zijn geen gewichten om in te stellen.",
        "en": "Every choice below updates all the results at once: the scores, the pairs with the number of "
        "items each result rests on, the partners and the forms of cooperation per group. Choose also which "
        "items count: all, only the robustness criteria or only the tasks. The joint agenda counts items; "
        "there are no weights to set.",
    },
    "explorer.profile.blank": {
        "nl": "– betekent: geen score om te middelen ({services}).",
        "en": "– means: no score to average ({services}).",
    },
    "explorer.profile.blank.advisor": {
        "nl": "– betekent: geen score om te middelen ({services}). De scores die de adviseurs invulden, "
        "tellen nu niet mee (keuze Adviseurs).",
        "en": "– means: no score to average ({services}). The scores the advisors filled in do not count "
        "now (choice Advisors).",
    },
    "explorer.reading": {"nl": "Lezing:", "en": "Reading:"},
    "explorer.control.service": {"nl": "Dienst", "en": "Service"},
    "explorer.control.lens": {"nl": "Maat", "en": "Measure"},
    "explorer.control.unknown": {"nl": "Lezing van ?", "en": "Reading of ?"},
    "explorer.control.advisor": {"nl": "Adviseurs", "en": "Advisors"},
    "explorer.control.levels": {"nl": "Schaalniveaus", "en": "Scale levels"},
    "explorer.control.dimension": {"nl": "Onderdelen", "en": "Items"},
    "explorer.control.coalition": {"nl": "Coalitie", "en": "Coalition"},
    "explorer.control.pair": {"nl": "Paar", "en": "Pair"},
    "explorer.control.lang": {"nl": "Taal", "en": "Language"},
    "explorer.dimension.all": {"nl": "Alle onderdelen", "en": "All items"},
    "explorer.section.scores": {
        "nl": "Scores van de diensten (de gekozen dienst omlijnd)",
        "en": "The services' scores (the chosen service outlined)",
    },
    "explorer.section.profile": {"nl": "Gemiddelde score (van -2 tot 2)", "en": "Mean score (from -2 to 2)"},
    "explorer.profile.basis": {
        "nl": "{known} scores bekend, {unknown} keer ?",
        "en": "{known} scores known, {unknown} times ?",
    },
    "explorer.profile.note": {
        "nl": "Alleen deze gemiddelden hangen af van hoe ? telt; in de vergelijkingen en de coalities "
        "telt een ? nooit mee. Nu:",
        "en": "Only these means depend on the reading of ?; in the measures and the coalitions a ? is "
        "undetermined under both readings. Now:",
    },
    "explorer.section.pairs": {"nl": "Paren: {lens}", "en": "Pairs: {lens}"},
    "explorer.pairs.tip": {
        "nl": "{a} en {b}: {basis}. Telt mee: {items}",
        "en": "{a} and {b}: {basis}. Counted: {items}",
    },
    "explorer.pairs.hover": {
        "nl": "Wijs een cel aan om de onderdelen te zien die meetellen, of kies hieronder een paar.",
        "en": "Point at a cell to see the items that count, or choose a pair below.",
    },
    "explorer.section.pair_items": {
        "nl": "Waarop het paar {pair} rust",
        "en": "What the pair {pair} rests on",
    },
    "explorer.pair.counted": {"nl": "Telt mee ({n}):", "en": "Counted ({n}):"},
    "explorer.pair.not_counted": {
        "nl": "Bepaald, telt niet mee ({n}):",
        "en": "Determined, not counted ({n}):",
    },
    "explorer.pair.undetermined": {"nl": "Onbepaald ({n}):", "en": "Undetermined ({n}):"},
    "explorer.section.partners": {
        "nl": "Partners van {service}: {lens}",
        "en": "Partners of {service}: {lens}",
    },
    "explorer.partners.verdict": {
        "nl": "Over alle rekenwijzen, met de waarden van de standaardrekenwijze: {verdict}",
        "en": "Over every reading, with the values of the default reading: {verdict}",
    },
    "explorer.partners.best": {"nl": "beste partner", "en": "best partner"},
    "explorer.partners.close": {"nl": "nipt: {reason}", "en": "close call: {reason}"},
    "explorer.column.rank": {"nl": "Plaats", "en": "Rank"},
    "explorer.column.form": {"nl": "Vorm", "en": "Form"},
    "explorer.column.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "explorer.column.reason": {"nl": "Waarom", "en": "Why"},
    "explorer.column.advice": {"nl": "Het rapport", "en": "The report"},
    "explorer.section.verdicts": {
        "nl": "Vormen van samenwerking per coalitie",
        "en": "Forms of cooperation per coalition",
    },
    "explorer.verdicts.note": {
        "nl": "Wijs een cel aan voor de reden. Elke vorm telt de onderdelen die het rapport erbij noemt; de "
        "keuze van onderdelen hierboven geldt voor de scores, de paren en de partners.",
        "en": "Point at a cell for the reason. Each form counts the items the report names for it; the "
        "choice of items above applies to the scores, the pairs and the partners.",
    },
    "explorer.section.coalition": {
        "nl": "{coalition}: oordeel per vorm",
        "en": "{coalition}: verdict per form",
    },
    "explorer.coalition.advice": {
        "nl": "{stance} ({where}); reden van het rapport {evidence}. {reason}",
        "en": "{stance} ({where}); the report's reason {evidence}. {reason}",
    },
    "explorer.section.coalition_chart": {
        "nl": "Gezamenlijke agenda per coalitie en onderdeel",
        "en": "Joint agenda per coalition and item",
    },
}


ADVISOR_MARK = "affinity.advisor_mark"
"""The entry that holds the one mark for scores the advisors filled in: figures, tables, text and the
index all show it."""

ADVISOR_MARK_FIELD = "{advisor_mark}"
"""A field any entry may use without the caller passing it: :func:`text` fills in the mark of
:data:`ADVISOR_MARK`, so a sentence that explains the mark never types it a second time."""


def text(key: str, lang: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """Return the catalogue entry ``key`` in ``lang``, formatted with ``fields``.

    Where the catalogue has a singular form ``<key>.one`` and the number in the
    field ``n`` takes the singular in ``lang`` (by the plural rules of CLDR, as
    Babel knows them: 1 in Dutch and English), that form is used. The field
    ``{advisor_mark}`` is filled in with the mark of :data:`ADVISOR_MARK`.

    Raises
    ------
    KeyError
        If the key is not in the catalogue.
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    if f"{key}.one" in WORDS and plural_form(fields.get("n"), lang) == "one":
        key = f"{key}.one"  # the singular form: "1 briefing", not "1 briefings"
    entry = WORDS[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if ADVISOR_MARK_FIELD in template:
        fields = {"advisor_mark": WORDS[ADVISOR_MARK][lang]} | fields
    return template.format(**fields) if fields else template


def plural_form(n: object, lang: str) -> str | None:
    """The CLDR plural category of the number ``n`` in ``lang`` (``"one"``, ``"other"``); None when
    ``n`` is not a number."""
    if not isinstance(n, Real):
        return None
    return Locale.parse(lang).plural_form(n)


def format_number(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 2) -> str:
    """``value`` rounded to ``decimals`` as a reader writes it: a decimal comma in Dutch, a dash when
    there is no value (None or NaN).

    Always ``decimals`` digits after the separator and no grouping of thousands (the pattern
    ``0.00``); the exact value is rounded half to even, as Python rounds.
    """
    if value is None or value != value:
        return "–"
    pattern = "0." + "0" * decimals if decimals else "0"
    # Decimal(float) is the exact binary value: rounding it gives the digits Python itself would show.
    return format_decimal(Decimal(float(value)), format=pattern, locale=lang)


def format_date(day: date, lang: str = DEFAULT_LANGUAGE) -> str:
    """``day`` as a reader writes a date: ``7-1-2024`` in Dutch, ``2024-01-07`` in English."""
    return text("export.date", lang, day=day.day, month=day.month, year=day.year)


def join_words(words: Iterable[object], lang: str) -> str:
    """``a, b en c`` in the reader's language (Babel's CLDR lists: ``a, b, and c`` in English); empty
    string for no words.

    Item labels may hold the word for "and" themselves (``BI en opleiding``): quote them first
    (:func:`quoted`, :meth:`Briefing.items`) so that the list stays unambiguous.
    """
    words = [str(word) for word in words]
    return format_list(words, locale=lang) if words else ""


def quoted(label: str, lang: str) -> str:
    """An item label in running text, between quotes: ‘BI en opleiding’ cannot be read as two items."""
    return text("words.quoted", lang, label=label)


def check_language(lang: str) -> str:
    """Return ``lang`` if it is supported, else raise ``ValueError``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang
