"""`--debug` / VAULT_DEBUG=1 against moto: one line a step on stderr, in a
checked shape, and never a secret (the test's keys, tokens, passphrase)."""
import re

from fixtures.world import UNCHECKED, vault

LINE = re.compile(r"^vault: debug: (config|store|profile|chain|cache|http|credentials|server|exec): \S.*$")

UNCACHED = [
    r"store: file store at \S+/vault/keys",
    r"config: read \S+/\.aws/config: 4 profiles",
    r"chain: classmethod \(keys\)",
    r"cache: miss: sts\.GetSessionToken for 'classmethod' \(none with more than 5m0s left\); fetching",
    r"store: file store unlocked with the passphrase \(scrypt\)",
    r"http: sts GetSessionToken http://127\.0\.0\.1:\d+/? → 200 \(\d+ms, attempt 1/\d+\)",
    r"credentials: \*\*\*\*\w{4} for 'classmethod', \d+m\d+s left",
]
CACHED = [
    r"store: file store at \S+/vault/keys",
    r"config: read \S+/\.aws/config: 4 profiles",
    r"chain: classmethod \(keys\)",
    r"store: file store unlocked with the passphrase \(scrypt\)",
    r"cache: hit: sts\.GetSessionToken for 'classmethod', \*\*\*\*\w{4}, \d+m\d+s left",
    r"credentials: \*\*\*\*\w{4} for 'classmethod', \d+m\d+s left",
]


def debug_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    for line in lines:
        assert LINE.match(line), line
    return [line.removeprefix("vault: debug: ") for line in lines]


def child_secrets(stdout: str) -> list[str]:
    env = dict(line.split("=", 1) for line in stdout.splitlines() if "=" in line)
    return [env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"], env["AWS_SESSION_TOKEN"]]


def test_debug_lines_of_an_uncached_then_a_cached_exec(world):
    world["moto"].set_free_requests(UNCHECKED)
    first = vault(world, "exec", "--debug", "classmethod", "--", "env")
    assert first.returncode == 0, first.stderr
    lines = debug_lines(first.stderr)
    assert len(lines) == len(UNCACHED), lines
    for pattern, line in zip(UNCACHED, lines):
        assert re.fullmatch(pattern, line), (pattern, line)

    second = vault(world, "exec", "classmethod", "--", "env", env=dict(world["env"], VAULT_DEBUG="1"))
    assert second.returncode == 0, second.stderr
    lines = debug_lines(second.stderr)
    assert len(lines) == len(CACHED), lines
    for pattern, line in zip(CACHED, lines):
        assert re.fullmatch(pattern, line), (pattern, line)

    user = world["user"]
    secrets = [user.access_key_id, user.secret_access_key, "walkthrough-pass"] + child_secrets(first.stdout) + child_secrets(second.stdout)
    for secret in secrets:
        assert secret not in first.stderr + second.stderr


def test_debug_after_the_command_belongs_to_the_command(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "classmethod", "echo", "--debug")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "--debug\n"
    assert "debug:" not in result.stderr


def test_no_debug_no_lines(world):
    world["moto"].set_free_requests(UNCHECKED)
    result = vault(world, "exec", "classmethod", "--", "true")
    assert result.returncode == 0 and result.stderr == ""
