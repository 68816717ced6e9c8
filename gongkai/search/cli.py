"""The `gongkai search` command's work: filters from codes, the search, the hits on stdout."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from gongkai.core.cli import GongkaiCommand, UsageError
from gongkai.search.selectors import FIRST_YEAR, LAST_YEAR, MAX_PAGE, search_publications


def run_search(command: GongkaiCommand, options: dict[str, Any]) -> None:
    limit, page = options["limit"], options["page"]
    if not 1 <= limit <= 100:
        raise UsageError("--limit 应在 1–100 之间")
    # Out of range is a usage error (DESIGN.md, command line: exit 2), as a value that is no number: a page
    # past the last one the search pages to (MAX_PAGE) was page 10,000 printed as the page asked for.
    if not 1 <= page <= MAX_PAGE:
        raise UsageError(f"--page 应在 1–{MAX_PAGE} 之间")
    year = options.get("year")
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(f"--year 应在 {FIRST_YEAR}–{LAST_YEAR} 之间")
    if options["subtree"] and not options.get("agency"):
        raise UsageError("--subtree 须与 --agency 同用")
    try:
        result = search_publications(
            options["query"],
            agency_code=options.get("agency"),
            subtree=options["subtree"],
            category_id=options.get("category"),
            year=options.get("year"),
            validity=options.get("validity"),
            genre=options.get("genre"),
            kind=options.get("kind"),
            order=options["order"],
            page=page,
            per_page=limit,
        )
    except ValidationError as error:
        command.reject("；".join(error.messages))
    if options["json"]:
        command.write_json(
            {
                "total": result.total,
                "total_is_exact": result.total_is_exact,
                "hits": [
                    {
                        "index_number": hit.index_number,
                        "title": hit.title,
                        "published": hit.published.isoformat(),
                    }
                    for hit in result.hits
                ],
            }
        )
        return
    total = f"{result.total}" if result.total_is_exact else f"超过 {result.total}"
    command.stderr.write(f"共 {total} 条结果，第 {page} 页")
    for hit in result.hits:
        command.stdout.write(f"{hit.published.isoformat()}\t{hit.index_number}\t{hit.title}")
