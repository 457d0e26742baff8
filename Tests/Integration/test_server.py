"""`vault exec --server` and `vault serve` against moto: the refreshing
credential server over real sockets, with boto3 and the AWS CLI as clients.

Renewals every few seconds: sessions of 15 minutes (the STS minimum) and an
AWS_MIN_TTL a few seconds shorter, so a session is renewed once that little
of it has been used. Loops end on what moto has seen, never on a clock.
"""
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import textwrap

import pexpect
import pytest

from fixtures.world import share_mfa_session, UNCHECKED, vault

RENEWING = {"AWS_MIN_TTL": "897s"}  # of a 900 s session: renewed 3 s after it was issued
HERE = pathlib.Path(__file__).parent


def served_env(world, **extra):
    env = dict(world["env"], **RENEWING)
    env["MOTO_RECORDING"] = str(world["moto"].recording)
    env.update(extra)
    return env


# The child's side: count GetSessionToken calls in moto's recording (the loops stop on it).
COUNT_STS = textwrap.dedent(f"""\
    import json, os, pathlib, sys
    sys.path.insert(0, {str(HERE.parent)!r})
    from fixtures.moto import read_recording
    def sts_calls(action="GetSessionToken"):
        return sum(r["action"] == action for r in read_recording(pathlib.Path(os.environ["MOTO_RECORDING"])))
    """)

BOTO3_LOOP = COUNT_STS + textwrap.dedent("""\
    import boto3
    env_keys = sorted(k for k in os.environ if k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"))
    client = boto3.client("sts")
    calls = errors = 0
    while sts_calls() < 4 and calls < 5000:
        try:
            client.get_caller_identity()
        except Exception as e:
            errors += 1
            print("error:", e)
        calls += 1
    print(json.dumps({"calls": calls, "errors": errors, "env_keys": env_keys,
                      "container": sorted(k for k in os.environ if k.startswith("AWS_CONTAINER_")),
                      "values": sorted(os.environ.values())}))
    """)


def test_boto3_loop_runs_past_three_renewals_with_no_keys_in_its_environment(world):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    result = vault(world, "exec", "--server", "classmethod", "-d", "15m", "--", "python3", "-c", BOTO3_LOOP,
                   env=served_env(world))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["errors"] == 0
    assert report["env_keys"] == []
    assert report["container"] == ["AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]
    user = world["user"]
    assert not any(user.secret_access_key in v or user.access_key_id in v for v in report["values"])
    # The initial session and three renewals, each one STS call.
    assert moto.action_count("GetSessionToken") == 4
    assert report["calls"] >= 4
    assert user.secret_access_key not in result.stdout + result.stderr


CLI_LOOP = textwrap.dedent("""\
    i=0; failed=0
    while [ "$(python3 -c "$COUNT_STS
    print(sts_calls())")" -lt 4 ] && [ $i -lt 300 ]; do
      aws sts get-caller-identity >/dev/null || failed=$((failed+1))
      i=$((i+1))
    done
    echo "calls=$i failed=$failed"
    """)


def test_aws_cli_loop_runs_past_three_renewals(world):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    result = vault(world, "exec", "--server", "classmethod", "-d", "15m", "--", "bash", "-c", CLI_LOOP,
                   env=served_env(world, COUNT_STS=COUNT_STS))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("failed=0"), result.stdout + result.stderr
    assert moto.action_count("GetSessionToken") == 4


# 50 threads released together ask the server at once, round after round,
# until three rounds have brought new credentials.
PARALLEL = textwrap.dedent("""\
    import json, os, threading, urllib.request
    url, token = os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"], os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
    def fetch(out, i, barrier):
        barrier.wait()
        req = urllib.request.Request(url, headers={"Authorization": token})
        with urllib.request.urlopen(req, timeout=60) as r:
            out[i] = json.loads(r.read())["Expiration"]
    seen, rounds, mixed = [], 0, 0
    while len(seen) < 3 and rounds < 2000:
        out, barrier = [None] * 50, threading.Barrier(50)
        threads = [threading.Thread(target=fetch, args=(out, i, barrier)) for i in range(50)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        rounds += 1
        if len(set(out)) != 1:
            mixed += 1
        for e in out:
            if e not in seen:
                seen.append(e)
    print(json.dumps({"expirations": seen, "rounds": rounds, "mixed": mixed}))
    """)


def test_fifty_parallel_requests_at_renewal_make_one_sts_call(world):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    # --lazy: the first round finds nothing fetched yet, so it is a renewal too.
    result = vault(world, "exec", "--lazy", "classmethod", "-d", "15m", "--", "python3", "-c", PARALLEL,
                   env=served_env(world))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["expirations"]) == 3
    assert moto.action_count("GetSessionToken") == 3


REFUSALS = textwrap.dedent("""\
    import http.client, json, os, urllib.parse
    u = urllib.parse.urlsplit(os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"])
    token = os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
    def ask(method="GET", path=u.path, host=u.netloc, auth=token, body=None):
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        c.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        c.putheader("Host", host)
        if auth is not None:
            c.putheader("Authorization", auth)
        if body is not None:
            c.putheader("Content-Length", str(len(body)))
        c.endheaders(body.encode() if body is not None else None)
        r = c.getresponse()
        data = r.read().decode()
        c.close()
        return r.status, data
    results = {
        "good": ask()[0],
        "no_token": ask(auth=None),
        "wrong_token": ask(auth="0" * len(token)),
        "short_token": ask(auth=token[:-1]),
        "other_host": ask(host="attacker.example:%d" % u.port),
        "post": ask(method="POST", body="x" * 100),
        "other_path": ask(path="/"),
    }
    print(json.dumps(results))
    """)


