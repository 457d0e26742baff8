"""Generates SigV4 test vectors signed by botocore's own signer.

    python3 Tests/Integration/sigv4_vectors.py [SEED COUNT OUT]

With no arguments it rewrites Tests/Integration/data/sigv4_vectors.json (seed
20261129, 250 requests), which the Swift test SigV4BotocoreTests reads. Each
vector has a fixed timestamp and random region, service, method, URL (dot
segments, double slashes, percent-encoding, UTF-8, ports, IPv6), query,
headers (mixed case, repeated, runs of spaces and tabs, headers botocore never
signs), body and session token, plus botocore's canonical request and
Authorization header.
"""
import base64
import datetime
import json
import pathlib
import random
import sys

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

DEFAULT_SEED = 20261129
DEFAULT_COUNT = 250
DEFAULT_OUT = pathlib.Path(__file__).parent / "data" / "sigv4_vectors.json"

REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1", "af-south-1", "il-central-1"]
SERVICES = ["sts", "iam", "ec2", "s3", "execute-api", "dynamodb", "lambda", "kms"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "get"]
HOSTS = [
    "https://sts.amazonaws.com",
    "https://sts.eu-west-1.amazonaws.com",
    "https://IAM.AmazonAWS.com",
    "http://127.0.0.1:5000",
    "https://example.com:443",
    "http://example.com:80",
    "https://example.com:8443",
    "http://[::1]:9000",
    "https://user:pw@host.example",
]
SEGMENTS = ["a", "b", "c-d_e.f~g", ".", "..", "", "%2F", "%20", "x%3Dy", "é", "日本", "a b", "$&'()*+,;=:@", "!", "%7E", "UPPER"]
QUERY_ITEMS = ["a=1", "a=0", "B=2", "empty=", "novalue", "x=%20y", "k%20ey=v", "Action=GetCallerIdentity",
               "Version=2011-06-15", "z=%E2%82%AC", "sorted=z", "sorted=a", "plus=a+b", "eq=a=b", "t=~tilde"]
HEADER_NAMES = ["Content-Type", "x-amz-meta-Thing", "X-Custom", "Accept", "Content-Length", "X-Amz-Target",
                "user-agent", "Expect", "Connection", "X-Amzn-Trace-Id", "Host", "x-dup", "X-Dup"]
HEADER_VALUES = ["text/plain", "application/x-www-form-urlencoded; charset=utf-8", "  leading", "trailing  ",
                 "inner   runs \t of\tspace", "", "a,b,c", "vault/0.1.0", "  both  ends  ", "Value:With:Colons"]


def _rand_text(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def make_vector(rng: random.Random, index: int) -> dict:
    region = rng.choice(REGIONS + [f"xx-test-{rng.randint(1, 9)}"])
    service = rng.choice(SERVICES)
    method = rng.choice(METHODS)
    base = rng.choice(HOSTS)
    n = rng.randint(0, 5)
    path = "" if n == 0 and rng.random() < 0.5 else "/" + "/".join(rng.choice(SEGMENTS) for _ in range(n))
    if path and rng.random() < 0.2:
        path += "/"
    query = ""
    if rng.random() < 0.6:
        query = "&".join(rng.choice(QUERY_ITEMS) for _ in range(rng.randint(1, 5)))
    url = base + path + ("?" + query if query or rng.random() < 0.05 else "")
    headers = []
    for _ in range(rng.randint(0, 6)):
        headers.append([rng.choice(HEADER_NAMES), rng.choice(HEADER_VALUES)])
    if rng.random() < 0.1:
        headers.append(["X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"])
    kind = rng.random()
    if kind < 0.3:
        body = b""
    elif kind < 0.7:
        body = f"Action=GetCallerIdentity&Version=2011-06-15&N={rng.randint(0, 10**6)}".encode()
    else:
        body = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))
    key_id = "AKIA" + _rand_text(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    secret = _rand_text(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", 40)
    token = None
    if rng.random() < 0.4:
        token = _rand_text(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=", rng.randint(20, 400))
    when = datetime.datetime(2015, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
        seconds=rng.randint(0, 16 * 365 * 86400))
    timestamp = when.strftime("%Y%m%dT%H%M%SZ")

    request = AWSRequest(method=method, url=url, data=body)
    for name, value in headers:
        request.headers[name] = value  # appends: repeated names stay repeated
    auth = SigV4Auth(Credentials(key_id, secret, token), service, region)
    # SigV4Auth.add_auth with a fixed timestamp instead of the clock.
    request.context["timestamp"] = timestamp
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    signature = auth.signature(auth.string_to_sign(request, canonical), request)
    auth._inject_signature_to_request(request, signature)
    return {
        "index": index,
        "region": region,
        "service": service,
        "method": method,
        "url": url,
        "headers": headers,
        "body": base64.b64encode(body).decode(),
        "accessKeyID": key_id,
        "secretAccessKey": secret,
        "sessionToken": token,
        "epochSeconds": int(when.timestamp()),
        "canonicalRequest": canonical,
        "authorization": request.headers["Authorization"],
    }


def generate(seed: int = DEFAULT_SEED, count: int = DEFAULT_COUNT) -> str:
    rng = random.Random(seed)
    vectors = [make_vector(rng, i) for i in range(count)]
    return json.dumps({"seed": seed, "signer": "botocore.auth.SigV4Auth", "vectors": vectors}, indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEED
    count = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_COUNT
    out = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_OUT
    out.write_text(generate(seed, count), encoding="utf-8")
