"""Offline guard for the test suite: any Python process started by the tests (nbval kernels, the JupyterLab
server of the browser tests and its kernels) refuses network connections that leave this machine.

The root conftest.py puts this folder first on PYTHONPATH, so Python imports this file at start-up. Loopback and
Unix sockets stay allowed (kernels talk to their clients over loopback). A blocked attempt raises OSError with a
message that names the guard, so a notebook that fetches at run time fails its nbval run with a clear reason.
Set ALLIANCELAB_ALLOW_NETWORK=1 to switch it off.
"""

import ipaddress
import os
import socket

if os.environ.get("ALLIANCELAB_ALLOW_NETWORK") != "1":
    _connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
    _LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}

    def _is_local(host) -> bool:
        if host is None:
            return True
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        host = str(host).strip("[]").split("%")[0]
        if host in _LOCAL_NAMES:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return address.is_loopback or address.is_unspecified

    def _refuse(host) -> OSError:
        return OSError(f"alliancelab offline guard: network access to {host!r} is blocked while the tests run "
                       "(the course must work offline)")

    def _address_host(address):
        return address[0] if isinstance(address, tuple) and address else None

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
            raise _refuse(_address_host(address))
        return _connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
            raise _refuse(_address_host(address))
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            raise socket.gaierror(socket.EAI_NONAME, f"alliancelab offline guard: name lookup of {host!r} is blocked")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