def check_refusals(results, token):
    assert results["good"] == 200
    for name in ("no_token", "wrong_token", "short_token", "other_host", "post", "other_path"):
        status, body = results[name]
        assert 400 <= status < 500, (name, status)
        assert not token or token not in body
    assert results["no_token"][0] == 401
    assert results["wrong_token"][0] == 403
    assert results["other_host"][0] == 421
    assert results["post"][0] == 405


def test_server_refuses_no_token_wrong_token_other_host_and_post(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "--server", "classmethod", "--", "python3", "-c", REFUSALS, env=served_env(world))
    assert result.returncode == 0, result.stderr
    check_refusals(json.loads(result.stdout), token="")


def start_serve(world, *args):
    proc = subprocess.Popen([world["bin"], "serve", "classmethod", *args], env=served_env(world),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    lines = dict(proc.stdout.readline().strip().split("=", 1) for _ in range(2))
    return proc, lines


def test_serve_prints_the_two_variables_and_refuses_strangers(world):
    world["moto"].set_free_requests(UNCHECKED)
    proc, variables = start_serve(world)
    try:
        assert sorted(variables) == ["AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]
        assert variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"].startswith("http://127.0.0.1:")
        assert len(variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"]) == 64
        out = subprocess.run([sys.executable, "-c", REFUSALS], env=dict(os.environ, **variables),
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        check_refusals(json.loads(out.stdout), variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"])
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] not in err
    assert world["user"].secret_access_key not in err
    port = int(variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"].split(":")[2].split("/")[0])
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)


def test_serve_beyond_loopback_warns(world):
    world["moto"].set_free_requests(UNCHECKED)
    proc, variables = start_serve(world, "--bind", "0.0.0.0")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert "vault: warning:" in err and "0.0.0.0" in err
    assert proc.returncode == 0


# The child waits for one signal, reports it, exits with a status of its own.
WAITER = textwrap.dedent("""\
    import os, signal, sys
    got = []
    def handler(sig, frame):
        got.append(sig)
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    with open(sys.argv[1], "w") as f:
        f.write(os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"])
    while not got:
        signal.pause()
    print("got", signal.Signals(got[0]).name, flush=True)
    sys.exit(7)
    """)


def wait_for_file(path: pathlib.Path, proc):
    # Polls for the child's ready file; the process ending first fails the test.
    while not path.exists() or not path.read_text():
        assert proc.poll() is None, proc.communicate()
        os.sched_yield()
    return path.read_text()


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_sent_to_vault_reaches_the_command_and_its_status_is_vaults(world, tmp_path, sig):
    world["moto"].set_free_requests(UNCHECKED)
    ready = tmp_path / "ready"
    proc = subprocess.Popen([world["bin"], "exec", "--server", "classmethod", "--", "python3", "-c", WAITER, str(ready)],
                            env=served_env(world), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    url = wait_for_file(ready, proc)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert out.strip() == "got " + sig.name, err
    assert proc.returncode == 7
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port_of(url)), timeout=5)


def test_ctrl_c_on_the_terminal_reaches_the_command(world, tmp_path):
    world["moto"].set_free_requests(UNCHECKED)
    ready = tmp_path / "ready"
    child = pexpect.spawn(world["bin"], ["exec", "--server", "classmethod", "--", "python3", "-c", WAITER, str(ready)],
                          env=served_env(world), encoding="utf-8", timeout=30)
    while not ready.exists() or not ready.read_text():
        assert child.isalive(), child.read()
        os.sched_yield()
    url = ready.read_text()
    child.sendcontrol("c")
    child.expect("got SIGINT")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 7
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port_of(url)), timeout=5)


def test_command_killed_by_a_signal_kills_vault_the_same_way(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "--server", "classmethod", "--", "sh", "-c", "kill -TERM $$", env=served_env(world))
    assert result.returncode == -signal.SIGTERM


def test_exec_json_prints_credential_process_json(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "--json", "classmethod")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["Version"] == 1
    assert set(data) == {"Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}


def test_exec_json_with_a_command_is_refused(world):
    result = vault(world, "exec", "--json", "classmethod", "--", "true")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.startswith("vault: ")


def test_renewal_asks_for_mfa_once_however_many_ask(world, tmp_path):
    moto = world["moto"]
    moto.set_free_requests(UNCHECKED)
    count = tmp_path / "mfa-runs"
    mfa = tmp_path / "mfa.sh"
    mfa.write_text(f"#!/bin/sh\necho run >> {count}\necho 123456\n")
    mfa.chmod(0o755)
    # The MFA session is shared only when the key holder names the same device
    # (aws-vault's rule): then it is asked once, by classmethod's mfa_process.
    share_mfa_session(world, mfa_process=str(mfa))
    config = world["home"] / ".aws" / "config"
    config.write_text(config.read_text() + f"\n[profile served-role]\ninclude_profile=common\nrole_arn={world['role1']}\n")
    # Rounds of 50 parallel requests until three role sessions were handed out;
    # the MFA session under them (8h) is made once, with one code.
    result = vault(world, "exec", "--lazy", "served-role", "--", "python3", "-c", PARALLEL,
                   env=served_env(world, AWS_ASSUME_ROLE_TTL="15m"))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["expirations"]) == 3
    assert count.read_text().splitlines() == ["run"]
    assert moto.action_count("GetSessionToken") == 1
    assert moto.action_count("AssumeRole") == 3
