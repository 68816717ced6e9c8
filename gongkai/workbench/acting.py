"""The one action framework of the workbench's pages, for an application's actions (`actions.ACTIONS`)
and a case's steps (`appeals_forms.CASE_ACTIONS`): the domain decides which actions are offered now
(`applications.services.allowed_actions`, `appeals.services.allowed_actions`); each action is a form,
made with the action's name as its prefix, whose cleaned data are the keyword arguments of one service.
The service checks the role and the state again when the form is posted; its refusal of the input goes
back on the form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from gongkai.core.form_errors import attach_error


class Named(Protocol):
    @property
    def name(self) -> str: ...


A = TypeVar("A", bound=Named)
F = TypeVar("F", bound=forms.Form)


def offered_forms(
    offered: Iterable[A], bound: F | None, new_form: Callable[[A], F]
) -> tuple[list[tuple[A, F]], F | None]:
    """The form of each action offered, the posted one (`bound`) in its place with its errors; and,
    second, the posted form when its action is no longer offered (the state changed meanwhile): its
    errors go above the actions."""
    result = []
    for action in offered:
        if bound is not None and bound.prefix == action.name:
            form, bound = bound, None
        else:
            form = new_form(action)
        result.append((action, form))
    return result, bound


def perform(
    request: HttpRequest,
    form: forms.Form,
    call: Callable[[], object],
    *,
    done: str,
    then: Callable[[], HttpResponse],
    again: Callable[[], HttpResponse],
) -> HttpResponse:
    """Run the service (`call`, which reads the form's cleaned data) when the posted form is valid: on
    success say `done` and go on (`then`), otherwise show the page `again` with the form's errors."""
    if form.is_valid():
        try:
            call()
        except ValidationError as error:
            attach_error(form, error)
        else:
            messages.success(request, done)
            return then()
    return again()
