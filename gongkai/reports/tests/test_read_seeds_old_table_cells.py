"""Every cell of the old statistics table (统计指标 / 单位 / 统计数) of seeds 000, 001 and 004, as printed."""

from __future__ import annotations

from gongkai.reports.audit.reader import read_report
from gongkai.reports.formats import old_format_keys
from gongkai.reports.tests.corpus.forms import seed

# In the order of formats.old_format_keys(); None where the cell is printed blank.
KEYS = old_format_keys()
SEED_000 = (
    8457,
    33,
    0,
    223,
    562,
    6200,
    1439,
    0,  # 一 主动公开: total, 规范性文件, 制发, 5 channels
    20,
    7,
    7,
    0,
    0,
    33,
    11,
    1100,  # 二 回应解读
    60,
    10,
    0,
    26,
    24,
    60,
    60,
    0,  # 三（一）收到 + 4 ways, （二）办结 + 2
    60,
    0,
    17,
    7,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    25,
    11,
    0,  # 三（三）答复 + 8 kinds + 6 grounds
    0,
    0,
    0,
    0,
    1,
    1,
    0,
    0,  # 四 复议, 五 诉讼
    0,
    0,  # 六 举报投诉, 七 费用
    2,
    3,
    2,
    1,
    1,
    4,  # 八 机构、查阅点、人员（总数、专职、兼职）、经费
    2,
    1,
    300,  # 九 会议、培训班、受训人次
)
SEED_001 = (
    12683, 13, 13, 81, 20381, 15337, 10285, 5083,
    21, 3, 3, 0, 0, 27, 19, 5,
    72, 0, 0, 58, 14, 72, 72, 0,
    72, 3, 56, 3, 1, 0, 0, 0, 0, 1, 0, 1, 5, 3, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0,
    0, 5, 62, 0, 62, 27,
    10, 5, 382,
)  # fmt: skip
SEED_004 = (
    1599, 7, None, None, 538, 614, 105, 47,
    47, 0, 0, 0, 0, 0, 47, None,
    6, 0, 0, 2, 6, 6, 6, 0,
    6, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0,
    0, None, 2, 0, 2, None,  # 八 has no 专项经费 row in this report
    1, 1, 80,
)  # fmt: skip


def _expected(values: tuple[int | None, ...]) -> dict[str, int | None]:
    assert len(values) == len(KEYS)
    return dict(zip(KEYS, values, strict=True))


def test_seed_000_gives_every_cell_of_the_old_table() -> None:
    report = read_report(seed("000"))
    assert report.cells == _expected(SEED_000)
    assert set(report.cell_lines) == set(KEYS)


def test_seed_001_gives_every_cell_of_the_old_table() -> None:
    report = read_report(seed("001"))
    assert report.cells == _expected(SEED_001)
    assert set(report.cell_lines) == set(KEYS)


def test_seed_004_gives_blank_cells_as_none_and_its_missing_row_as_unread() -> None:
    report = read_report(seed("004"))
    assert report.cells == _expected(SEED_004)
    blank = {key for key, value in report.cells.items() if value is None}
    assert blank == {
        "normative_documents_issued",
        "channel_gazette",
        "responses_other",
        "reading_points",
        "budget_10k_yuan",
    }
    # Blank cells were read (they have a line); the missing 专项经费 row was not.
    assert "reading_points" in report.cell_lines
    assert "budget_10k_yuan" not in report.cell_lines
