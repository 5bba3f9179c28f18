"""The offline guard is active in every process the tests start, blocks the outside world and allows loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap


def _run(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, **env))


def test_conftest_puts_the_guard_on_pythonpath():
    assert any(p.endswith(os.path.join("tests", "offline")) for p in os.environ["PYTHONPATH"].split(os.pathsep))


def test_a_child_process_cannot_reach_the_internet():
    r = _run("""
        import urllib.request
        try:
            urllib.request.urlopen("http://example.org/", timeout=5)
        except Exception as e:
            print(type(e).__name__, e)
        """)
    assert "alliancelab offline guard" in r.stdout, r.stdout + r.stderr


def test_a_child_process_cannot_connect_to_a_public_address():
    r = _run("""
        import socket
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(5)
            s.connect(("93.184.215.14", 80))
        except OSError as e:
            print(e)
        """)
    assert "alliancelab offline guard: network access to '93.184.215.14' is blocked" in r.stdout, r.stdout + r.stderr


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        r = _run(f"""
            import socket
            s = socket.create_connection(("localhost", {port}), timeout=5)
            print("connected")
            """)
        assert r.stdout.strip() == "connected", r.stdout + r.stderr
    finally:
        server.close()


def test_the_guard_can_be_switched_off_for_a_deliberate_online_task():
    r = _run("""
        import socket
        print(socket.getaddrinfo.__module__)
        """, ALLIANCELAB_ALLOW_NETWORK="1")
    assert r.stdout.strip() == "socket", r.stdout + r.stderr


def test_a_notebook_kernel_runs_under_the_guard():
    """nbval and the browser tests start kernels from this environment: they inherit the guard."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(textwrap.dedent("""
        import socket
        try:
            socket.create_connection(("pypi.org", 443), timeout=5)
            print("CONNECTED")
        except OSError as e:
            print(e)
        """))])
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert "alliancelab offline guard" in text and "CONNECTED" not in text, text
