"""The rules engine: checks a published annual report and returns its findings.

`run_rules(report, previous=None)` runs every rule on a `ParsedReport` (from
`gongkai.reports.audit.reader.read_report`) and, when last year's report is given, the rules
across years. Rule ids and severities are those of DESIGN.md; each module holds one family:

| module | rules |
| --- | --- |
| `sums` | balance, detail_sum, row_total, appeal_total, old_format_sum |
| `cells` | blank_cell, bad_number |
| `narrative` | narrative_mismatch |
| `dates` | period, year_mismatch |
| `structure` | format_mismatch, missing_section, empty_section, overview_length, fee_statement |
| `wording` | regulation_name, typo |
| `places` | foreign_place |
| `across_years` | carry_over, in_force_carry, repeated_text |

`ambiguous_cell` findings come from the reader (in `report.findings`) and are not repeated here.
A rule that cannot look at what it checks says so with `not_checkable` instead of passing.
"""

from __future__ import annotations

from gongkai.reports.audit.model import Finding, ParsedReport
from gongkai.reports.rules import across_years, cells, dates, narrative, places, structure, sums, wording
from gongkai.reports.rules.common import Check, Rule

RULES: tuple[Rule, ...] = (
    dates.check_years,
    structure.check_format,
    structure.check_sections,
    sums.check_sums,
    cells.check_bad_numbers,
    cells.check_blank_cells,
    narrative.check_narrative,
    dates.check_period,
    wording.check_regulation_name,
    places.check_places,
    structure.check_overview_length,
    structure.check_fee_statement,
    across_years.check_across_years,
    wording.check_typos,
)
_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_rules(report: ParsedReport, previous: ParsedReport | None = None) -> list[Finding]:
    """Every finding on `report`, errors first, then warnings, then information."""
    check = Check(report, previous)
    findings = [finding for rule in RULES for finding in rule(check)]
    return sorted(findings, key=lambda f: _ORDER[f.severity])


__all__ = ["run_rules"]
