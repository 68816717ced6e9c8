"""The tables' row and column labels come from the lexicon (`report_formats.json`) and nowhere else:
a wording added there is read at once, and no module that reads tables writes a label of its own."""

from __future__ import annotations

import ast
import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from gongkai.reports import formats
from gongkai.reports.audit import found, headers, lexicon, stream, tables, text_rows
from gongkai.reports.audit.lexicon import core
from gongkai.reports.audit.reader import read_report, read_report_bytes
from gongkai.reports.tests.corpus import forms

AUDIT = Path(lexicon.__file__).resolve().parent
# The modules that read tables; the prose readers (facts, sections, narrative) and the modules
# that only word messages (cli, accuracy, services, scanned, unread) are not among them.
TABLE_MODULES = (
    "document.py",
    "found.py",
    "headers.py",
    "inputs.py",
    "layout.py",
    "lexicon.py",
    "reader.py",
    "runtogether.py",
    "stream.py",
    "tables.py",
    "text.py",
    "text_rows.py",
)


def _cached() -> Iterator[Any]:
    yield formats.spec
    for module in (lexicon, headers, found, tables, text_rows, stream):
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") and value is not formats.spec:
                yield value


@pytest.fixture
def lexicon_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Callable[[dict[str, Any]], None]], None]]:
    """Reads the reports with the lexicon changed by the function given."""

    def use(change: Callable[[dict[str, Any]], None]) -> None:
        data = copy.deepcopy(formats.spec())
        change(data)
        path = tmp_path / "report_formats.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(formats, "SPEC_PATH", path)
        for function in _cached():
            function.cache_clear()

    yield use
    monkeypatch.undo()
    for function in _cached():
        function.cache_clear()


def _seed_with(name: str, old: str, new: str) -> bytes:
    text = forms.seed(name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new).encode()


def test_a_column_heading_added_to_the_lexicon_is_read(lexicon_with: Any) -> None:
    data = _seed_with("002", "\t自然人\n", "\t公民个人\n")
    before = read_report_bytes(data, "002.txt")
    assert before.cells["requests.new_received.natural_person"] is None
    assert any(f.rule == "ambiguous_cell" for f in before.findings)

    lexicon_with(
        lambda spec: spec["formats"]["2021"]["tables"]["requests"]["header"]["column_variants"][
            "natural_person"
        ].append("公民个人")
    )
    after = read_report_bytes(data, "002.txt")
    assert after.cells == read_report(forms.seed("002")).cells


def test_an_old_table_row_label_added_to_the_lexicon_is_read(lexicon_with: Any) -> None:
    data = _seed_with("000", "（二）设置政府信息公开查阅点数", "（二）设置信息公开查询场所数")
    original = read_report(forms.seed("000")).cells
    assert original["reading_points"] is not None
    assert read_report_bytes(data, "000.txt").cells["reading_points"] is None

    lexicon_with(
        lambda spec: (
            spec["formats"]["2008"]["label_variants"]
            .setdefault("reading_points", [])
            .append("设置信息公开查询场所数")
        )
    )
    assert read_report_bytes(data, "000.txt").cells == original


def test_a_table_two_column_word_added_to_the_lexicon_is_read(lexicon_with: Any) -> None:
    data = _seed_with("002", "\t本年废止件数\n", "\t本年度失效件数\n")
    assert read_report_bytes(data, "002.txt").cells["item20_1.normative_documents.repealed"] is None

    lexicon_with(
        lambda spec: spec["formats"]["2021"]["tables"]["item20_1"]["column_keywords"]["repealed"].append(
            "失效"
        )
    )
    assert read_report_bytes(data, "002.txt").cells == read_report(forms.seed("002")).cells


def _labels() -> set[str]:
    """Every row and column label of the lexicon, with its variants and keywords, as compared."""
    texts: list[str] = []
    spec = formats.spec()

    def walk(value: Any, key: str = "") -> None:
        if key in ("about", "name", "rules", "units", "title", "title_variants", "item20_label_endings"):
            return
        if isinstance(value, dict):
            for name, inner in value.items():
                walk(inner, name)
                if key in ("group_variants",):
                    texts.append(name)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str):
            texts.extend(value.split(" (")[0].split("/"))

    walk(spec["formats"])
    walk(spec["reader"])
    cores = {core(text) for text in texts}
    return {text for text in cores if len(text) >= 2 and any("\u4e00" <= ch <= "\u9fff" for ch in text)}


def _string_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_the_lexicon_holds_the_labels_the_check_looks_for() -> None:
    labels = _labels()
    assert {"自然人", "商业企业", "结果维持", "未经复议直接起诉", "予以公开", "行政规范性文件"} <= labels
    assert {"主动公开政府信息数", "电子邮件申请数", "统计指标", "申请人情况", "本年制发"} <= labels


# Structural words that patterns may name: the unit of a heading ("（单位：万元）").
STRUCTURAL = frozenset({"单位"})
_PATTERN_MARKS = ("|", "(?", "[", "\\")


def _labels_written(path: Path, labels: set[str]) -> list[str]:
    """The string literals of a module (docstrings aside) that are a label to match: a label whole,
    or a regular expression that names one. Messages may quote a label inside a sentence."""
    written = []
    for line, text in _string_literals(path):
        whole = core(text)
        pattern = any(mark in text for mark in _PATTERN_MARKS)
        hits = sorted(label for label in labels - STRUCTURAL if whole == label or (pattern and label in text))
        if hits:
            written.append(f"{path.name}:{line}: {text!r} is {hits}")
    return written


def test_no_module_that_reads_tables_writes_a_label_of_its_own() -> None:
    labels = _labels()
    assert [hit for name in TABLE_MODULES for hit in _labels_written(AUDIT / name, labels)] == []


def test_the_check_finds_a_label_written_in_code(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        '"""自然人 in a docstring is fine."""\n'
        'HEADER = "申请人情况"\n'
        'PATTERN = r"本年制发|新制作"\n'
        'MESSAGE = "表三的自然人一列未能读取"\n',
        encoding="utf-8",
    )
    written = _labels_written(module, _labels())
    assert len(written) == 2
    assert "申请人情况" in written[0] and "本年制发" in written[1]
