"""The workbench tests' cast and applications: the applications app's factories, plus logged-in clients.

The cast (see gongkai/applications/tests/factories.py): 小王 (wang) staff and 李主任 (li) head of
宁波市发展和改革委员会 (NB-FGW); 赵 (zhao) staff of another body; 钱 (qian) of the supervising office (NB).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from gongkai.applications.tests.factories import (
    COMPANY,
    PERSON,
    Cast,
    make_agency,
    make_cast,
    make_user,
    register,
)

__all__ = ["COMPANY", "PERSON", "Cast", "client_for", "make_agency", "make_cast", "make_user", "register"]


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
