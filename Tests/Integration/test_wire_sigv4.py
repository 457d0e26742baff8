"""The Swift SigV4 signer against botocore's SigV4Auth.

The committed vectors (data/sigv4_vectors.json, read by `swift test` on its
own) must be exactly what the installed botocore produces today; and on
vectors freshly generated with other seeds the Swift suite must agree too.
"""
import json
import sys
import pathlib

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import sigv4_vectors  # noqa: E402


def test_committed_vectors_are_botocores_own():
    committed = sigv4_vectors.DEFAULT_OUT.read_text(encoding="utf-8")
    assert committed == sigv4_vectors.generate(), (
        "Tests/Integration/data/sigv4_vectors.json differs from what botocore signs now; "
        "regenerate with python3 Tests/Integration/sigv4_vectors.py")
    assert len(json.loads(committed)["vectors"]) >= 200


@pytest.mark.parametrize("seed", [1, 4242])
def test_swift_signer_matches_botocore_on_fresh_vectors(seed, tmp_path, swift_suite):
    path = tmp_path / f"vectors-{seed}.json"
    path.write_text(sigv4_vectors.generate(seed, 300), encoding="utf-8")
    run = swift_suite("SigV4BotocoreTests", {"VAULT_TEST_SIGV4_VECTORS": str(path)})
    assert run.returncode == 0, run.output[-4000:]
    assert run.passed == ["signaturesMatchBotocoreOnGeneratedRequests()"], run.output[-4000:]
    assert f"SigV4 vectors compared with botocore: 300, seed {seed}, mismatches 0" in run.output


def test_a_wrong_vector_is_caught(tmp_path, swift_suite):
    """The comparison can fail: one altered signature makes the suite fail."""
    data = json.loads(sigv4_vectors.generate(99, 200))
    auth = data["vectors"][17]["authorization"]
    data["vectors"][17]["authorization"] = auth[:-1] + ("0" if auth[-1] != "0" else "1")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    run = swift_suite("SigV4BotocoreTests", {"VAULT_TEST_SIGV4_VECTORS": str(path)})
    assert run.returncode != 0
    assert "mismatches 1" in run.output
