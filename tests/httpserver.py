"""A real HTTP server on 127.0.0.1 for the network tests, scripted per path.

Each route is a list of responses served in turn (the last repeats), so a
test can say "429 with Retry-After, then 200". Nothing here mocks requests.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class QuietServer(ThreadingHTTPServer):
    """Clients that give up (timeouts, size limits) are expected here: no tracebacks on stderr."""

    def handle_error(self, request, client_address) -> None:
        pass


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream_bytes: int = 0  # send this many bytes in chunks, without Content-Length
    trickle: float = 0.0  # send the body one byte every this many seconds
    stall: float = 0.0  # send the headers and half the body, then say nothing for this many seconds


class ScriptedServer:
    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path with query)
        self.headers: list[dict[str, str]] = []  # request headers, in the order of `requests`
        self.in_flight = 0
        self.most_in_flight = 0
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # noqa: A002
                pass

            def _reply(self) -> None:
                with server._lock:
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                    server.requests.append((self.command, self.path))
                    server.headers.append(dict(self.headers.items()))
                    replies = server.routes.get(urlsplit(self.path).path) or [Reply(404, "not found")]
                    index = server._served.get(urlsplit(self.path).path, 0)
                    server._served[urlsplit(self.path).path] = index + 1
                reply = replies[min(index, len(replies) - 1)]
                try:
                    if reply.delay:
                        time.sleep(reply.delay)
                finally:
                    # counted as in flight until the answer is about to go: a client that has read it may
                    # start its next request at once, and must not be seen overlapping this one
                    with server._lock:
                        server.in_flight -= 1
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                body = reply.body.encode() if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value.replace("{base}", server.url.rstrip("/")))
                    if reply.stall:
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        time.sleep(reply.stall)
                        return
                    if reply.trickle:
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        for index in range(len(body)):
                            self.wfile.write(body[index : index + 1])
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                        return
                    if reply.stream_bytes:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        chunk = b"x" * 65536
                        for _ in range(reply.stream_bytes // len(chunk)):
                            self.wfile.write(chunk)
                        return
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = _reply
            do_HEAD = _reply

        self._server = QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.url.rstrip("/") + path

    def hits(self, path: str) -> int:
        return sum(1 for _, requested in self.requests if urlsplit(requested).path == path)

    def __enter__(self) -> "ScriptedServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
