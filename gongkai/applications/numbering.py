"""受理编号 and 查询码: the number an application is known by, and the code that lets its applicant
follow it.

Number: `<year>-<sequence>` (`2025-0001`, four digits at least), one gap-free sequence per body and
year, drawn from `ApplicationCounter` inside the caller's transaction. It is given when the application
is registered by staff, or when it is submitted online (so the applicant has it for the status page
before staff confirm receipt); the year is that of the date of receipt, or of submission while receipt
is not yet confirmed. Imported applications keep their own numbers verbatim, outside the sequence
(`sequence` null); a sequence value whose number an imported application already holds is passed over.

Query code: 12 characters from an alphabet without look-alikes (about 62 bits), made with `secrets`.
It is shown once, to the applicant; only its SHA-256 is stored (the code is random and long, so a
plain hash is as strong as a password hash here, and a look-up needs no per-row salt). A look-up
compares the digests in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, ApplicationCounter

# No 0/O, 1/I/L: the code is read aloud on the telephone and copied from paper.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 12


@dataclass(frozen=True)
class Number:
    number: str
    year: int
    sequence: int


def format_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:04d}"


def next_number(*, agency: Agency, year: int) -> Number:
    """Take the next number of `agency` for `year`. Must run inside the transaction that saves the
    application: the counter row stays locked until it commits, and a rollback gives the number back."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside transaction.atomic")
    ApplicationCounter.objects.get_or_create(agency=agency, year=year)
    counter = ApplicationCounter.objects.filter(agency=agency, year=year)
    while True:
        # An UPDATE … SET last = last + 1 takes the row lock before reading: a concurrent transaction
        # waits here until this one commits, then increments the committed value.
        counter.update(last=F("last") + 1)
        sequence = counter.values_list("last", flat=True).get()
        number = format_number(year, sequence)
        if not Application.objects.filter(agency=agency, number=number).exists():
            return Number(number=number, year=year, sequence=sequence)


def new_query_code() -> tuple[str, str]:
    """A fresh query code and the digest to store."""
    code = "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))
    return code, query_code_digest(code)


def normalise_query_code(code: str) -> str:
    """What the applicant typed, as it was issued: spaces and hyphens dropped, upper case."""
    return "".join(ch for ch in code.upper() if ch not in " -\t")


def query_code_digest(code: str) -> str:
    return hashlib.sha256(normalise_query_code(code).encode()).hexdigest()


def query_code_matches(stored_digest: str, code: str) -> bool:
    """Whether `code` is the query code whose digest was stored, compared in constant time."""
    if not stored_digest or not code:
        return False
    return hmac.compare_digest(stored_digest, query_code_digest(code))
