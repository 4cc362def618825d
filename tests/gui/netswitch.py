"""A switch in the network cable between a laptop and the team registry's server, for tests.

:class:`NetSwitch` forwards a loopback port to the throwaway cluster's port, byte for byte (TLS
stays end to end: the server's certificate names 127.0.0.1). ``off()`` closes the port and cuts
every open connection, as a lost network would (a new connection is refused); ``on()`` opens it
again on the same port, so the same address reaches the server again.
"""

from __future__ import annotations

import socket
import threading
from typing import Any, Iterator

import pytest


class NetSwitch:
    def __init__(self, target_port: int, host: str = "127.0.0.1") -> None:
        self.host, self.target_port = host, target_port
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((host, 0))
            self.port = int(s.getsockname()[1])
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    @property
    def is_on(self) -> bool:
        return self._listener is not None

    def url(self, cluster: Any, database: str, user: str) -> str:
        """The cluster's TLS address for ``user``, through this switch."""
        return cluster.tcp_url(database, user).replace(f":{cluster.port}/", f":{self.port}/")

    def on(self) -> "NetSwitch":
        if self._listener is None:
            ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            ls.bind((self.host, self.port))
            ls.listen(32)
            self._listener = ls
            threading.Thread(target=self._accept, args=(ls,), daemon=True).start()
        return self

    def off(self) -> None:
        ls, self._listener = self._listener, None
        if ls is not None:
            try:
                ls.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            ls.close()
        with self._lock:
            conns, self._open = set(self._open), set()
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            c.close()

    def _accept(self, ls: socket.socket) -> None:
        while True:
            try:
                client, _addr = ls.accept()
            except OSError:
                return  # switched off
            try:
                server = socket.create_connection((self.host, self.target_port), timeout=10)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not ls:
                    client.close()
                    server.close()
                    return
                self._open |= {client, server}
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        with self._lock:
            self._open.discard(src)
            self._open.discard(dst)


def role_url(sw: NetSwitch, team: Any, role: str) -> str:
    """``role``'s login to the team registry, through the switch."""
    return sw.url(team.cluster, team.database, team.users[role])


@pytest.fixture
def switch(team: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[NetSwitch]:
    """The cable between this laptop and the server (on); the keyring knows every role's
    password for the address through it. A server that is away is tried every 0.2 s. Use with
    the ``team`` and ``memory_keyring`` fixtures of ``tests/core/pg.py``."""
    from prepub.core.consent import postgres
    from prepub.core.consent.store import resolve_url

    monkeypatch.setattr("prepub.gui.team_link.PROBE_POLL_S", 0.2)
    sw = NetSwitch(team.cluster.port).on()
    for role in team.users:
        postgres.store_password(resolve_url(role_url(sw, team, role))[0], team.passwords[role])
    yield sw
    sw.off()
