"""Putting a service's ValidationError on the form that was submitted (the portal and every staff page alike)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def attach_error(form: forms.Form, error: ValidationError) -> None:
    """Show the service's Chinese messages next to the fields they name, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
