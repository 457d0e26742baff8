#!/usr/bin/env python3
"""Puts one cached GetSessionToken session for PROFILE into vault's file store,
sealed as vault seals items (see Tests/Integration/filestore.py), so that
`vault export PROFILE` is a pure read of one stored item.

    seal_session.py STORE_DIR PASSPHRASE PROFILE
"""
import base64
import json
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Integration"))
import filestore  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402


def session(profile: str) -> tuple[str, bytes]:
    expires = int(time.time()) + 12 * 3600
    name = "sts.GetSessionToken," + base64.urlsafe_b64encode(profile.encode()).decode().rstrip("=") + ",," + str(expires)
    data = json.dumps({"AccessKeyId": "ASIAIOSFODNN7EXAMPLE", "SecretAccessKey": "S" * 40, "SessionToken": "T" * 300,
                       "Expiration": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(expires))}).encode()
    return name, data


def main(directory: str, passphrase: str, profile: str) -> None:
    key = filestore.data_key(directory, passphrase)
    name, data = session(profile)
    nonce = os.urandom(12)
    path = filestore.item_path(directory, name)
    path.write_bytes(b"VLT1" + nonce + AESGCM(key).encrypt(nonce, data, ("vault-item:" + name).encode()))
    path.chmod(0o600)
    print(name)


if __name__ == "__main__":
    main(*sys.argv[1:4])
