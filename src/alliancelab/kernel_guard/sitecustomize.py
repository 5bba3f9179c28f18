"""Guard for the kernels of :mod:`alliancelab.grade`: imported by Python at start-up from the kernel's PYTHONPATH.

At start-up (always):
  - **network**: connections and name lookups that leave the machine raise OSError (loopback and Unix sockets
    stay allowed: the kernel talks to the grader over loopback). The same rule as the test suite's guard
    (tests/offline/sitecustomize.py), shipped in the package so the grader works outside the tests.

After :func:`arm` (the grader runs it in the kernel before the first cell of a submission):
  - **files**: writing, deleting, renaming or changing anything outside ``$ALLIANCELAB_SANDBOX`` (the submission's
    own temporary folder) raises PermissionError; so does reading under the paths in ``$ALLIANCELAB_SANDBOX_DENY``
    (the course's masters, instructor notes and full package) and anywhere outside ``$ALLIANCELAB_SANDBOX_READ``
    plus the Python installation and system folders;
  - **processes**: starting programs, forking, loading C libraries through ctypes, and signalling other processes
    raise PermissionError;
  - **memory**: the address space is capped at ``$ALLIANCELAB_SANDBOX_MEMORY_MB`` (default 4096), so a runaway
    allocation ends in MemoryError instead of taking the machine down.

It is an audit hook (PEP 578): Python code in the kernel cannot remove it. It guards against accidents and
ordinary mischief in coursework, not against a determined attacker with native code; run the grader under its
own user account or in a container when that matters.
"""

import ipaddress
import os
import socket
import sys

# --------------------------------------------------------------------------- network, from start-up

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
    return OSError(f"alliancelab grader: network access to {host!r} is blocked while submissions are graded")


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
        raise socket.gaierror(socket.EAI_NONAME, f"alliancelab grader: name lookup of {host!r} is blocked")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo

# --------------------------------------------------------------------------- files and processes, after arm()

_ARMED = False
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_MUTATE = {  # audit event -> positions of the path arguments it changes
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,),
    "os.truncate": (0,), "os.rename": (0, 1), "os.link": (0, 1), "os.symlink": (0, 1), "os.chflags": (0,),
    "os.lchflags": (0,), "os.lchmod": (0,), "os.setxattr": (0,), "os.removexattr": (0,), "os.mkfifo": (0,),
    "os.mknod": (0,), "shutil.rmtree": (0,), "shutil.copyfile": (1,), "shutil.copytree": (1,), "shutil.move": (0, 1),
    "shutil.chown": (0,), "shutil.copymode": (1,), "shutil.copystat": (1,), "shutil.make_archive": (0,),
    "shutil.unpack_archive": (1,), "sqlite3.connect": (0,),
}
_PROCESS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
            "pty.spawn", "os.startfile", "ctypes.dlopen", "ctypes.dlsym", "ctypes.call_function", "os.killpg"}


def _real(path) -> str:
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def _under(path: str, roots) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def arm() -> None:
    """Switch the file, process and memory guard on (once; it cannot be switched off)."""
    global _ARMED
    if _ARMED:
        return
    sandbox = os.environ.get("ALLIANCELAB_SANDBOX")
    if not sandbox:
        raise RuntimeError("ALLIANCELAB_SANDBOX is not set: the grader sets it to the submission's folder")
    write_roots = [_real(sandbox), "/dev/null"]
    split = lambda name: [_real(p) for p in os.environ.get(name, "").split(os.pathsep) if p]  # noqa: E731
    deny = split("ALLIANCELAB_SANDBOX_DENY")
    read_roots = write_roots + split("ALLIANCELAB_SANDBOX_READ") + [
        _real(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}] + [
        "/usr", "/lib", "/lib64", "/etc", "/proc", "/sys", "/dev", "/opt/conda", "/run"]
    me = os.getpid()

    def refuse(what, path=None):
        shown = f" {path!r}" if path is not None else ""
        raise PermissionError(f"alliancelab grader: {what}{shown} is not allowed while submissions are graded "
                              "(a submission may only write inside its own folder)")

    def hook(event, args):
        if event == "open":
            path, mode, flags = (list(args) + [None, None])[:3]
            if path is None or isinstance(path, int):
                return
            real = _real(path)
            writes = (isinstance(flags, int) and flags >= 0 and flags & _WRITE_FLAGS) or (
                isinstance(mode, str) and any(c in mode for c in "wax+"))
            if _under(real, deny):
                refuse("reading the course's own files", real)
            if writes and not _under(real, write_roots):
                refuse("writing", real)
            if not _under(real, read_roots):
                refuse("reading", real)
        elif event in _MUTATE:
            for i in _MUTATE[event]:
                if i < len(args) and args[i] is not None and not isinstance(args[i], int):
                    real = _real(args[i])
                    if not _under(real, write_roots):
                        refuse(f"changing files ({event})", real)
        elif event in _PROCESS:
            refuse(f"{event}")
        elif event == "os.kill":
            if args and args[0] not in (me, 0) and args[0] != -me:
                refuse("signalling another process")
            if args and args[0] in (0, -me):
                refuse("signalling the process group")
        elif event == "socket.connect":
            sock, address = args
            if getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
                raise _refuse(_address_host(address))

    try:
        import resource

        limit = int(os.environ.get("ALLIANCELAB_SANDBOX_MEMORY_MB", "4096")) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit if hard == resource.RLIM_INFINITY or hard > limit else hard))
    except (ImportError, ValueError, OSError):
        pass
    sys.addaudithook(hook)
    _ARMED = True
