"""The thief: a process of the same user that tries to read every key the
kernel lists in /proc/keys (as `keyctl read` would), and reports what it got.

Prints one JSON object: the payloads read (hex, by description), its own
environment, and — when asked — what `vault export` gave it.
"""
import ctypes
import json
import os
import subprocess
import sys

KEYCTL_READ = 11
KEYCTL_DESCRIBE = 6
SYS_KEYCTL = {"x86_64": 250, "aarch64": 219}[os.uname().machine]

libc = ctypes.CDLL(None, use_errno=True)


def keyctl(op: int, *args) -> int:
    return libc.syscall(SYS_KEYCTL, op, *args)


def describe(serial: int) -> str:
    buffer = ctypes.create_string_buffer(4096)
    n = keyctl(KEYCTL_DESCRIBE, ctypes.c_long(serial), buffer, ctypes.c_long(len(buffer)))
    return buffer.value.decode(errors="replace") if n > 0 else ""


def read(serial: int) -> bytes | None:
    buffer = ctypes.create_string_buffer(65536)
    n = keyctl(KEYCTL_READ, ctypes.c_long(serial), buffer, ctypes.c_long(len(buffer)))
    return buffer.raw[:n] if n >= 0 else None


def main() -> None:
    stolen = {}
    listed = []
    with open("/proc/keys") as keys:
        for line in keys:
            serial = int(line.split()[0], 16)
            listed.append(line.strip())
            payload = read(serial)
            if payload is not None:
                stolen[f"{serial}:{describe(serial) or line.split(None, 8)[-1]}"] = payload.hex()
    report = {"stolen": stolen, "listed": listed, "environ": dict(os.environ)}
    if len(sys.argv) > 1:  # the command that tries to use vault from here
        result = subprocess.run(sys.argv[1:], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        report["export"] = {"status": result.returncode, "stdout": result.stdout, "stderr": result.stderr}
    print(json.dumps(report))


main()
