"""Writes aws-vault's file store as aws-vault does (99designs/keyring's file
backend), with a real JOSE library (jwcrypto), for the tests of vault reading it.

What aws-vault writes, per item: a file named by the key with `%` and `/`
percent-encoded, holding a compact JWE made by jose2go: protected header
{"alg":"PBES2-HS256+A128KW","created":<Go time>,"enc":"A256GCM","p2c":8192,
"p2s":<12 random bytes>} (Go's json.Marshal of a map: keys sorted, no spaces),
payload the JSON of keyring.Item with Data as standard base64.
"""
import base64
import json
import os
import pathlib

from jwcrypto import jwe, jwk
from jwcrypto.common import base64url_encode


def file_name(key: str) -> str:
    return key.replace("%", "%25").replace("/", "%2F")


def item_json(key: str, data: bytes, label: str | None = None) -> bytes:
    item = {"Key": key, "Data": base64.b64encode(data).decode(), "Label": label or f"aws-vault ({key})",
            "Description": "", "KeychainNotTrustApplication": True, "KeychainNotSynchronizable": False}
    return json.dumps(item, separators=(",", ":")).encode()


def credentials_json(key_id: str, secret: str) -> bytes:
    """aws-vault's long-term credentials (aws.Credentials), as its Go code writes them."""
    return json.dumps({"AccessKeyID": key_id, "SecretAccessKey": secret, "SessionToken": "", "Source": "",
                       "CanExpire": False, "Expires": "0001-01-01T00:00:00Z"}, separators=(",", ":")).encode()


def seal(payload: bytes, passphrase: str, *, alg: str = "PBES2-HS256+A128KW", enc: str = "A256GCM",
         p2c: int = 8192) -> str:
    header = {"alg": alg, "created": "2024-05-06 07:08:09.123456789 +0000 UTC m=+0.004242", "enc": enc,
              "p2c": p2c, "p2s": base64url_encode(os.urandom(12))}
    token = jwe.JWE(payload, protected=json.dumps(header, separators=(",", ":"), sort_keys=True))
    token.add_recipient(jwk.JWK.from_password(passphrase))
    return token.serialize(compact=True)


def write(directory: pathlib.Path, key: str, data: bytes, passphrase: str, **kw) -> pathlib.Path:
    directory = pathlib.Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / file_name(key)
    path.write_text(seal(item_json(key, data), passphrase, **kw))
    path.chmod(0o600)
    return path


def read(directory: pathlib.Path, key: str, passphrase: str) -> bytes:
    """The item's Data, decrypted with jwcrypto (to check what is left in the source)."""
    token = jwe.JWE()
    token.deserialize((pathlib.Path(directory) / file_name(key)).read_text(), key=jwk.JWK.from_password(passphrase))
    return base64.b64decode(json.loads(token.payload)["Data"])
