"""API tokens: a platform that submits applications for a body authenticates with the body's token."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency

NAME_MAX_LENGTH = 100


class ApiToken(models.Model):
    """A bearer token that acts for one body only.

    Only the SHA-256 of the token is stored: the token itself is shown once, when it is made. A token
    is random (256 bits), so a plain hash cannot be reversed by guessing; no slow hash is needed.
    """

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="机关"
    )
    name = models.CharField(
        "名称", max_length=NAME_MAX_LENGTH, help_text="使用该令牌的平台，如“浙江政务服务网”"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, to tell tokens apart in lists without revealing them.
    prefix = models.CharField("令牌前缀", max_length=16, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="创建人",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    class Meta:
        ordering = ["agency__path", "name"]
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"],
                condition=models.Q(revoked_at__isnull=True),
                name="api_token_name_unique_while_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} · {self.name}（{self.prefix}…）"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
