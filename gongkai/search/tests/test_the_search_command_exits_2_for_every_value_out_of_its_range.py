"""`gongkai search`: a value outside an option's range or vocabulary is a usage error, exit 2, with a Chinese
message (DESIGN.md, command line); an unknown body or category is rejected data, exit 1. Before, --genre
bogus and --year 99999 exited 1 while --validity bogus and --year abc exited 2, and --page 1000000000
exited 0 printing page 10,000's hits as page 1,000,000,000."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def exit_code(*args: str) -> tuple[int, str]:
    try:
        call_command("search", "节能", *args, stdout=StringIO(), stderr=StringIO())
    except CommandError as error:
        return error.returncode, str(error)
    except SystemExit as error:  # argparse's own refusals (choices, types)
        return int(str(error.code)), ""
    return 0, ""


@pytest.mark.parametrize(
    "args",
    [
        ("--genre", "bogus"),
        ("--year", "99999"),
        ("--year", "1900"),
        ("--page", "1000000000"),
        ("--page", "10001"),
        ("--page", "0"),
        ("--limit", "1000000000"),
        ("--validity", "bogus"),
        ("--year", "abc"),
    ],
)
def test_a_value_out_of_range_is_a_usage_error(args: tuple[str, str]) -> None:
    make_cast()
    code, message = exit_code(*args)
    assert code == 2, args
    if message:
        assert args[0] in message


def test_values_in_range_succeed_and_unknown_bodies_or_categories_are_rejected() -> None:
    make_cast()
    assert exit_code("--genre", "notice", "--year", "2024", "--page", "10000")[0] == 0
    assert exit_code("--agency", "NOPE")[0] == 1
    assert exit_code("--category", "999999")[0] == 1
