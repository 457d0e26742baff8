"""Fault injection: the Swift transport and retry loop against a local server
that is slow, fails, throttles, sends broken XML or resets connections
(Tests/fixtures/wire.py FaultServer). The Swift suite WireFaults asserts the
errors; this test asserts it really ran and counts what reached the server:
at most 3 attempts, and exactly one for answers that retrying cannot fix.
"""

EXPECTED_COUNTS = {
    "slow": 1, "500": 3, "503-twice": 3, "throttle": 3, "limit-once": 2,
    "truncated": 1, "malformed": 1, "wrong-root": 1, "short-body": 3, "reset": 3,
    "mfa": 1, "skew": 1, "expired": 1, "huge": 1, "proxied": 1, "ok": 1, "reuse": 3,
}


def test_faults_end_in_clear_errors_with_bounded_retries(fault_server, tls_fault_server, closed_port, swift_suite):
    run = swift_suite("WireFaults|WireTLS", {
        "VAULT_TEST_FAULT_URL": fault_server.url, "VAULT_TEST_CLOSED_PORT": str(closed_port),
        "VAULT_TEST_TLS_URL": tls_fault_server.url, "VAULT_TEST_TLS_CA": str(tls_fault_server.ca)})
    assert run.returncode == 0, run.output[-6000:]
    assert not run.skipped and not run.failed, run.output[-6000:]
    assert len(run.passed) >= 22, run.output[-6000:]
    assert {"trustedThroughAWS_CA_BUNDLE()", "untrustedWithoutTheBundleIsATLSErrorNamingTheEndpoint()"} <= set(run.passed)
    counts = fault_server.counts()
    # The TLS test's ClientHellos arrive as garbage, not as requests: no mode.
    assert {k: v for k, v in counts.items() if k in EXPECTED_COUNTS} == EXPECTED_COUNTS, counts
    # Three calls in a row went over one kept-alive connection.
    assert fault_server.connections("reuse") == 1
    # Over TLS only the two trusted calls got through to a request.
    assert tls_fault_server.counts() == {"ok": 2}
