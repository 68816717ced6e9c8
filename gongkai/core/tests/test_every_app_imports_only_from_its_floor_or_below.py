"""The import direction of docs/architecture.md ("Which may import which"), checked on the source: every
`import` and `from … import` of every module of the package outside tests and migrations, at the top of a
module or inside a function (a lazy import is an import), is read with `ast`. Imports under
`if TYPE_CHECKING:` are left out: they name a type for the checker and import nothing when the code runs.

An app imports from its own floor or from a floor below; the crossings the tree still has are listed in
`KNOWN_EXCEPTIONS`, each with why it is there, one line per importing module and imported module, to be
removed (with the import) rather than copied. A listed exception the code no longer has fails too, so that
its line goes with it."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # …/gongkai

# From the ground floor up. `core` imports no app; the other floors import their own floor and those below.
FLOORS: list[set[str]] = [
    {"core"},
    {"agencies"},
    {"workdays"},
    {"applications", "appeals", "publications", "search"},
    {"reports"},
    {"portal", "workbench", "api"},
    {"demo"},  # made through every app's services; nothing imports it
]

# Inside an app: (importing package, imported package) pairs that must not meet, with the reason.
INNER_RULES: list[tuple[str, str, str]] = [
    (
        "gongkai.reports.audit",
        "gongkai.reports.rules",
        "the rules read what the audit's reader makes (audit.model); the reader does not run the rules",
    ),
]

# (importing module, imported module): the crossings the tree has today. Remove the line with the import.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("gongkai.applications.register", "gongkai.reports.formats"): (
        "the register's result column uses the report's result labels; they belong to applications"
    ),
    ("gongkai.publications.attachments", "gongkai.reports.audit.inputs"): (
        "an attachment's text is read with the report reader's decoders; they belong in core"
    ),
    ("gongkai.publications.staff_views", "gongkai.workbench.access"): (
        "the publications' staff pages live in the domain app and use the workbench's checks before a form"
    ),
    ("gongkai.reports.annual_views", "gongkai.workbench.access"): (
        "the annual report's staff pages live in reports and use the workbench's checks before a form"
    ),
}


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    imported: str  # dotted module name (a submodule when `from package import submodule`)
    line: int

    def __str__(self) -> str:
        return f"{self.importer} (line {self.line}) imports {self.imported}"


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str, package: Path) -> bool:
    base = package.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str, importer: str, package: Path, *, is_package: bool = False) -> list[Import]:
    """Every import of the package's own modules in `source` (the module `importer`), lazy ones included."""
    found: list[Import] = []
    root = package.name

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.extend(Import(importer, alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                here = importer.split(".") if is_package else importer.split(".")[:-1]
                base = here[: len(here) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                target = candidate if _is_module(candidate, package) else module
                found.append(Import(importer, target, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return [i for i in found if i.imported == root or i.imported.startswith(root + ".")]


def package_imports(package: Path) -> list[Import]:
    found: list[Import] = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if "tests" in parts or "migrations" in parts:
            continue
        found += imports_of(
            path.read_text(encoding="utf-8"),
            module_name(path, package),
            package,
            is_package=path.name == "__init__.py",
        )
    return found


def floor_of(module: str) -> int | None:
    """The floor of the app the module belongs to; None for the project's own modules (settings, urls…)."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    for number, apps in enumerate(FLOORS):
        if parts[1] in apps:
            return number
    return None


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def crossings(found: list[Import]) -> list[Import]:
    """The imports against the floors or against an app's inner rules."""
    wrong: list[Import] = []
    for item in found:
        here, there = floor_of(item.importer), floor_of(item.imported)
        if here is not None and there is not None and there > here:
            wrong.append(item)
        elif here is not None and there is None and item.imported != "gongkai":
            # An app may use the project's settings module only through django.conf.
            wrong.append(item)
        elif any(within(item.importer, a) and within(item.imported, b) for a, b, _ in INNER_RULES):
            wrong.append(item)
    return wrong


def test_every_app_imports_only_from_its_floor_or_below() -> None:
    wrong = [
        str(item)
        for item in crossings(package_imports(PACKAGE))
        if (item.importer, item.imported) not in KNOWN_EXCEPTIONS
    ]
    assert wrong == [], "imports against docs/architecture.md's floors:\n" + "\n".join(wrong)


def test_every_known_exception_is_still_in_the_code() -> None:
    present = {(item.importer, item.imported) for item in crossings(package_imports(PACKAGE))}
    gone = [f"{a} → {b}" for a, b in KNOWN_EXCEPTIONS if (a, b) not in present]
    assert gone == [], "no longer imported: remove from KNOWN_EXCEPTIONS:\n" + "\n".join(gone)


def test_every_app_of_the_package_has_a_floor() -> None:
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    placed = set().union(*FLOORS)
    assert apps == placed


def test_a_lazy_import_upwards_is_found_and_a_type_only_import_is_not(tmp_path: Path) -> None:
    package = tmp_path / "gongkai"
    for module in ("core/__init__.py", "core/demo.py", "reports/__init__.py", "reports/formats.py"):
        (package / module).parent.mkdir(parents=True, exist_ok=True)
        (package / module).write_text("")
    (package / "__init__.py").write_text("")
    (package / "core" / "demo.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from gongkai.reports.formats import Format\n"
        "def load() -> None:\n"
        "    from gongkai.reports import formats\n"
        "    import gongkai.reports\n"
    )
    assert [str(item) for item in crossings(package_imports(package))] == [
        "gongkai.core.demo (line 5) imports gongkai.reports.formats",
        "gongkai.core.demo (line 6) imports gongkai.reports",
    ]


def test_an_import_inside_an_app_against_its_inner_rule_is_found(tmp_path: Path) -> None:
    package = tmp_path / "gongkai"
    for module in ("reports/audit/run.py", "reports/rules/__init__.py", "reports/audit/__init__.py"):
        (package / module).parent.mkdir(parents=True, exist_ok=True)
        (package / module).write_text("")
    (package / "reports" / "__init__.py").write_text("")
    (package / "reports" / "audit" / "run.py").write_text("from ..rules import run_rules\n")
    assert [str(item) for item in crossings(package_imports(package))] == [
        "gongkai.reports.audit.run (line 1) imports gongkai.reports.rules",
    ]
