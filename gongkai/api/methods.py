"""HTTP methods on the API's URLs (a middleware, since django-ninja answers both before any handler of ours):

- HEAD is answered as GET without the body (RFC 9110 §9.3.2: a server that answers GET answers HEAD; a
  link checker or a cache's revalidation got 405 from every read-only endpoint);
- a method an endpoint does not take is a 405 in JSON with a Chinese `detail` and the `Allow` header, as
  the API's description promises for every error (it was text/html "Method not allowed")."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from gongkai.core.middleware import error_response, wants_json


class ApiMethodsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not wants_json(request):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = [m.strip() for m in response.get("Allow", "").split(",") if m.strip()]
            if "GET" in allowed and "HEAD" not in allowed:
                allowed.append("HEAD")
            response = error_response(
                request, 405, "", f"此接口不接受 {request.method} 请求；可用的方法：{', '.join(allowed)}。"
            )
            response["Allow"] = ", ".join(allowed)
        if head and not response.streaming:
            # The headers of the GET, Content-Length included; no body.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
