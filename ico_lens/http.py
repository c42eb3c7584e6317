"""The one HTTP session of ico_lens: retries with back-off, a timeout, and an optional response cache.

The clients that talk to web services (Etherscan in :mod:`ico_lens.contract.etherscan`, OpenAI-compatible
LLM servers in :mod:`ico_lens.language.llm`) get their :class:`requests.Session` from :func:`session`:

- every request has a timeout (seconds) unless the caller passes one;
- connection errors, timeouts and HTTP 429/5xx are retried by urllib3's :class:`~urllib3.util.Retry`
  (``retries`` times, exponential back-off from ``backoff`` seconds, capped at 30 s; a ``Retry-After``
  header is honoured up to a minute), for GET and POST alike (a chat completion has no side effect).
  When the retries are used up on a status, the last response is returned, so the caller can say what
  the server answered;
- ``min_interval`` spaces consecutive requests that reach the network (a free API's calls per second);
  cache hits do not wait;
- ``cache_path`` makes it a requests-cache :class:`~requests_cache.CachedSession` over SQLite, for the
  caller to fill (:func:`store`): the session reads the cache but writes nothing on its own, because
  only the caller can tell a good reply from an error that came back as HTTP 200.

:func:`failure` turns what requests raised into one line ("timed out after 20 s", "connection failed
([Errno 111] Connection refused)").

>>> s = session(retries=2, backoff=0.5, timeout=10)
>>> s.timeout, s.get_adapter("https://x").max_retries.total
(10, 2)
"""

from __future__ import annotations

import logging
import re
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterable

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ReadTimeoutError
from urllib3.util import Retry

#: the statuses worth another try: rate limited, or the server failed
RETRY_STATUSES = frozenset((429, *range(500, 600)))
#: longest wait between two tries, from the back-off or a Retry-After header (seconds)
MAX_BACKOFF = 30.0
MAX_RETRY_AFTER = 60
USER_AGENT = "ico_lens (+https://github.com/)"


def retry_policy(retries: int, backoff: float) -> Retry:
    """``retries`` more tries after a connection error, a timeout or a 429/5xx answer."""
    return Retry(
        total=retries,
        backoff_factor=backoff,
        backoff_max=MAX_BACKOFF,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD", "POST"}),
        respect_retry_after_header=True,
        retry_after_max=MAX_RETRY_AFTER,
        raise_on_status=False,
    )


class PacedAdapter(HTTPAdapter):
    """An adapter that keeps ``min_interval`` seconds between requests and counts what it sends."""

    def __init__(self, retries: Retry, min_interval: float = 0.0, sleep: Callable[[float], None] = time.sleep):
        super().__init__(max_retries=retries)
        self.min_interval = min_interval
        self.sent = 0
        self._sleep = sleep
        self._last = 0.0
        self._lock = threading.Lock()

    def send(self, request, **kwargs):
        with self._lock:
            wait = self._last + self.min_interval - time.monotonic()
            if wait > 0:
                self._sleep(wait)
            self._last = time.monotonic()
            self.sent += 1
        return super().send(request, **kwargs)


class _DefaultTimeout:
    """Gives every request of the session ``self.timeout`` unless the call names its own."""

    timeout: float

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, *args, **kwargs)


class Session(_DefaultTimeout, requests.Session):
    pass


def _cached_session_class():
    from requests_cache import CachedSession

    class CachedSessionWithTimeout(_DefaultTimeout, CachedSession):
        pass

    return CachedSessionWithTimeout


def session(
    *,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 20.0,
    min_interval: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
    cache_path: str | Path | None = None,
    secret_parameters: Iterable[str] = (),
) -> requests.Session:
    """A session with retries, a timeout and pacing (see the module documentation).

    ``cache_path``: a SQLite file for a read-through cache the caller fills with :func:`store`.
    ``secret_parameters``: query parameters (an API key) left out of the cache keys, removed from what
    is stored, and masked in the log lines of urllib3 and requests-cache (which quote URLs). Request
    headers are never part of a cache key.
    """
    secret_parameters = tuple(secret_parameters)
    if cache_path is None:
        s: requests.Session = Session()
    else:
        path = Path(cache_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        s = _cached_session_class()(
            str(path),
            backend="sqlite",
            serializer="json",
            read_only=True,  # the caller stores what it judged a good reply (store())
            ignored_parameters=secret_parameters,
            match_headers=False,
        )
    s.timeout = timeout
    s.headers["User-Agent"] = USER_AGENT
    adapter = PacedAdapter(retry_policy(retries, backoff), min_interval, sleep)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    _mask_in_logs(secret_parameters)
    return s


def store(s: requests.Session, response: requests.Response, *, expire_after: float | None = None) -> None:
    """Keep ``response`` in the session's cache (for ``expire_after`` seconds; ``None``: for good)."""
    if getattr(response, "from_cache", False) or not hasattr(s, "cache"):
        return
    from requests_cache.policy import get_expiration_datetime

    expires = None if expire_after is None else get_expiration_datetime(timedelta(seconds=expire_after))
    s.cache.save_response(response, expires=expires)


class _MaskParameters(logging.Filter):
    """Replaces the values of the named query parameters in a log line by ``***``."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.names:
            pattern = r"(?i)\b(" + "|".join(map(re.escape, sorted(self.names))) + r")=[^&\s'\"]+"
            record.msg, record.args = re.sub(pattern, r"\1=***", record.getMessage()), ()
        return True


_MASK = _MaskParameters()


def _mask_in_logs(names: tuple[str, ...]) -> None:
    if not names:
        return
    _MASK.names.update(names)
    # a logger's filters see only the records of that logger, not of its children: name them all
    for name in [n for n in list(logging.root.manager.loggerDict) if n.split(".")[0] in ("urllib3", "requests_cache")]:
        logger = logging.getLogger(name)
        if _MASK not in logger.filters:
            logger.addFilter(_MASK)


def failure(exc: requests.RequestException, timeout: float) -> tuple[str, str]:
    """``(kind, one line)`` for what requests raised: kind ``"timeout"`` or ``"connection"``."""
    reason = exc.args[0] if exc.args else exc
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    # urllib3's NewConnectionError (refused, no route) is a ConnectTimeoutError, but is no timeout
    timed_out = isinstance(reason, (ReadTimeoutError, ConnectTimeoutError, TimeoutError)) and not isinstance(reason, NewConnectionError)
    if timed_out or (isinstance(exc, requests.Timeout) and not isinstance(reason, NewConnectionError)):
        return "timeout", f"timed out after {timeout:g} s"
    # urllib3 says "HTTPConnection(host=..., port=...): Failed to establish a new connection: [Errno 111] ...":
    # the last clause is the reason
    return "connection", f"connection failed ({str(reason).rsplit(': ', 1)[-1]})"
