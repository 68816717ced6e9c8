"""Kept only for the callers in gongkai.reports and gongkai.publications until they import
`gongkai.core.form_errors` (the staff pages, the portal and the API share it there)."""

from gongkai.core.form_errors import attach_error

__all__ = ["attach_error"]
