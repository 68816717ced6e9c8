"""With --json the audit prints a JSON array with one object per file: the parsed report
(format, body, year, period, every cell, the reader's and the rules' findings) or an error."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.reports.formats import all_keys
from gongkai.reports.tests.corpus.forms import seed


def test_the_array_holds_every_cell_and_the_findings_of_both_reader_and_rules() -> None:
    out = StringIO()
    call_command("report", "audit", str(seed("003")), str(seed("002")), "--json", stdout=out)
    first, second = json.loads(out.getvalue())
    assert first["file"] == str(seed("003"))
    assert first["format"] == "2019"
    assert first["agency_name"] == "宁波市象山县人民政府办公室"
    assert first["year"] == 2020
    assert first["period"] == ["2020-01-01", "2020-12-31"]
    assert list(first["cells"]) == all_keys("2019")
    assert first["cells"]["requests.results_total.total"] == 175
    assert {"detail_sum", "typo"} <= {finding["rule"] for finding in first["findings"]}
    finding = next(f for f in first["findings"] if f["rule"] == "detail_sum")
    assert finding["severity"] == "error"
    assert finding["evidence"][0]["line"] >= 1
    assert second["format"] == "2021"
    assert second["period"] is None


def test_a_file_that_cannot_be_read_is_an_error_entry_and_the_others_are_still_audited(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "report",
            "audit",
            str(broken),
            str(seed("002")),
            str(tmp_path / "missing.pdf"),
            "--json",
            stdout=out,
            stderr=StringIO(),
        )
    assert raised.value.returncode == 1
    assert "3 个文件中有 2 个无法审核" in str(raised.value)
    broken_entry, audited, missing = json.loads(out.getvalue())
    assert broken_entry == {"file": str(broken), "error": broken_entry["error"]}
    assert "DOCX" in broken_entry["error"]
    assert audited["year"] == 2023
    assert missing == {"file": str(tmp_path / "missing.pdf"), "error": "文件不存在"}
