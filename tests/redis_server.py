"""Start a throwaway redis-server for tests: free port, temp dir, no persistence."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import redis

STARTUP_SECONDS = 10


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server child process; use as a context manager."""

    def __init__(self, executable: str | None = None):
        self.executable = executable or shutil.which("redis-server")
        if self.executable is None:
            raise FileNotFoundError("redis-server is not installed")
        self.port = None
        self.process = None
        self._workdir = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self._workdir = tempfile.TemporaryDirectory(prefix="fairmatch-redis-")
        self.port = free_port()
        return self._launch()

    def _launch(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", self._workdir.name, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + STARTUP_SECONDS
        try:
            while True:
                try:
                    if client.ping():
                        return self
                except redis.ConnectionError:
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(f"redis-server did not start on port {self.port}")
                    time.sleep(0.05)
        finally:
            client.close()

    def _terminate(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def stop_keeping_data(self) -> None:
        """Stop the server (an outage), with what it holds saved; :meth:`start_again` brings it back."""
        if self.process is not None:
            client = redis.Redis(port=self.port)
            try:
                client.save()
            finally:
                client.close()
            self._terminate()

    def start_again(self) -> "RedisServer":
        """Start a server stopped by :meth:`stop_keeping_data` on the same port, with its data."""
        return self._launch()

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): it keeps its connections but answers nothing until :meth:`resume`."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None:
            self.resume()  # a paused server would not act on SIGTERM
            self._terminate()
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
