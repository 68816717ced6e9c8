"""Behind a reverse proxy every request comes from the proxy's address: the look-up throttle counts the
client the trusted proxy names in X-Forwarded-For, and believes that header from no one else (a client
that writes it itself would otherwise pick a fresh counter for every guess)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.core import throttle
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def look_up(number: str, code: str, *, peer: str, forwarded_for: str = "") -> str:
    client = Client(REMOTE_ADDR=peer)  # a fresh session each time: only the address counts
    headers: dict[str, Any] = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    response = client.post("/status/", {"number": number, "query_code": code}, follow=True, **headers)
    return response.content.decode()


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_clients_behind_the_trusted_proxy_are_counted_one_by_one() -> None:
    application, code = services.application_submit_online(
        agency=make_cast().agency, applicant=ApplicantDetails(**PERSON)
    )
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS):
        look_up(application.number, "WRONGWRONG22", peer=PROXY, forwarded_for="198.51.100.1")
    assert "查询失败次数过多" in look_up(application.number, code, peer=PROXY, forwarded_for="198.51.100.1")
    other = look_up(application.number, code, peer=PROXY, forwarded_for="198.51.100.2")
    assert application.description in other


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_a_client_cannot_choose_its_address_by_writing_the_header_itself() -> None:
    application, code = services.application_submit_online(
        agency=make_cast().agency, applicant=ApplicantDetails(**PERSON)
    )
    # Through the proxy, the client's own X-Forwarded-For entries are on the left: the proxy's is read.
    for n in range(throttle.MAX_FAILURES_PER_ADDRESS):
        look_up(application.number, "WRONGWRONG22", peer=PROXY, forwarded_for=f"10.9.9.{n}, 198.51.100.1")
    assert "查询失败次数过多" in look_up(application.number, code, peer=PROXY, forwarded_for="198.51.100.1")
    # Straight from an untrusted peer the header is not believed at all.
    for n in range(throttle.MAX_FAILURES_PER_ADDRESS):
        look_up(application.number, "WRONGWRONG22", peer="203.0.113.5", forwarded_for=f"10.8.8.{n}")
    assert "查询失败次数过多" in look_up(
        application.number, code, peer="203.0.113.5", forwarded_for="10.8.8.200"
    )


def test_without_a_trusted_proxy_the_header_is_ignored() -> None:
    application, code = services.application_submit_online(
        agency=make_cast().agency, applicant=ApplicantDetails(**PERSON)
    )
    for n in range(throttle.MAX_FAILURES_PER_ADDRESS):
        look_up(application.number, "WRONGWRONG22", peer=PROXY, forwarded_for=f"198.51.100.{n}")
    assert "查询失败次数过多" in look_up(application.number, code, peer=PROXY, forwarded_for="198.51.100.99")
