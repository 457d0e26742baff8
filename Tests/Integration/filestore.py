"""An independent reader of vault's file store (format 1), for the tests.

Decrypts with Python's hashlib.scrypt and cryptography's AES-GCM, so the
tests check the format itself, not only that vault reads what vault wrote.
"""
import base64
import hashlib
import json
import pathlib

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _b64url(name: str) -> str:
    return base64.urlsafe_b64encode(name.encode()).decode().rstrip("=")


def item_path(directory: pathlib.Path, name: str) -> pathlib.Path:
    return pathlib.Path(directory) / (_b64url(name) + ".item")


def names(directory: pathlib.Path) -> list[str]:
    out = []
    for path in pathlib.Path(directory).glob("*.item"):
        stem = path.name[: -len(".item")]
        out.append(base64.urlsafe_b64decode(stem + "=" * (-len(stem) % 4)).decode())
    return sorted(out)


def data_key(directory: pathlib.Path, passphrase: str) -> bytes:
    header = json.loads((pathlib.Path(directory) / "store.json").read_text())
    assert header["format"] == 1 and header["kdf"] == "scrypt"
    params = header["scrypt"]
    assert params["logN"] >= 15 and params["r"] >= 8 and params["p"] >= 1
    wrapping = hashlib.scrypt(passphrase.encode(), salt=base64.b64decode(header["salt"]), n=2 ** params["logN"],
                              r=params["r"], p=params["p"], maxmem=256 * 1024 * 1024, dklen=32)
    sealed = base64.b64decode(header["key"])
    return AESGCM(wrapping).decrypt(sealed[:12], sealed[12:], ("vault-store:" + header["id"]).encode())


def read(directory: pathlib.Path, passphrase: str, name: str, key: bytes | None = None) -> bytes:
    key = key or data_key(directory, passphrase)
    blob = item_path(directory, name).read_bytes()
    assert blob[:4] == b"VLT1"
    sealed = blob[4:]
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], ("vault-item:" + name).encode())


def temp_files(directory: pathlib.Path) -> list[str]:
    """Temp files a writer leaves if it is killed between create and rename:
    `.NAME.vault-XXXXXX.tmp` (AtomicFile) and `.tmp-…` (releases before it)."""
    return [p.name for p in pathlib.Path(directory).iterdir()
            if p.name.startswith(".tmp-") or (p.name.startswith(".") and p.name.endswith(".tmp") and ".vault-" in p.name)]
