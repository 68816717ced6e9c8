from __future__ import annotations

from gongkai.portal.tests.factories import fresh_throttle

__all__ = ["fresh_throttle"]
