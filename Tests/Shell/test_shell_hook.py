"""The hook in real interactive bash, zsh and fish (tmux): .vaultrc enter,
leave, switch; trust; restore of earlier values; refresh; set -u; $? kept;
install once; no process on an unchanged prompt."""
import os
import re
import shutil
import subprocess
import time

import pytest

from fixtures.dialects import DIALECTS
from fixtures.shells import SHELLS, wait_for

pytestmark = pytest.mark.parametrize("kind", SHELLS)


def test_enter_switch_leave_restores_earlier_values(kind, shell_world, start_shell):
    a = shell_world.project("a", "# team a\nprofile = dev\n")
    b = shell_world.project("a/b c", "profile = prod\nregion = us-east-2\n")
    env = dict(shell_world.env, AWS_PROFILE="mine", AWS_REGION="eu-north-1")
    sh = start_shell(kind, env=env)
    assert sh.get("AWS_VAULT") is None
    sh.run(f"cd {a}")
    assert sh.get("AWS_VAULT") == "dev"
    assert sh.get("AWS_ACCESS_KEY_ID") == "AKIADEV"
    assert sh.get("AWS_PROFILE") is None
    assert sh.get("VAULT_ORIGIN") == str(a / ".vaultrc")
    sh.run(f"cd '{b}'")  # nested .vaultrc wins
    assert sh.get("AWS_VAULT") == "prod"
    assert sh.get("AWS_REGION") == "us-east-2"
    assert sh.get("AWS_SECRET_ACCESS_KEY") == "secret-PROD"
    sh.run("cd ..")
    assert sh.get("AWS_VAULT") == "dev"
    assert sh.get("AWS_REGION") == "eu-north-1"  # the profile has none; the earlier value is back
    sh.run("cd /")
    assert sh.get("AWS_VAULT") is None
    assert sh.get("AWS_ACCESS_KEY_ID") is None
    assert sh.get("AWS_PROFILE") == "mine"
    assert sh.get("AWS_REGION") == "eu-north-1"
    assert sh.get("__vault_old_AWS_PROFILE") is None


def test_untrusted_changed_denied_and_group_writable_files(kind, shell_world, start_shell):
    p = shell_world.project("p", "profile = dev\n", allow=False)
    sh = start_shell(kind)
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") is None
    assert "is not allowed; run 'vault allow' to use profile dev here" in sh.pane()
    sh.run("vault allow")  # takes effect at the next prompt
    assert sh.get("AWS_VAULT") == "dev"
    with open(p / ".vaultrc", "a") as f:
        f.write("region = eu-west-3\n")
    sh.run("true")
    assert sh.get("AWS_VAULT") is None  # changed: needs allowing again
    sh.run("vault allow")
    assert sh.get("AWS_REGION") == "eu-west-3"
    sh.run("vault deny")
    assert sh.get("AWS_VAULT") is None
    assert "is denied" in sh.pane()
    sh.run("vault allow")
    assert sh.get("AWS_VAULT") == "dev"
    sh.run("cd /")
    (p / ".vaultrc").chmod(0o664)
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") is None
    assert "writable by group or others" in sh.pane()


def test_bad_vaultrc_line_applies_nothing(kind, shell_world, start_shell):
    p = shell_world.project("bad", "profile = dev\n")
    with open(p / ".vaultrc", "a") as f:
        f.write("$(touch PWNED)\n")
    sh = start_shell(kind)
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") is None
    assert re.search(r"\.vaultrc:2: cannot read", sh.pane())
    assert not (p / "PWNED").exists()


def test_refresh_within_min_ttl_and_not_before(kind, shell_world, start_shell):
    shell_world.write_config({"dev": 60, "short": 2})
    long = shell_world.project("long", "profile = dev\n")
    short = shell_world.project("short", "profile = short\n")
    sh = start_shell(kind, env=dict(shell_world.env, AWS_MIN_TTL="5m"))
    sh.run(f"cd {long}")
    assert shell_world.runs("dev") == 1
    for _ in range(3):
        sh.run("true")
    assert shell_world.runs("dev") == 1  # nothing due: no vault run
    sh.run(f"cd {short}")
    assert sh.get("AWS_VAULT") == "short"
    n = shell_world.runs("short")
    sh.run("true")
    assert shell_world.runs("short") > n  # 2 minutes left < 5m: refreshed at the next prompt
    # vault env sessions are refreshed too.
    sh.run("cd /")
    n = shell_world.runs("short")
    sh.run(sh.d.source("vault env short"))
    assert shell_world.runs("short") >= n + 1
    n = shell_world.runs("short")
    sh.run("true")
    assert shell_world.runs("short") > n
    assert sh.get("AWS_VAULT") == "short"
    assert sh.get("VAULT_ORIGIN") == "env"


def test_vault_env_and_unset_restore_exactly(kind, shell_world, start_shell):
    env = dict(shell_world.env, AWS_SESSION_TOKEN="", AWS_DEFAULT_REGION="ap-south-1")
    sh = start_shell(kind, env=env)
    sh.run(sh.d.source("vault env dev"))
    assert sh.get("AWS_SESSION_TOKEN") == "token-DEV"
    assert sh.get("AWS_VAULT") == "dev"
    sh.run(sh.d.source("vault unset"))
    assert sh.get("AWS_SESSION_TOKEN") == ""  # set-but-empty comes back as such
    assert sh.get("AWS_DEFAULT_REGION") == "ap-south-1"
    assert sh.get("AWS_VAULT") is None
    # A failure prints nothing on stdout, so eval changes nothing.
    sh.run(sh.d.source("vault env nope"))
    assert sh.get("AWS_VAULT") is None
    assert "profile 'nope' not found" in sh.pane()


def test_no_exported_bookkeeping_holds_a_secret(kind, shell_world, start_shell):
    env = dict(shell_world.env, AWS_SECRET_ACCESS_KEY="old-secret-value")
    p = shell_world.project("s", "profile = dev\n")
    sh = start_shell(kind, env=env, preamble=DIALECTS[kind].set_a or "")
    sh.run(f"cd {p}")
    exported = sh.eval_out("env")
    assert "old-secret-value" not in exported
    # (zsh's set -a exports every assignment, so vault_prompt, which holds no
    # secret, may be exported there; the __vault_ bookkeeping never is.)
    assert not [l for l in exported.splitlines() if l.startswith("__vault")]
    assert sh.get("__vault_old_AWS_SECRET_ACCESS_KEY") == "old-secret-value"


def test_exit_status_kept_and_set_u(kind, shell_world, start_shell):
    p = shell_world.project("u", "profile = dev\n")
    sh = start_shell(kind, preamble=DIALECTS[kind].set_u or "")
    if sh.d.has_status_variable:
        sh.run("false")
        assert sh.eval_out(f"echo {sh.d.status}").strip() == "1"
    sh.run(f"cd {p}")
    sh.run("cd /")
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    assert "unbound variable" not in sh.pane() and "parameter not set" not in sh.pane()


def test_rc_sourced_twice_installs_once_and_keeps_other_hooks(kind, shell_world, start_shell):
    p = shell_world.project("t", "profile = dev\n")
    d = DIALECTS[kind]
    sh = start_shell(kind, preamble=d.own_prompt_hook, extra=d.hook_line())
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    assert shell_world.runs("dev") == 1  # one hook, one run
    mine = type(sh.prompts)(str(sh.prompts) + ".mine")
    assert len(mine.read_text().splitlines()) >= 2
    if d.list_prompt_hooks:
        assert sh.eval_out(d.list_prompt_hooks).count("__vault_hook") == 1
    if kind == "zsh":
        assert type(sh.prompts)(str(sh.prompts) + ".cd").exists()


def test_prompt_segment_matches_vault_prompt(kind, shell_world, start_shell):
    p = shell_world.project("seg", "profile = dev\nregion = eu-west-1\n")
    sh = start_shell(kind, env=dict(shell_world.env, VAULT_PROMPT_FORMAT="[%p %r %t]"))
    assert sh.eval_out("vault_prompt_info") == ""
    sh.run(f"cd {p}")
    info = sh.eval_out("vault_prompt_info")
    assert re.fullmatch(r"\[dev eu-west-1 (59m|1h0m)\]", info), info
    other = sh.eval_out("vault prompt")
    # Computed a moment apart: equal, or one minute apart across a minute boundary.
    minutes = [int(m[0]) * 60 + int(m[1]) if m[0] else int(m[1]) for m in
               (re.search(r"(?:(\d+)h)?(\d+)m", x).groups(default="") for x in (info, other))]
    assert other.startswith("[dev eu-west-1 ") and abs(minutes[0] - minutes[1]) <= 1, (info, other)
    status = sh.eval_out("vault status")
    assert "profile: dev" in status and f"from: {p}/.vaultrc" in status and f"hook: installed ({kind})" in status


def _trace(sh, trace, syscalls):
    """strace on the shell; returns once it demonstrably traces (it saw /bin/true run)."""
    tracer = subprocess.Popen(["strace", "-f", "-qq", "-e", f"trace={syscalls}", "-o", str(trace), "-p", str(sh.pid())],
                              stderr=subprocess.DEVNULL)
    wait_for(trace.exists, what="strace started")
    deadline = time.monotonic() + 15
    while "/bin/true" not in trace.read_text():
        assert time.monotonic() < deadline, "strace did not see /bin/true"
        sh.run("/bin/true")
    return tracer, len(trace.read_text().splitlines())


def process_starts_over_prompts(sh, prompts=5):
    """The process starts (forks, execs) traced while Enter draws `prompts` unchanged prompts."""
    trace = sh.workdir / "strace"
    tracer, seen = _trace(sh, trace, "execve,clone,clone3,fork,vfork")
    try:
        for _ in range(prompts):
            before = sh.count()
            sh.keys("Enter")
            wait_for(lambda: sh.count() > before, what="prompt")
    finally:
        tracer.terminate()
        tracer.wait(timeout=10)
    lines = trace.read_text().splitlines()[seen:]
    return [l for l in lines if re.search(r"\b(execve|fork|vfork)\(", l)
            or (re.search(r"\bclone3?\(", l) and "CLONE_THREAD" not in l)]


def test_unchanged_prompt_starts_no_process(kind, shell_world, start_shell):
    if not shutil.which("strace"):
        pytest.skip("strace not installed")
    p = shell_world.project("quiet", "profile = dev\nregion = eu-west-1\n")
    sh = start_shell(kind, cwd=p)
    wait_for(lambda: shell_world.runs("dev") == 1, what="first apply")
    sh.run("true")
    calls = process_starts_over_prompts(sh)
    # A shell that cannot stat a file may start a few (its dialect says how
    # many a prompt, one start and one exec each); never vault.
    assert len(calls) <= 2 * 5 * DIALECTS[kind].processes_per_prompt, calls
    assert not [l for l in calls if "vault" in l], calls
    assert shell_world.runs("dev") == 1
    # The same check can fail: a prompt that had to change something does start vault.
    trace2 = sh.workdir / "strace2"
    tracer, seen = _trace(sh, trace2, "execve")
    try:
        with open(p / ".vaultrc", "a") as f:
            f.write("# edited\n")
        sh.run("true")  # (not `:`, which xonsh reads as the start of a block)
    finally:
        tracer.terminate()
        tracer.wait(timeout=10)
    assert "vault" in "".join(l for l in trace2.read_text().splitlines()[seen:] if "execve(" in l)


def test_set_e_shell_survives_enter_leave_and_untrusted(kind, shell_world, start_shell):
    if DIALECTS[kind].set_e is None:
        pytest.skip(f"{kind} has no set -e")
    p = shell_world.project("e", "profile = dev\n")
    q = shell_world.project("e2", "profile = prod\n", allow=False)
    sh = start_shell(kind, preamble=DIALECTS[kind].set_e)
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    sh.run(f"cd {q}")  # not allowed: a message, and the shell goes on
    assert sh.get("AWS_VAULT") is None
    sh.run("cd /")
    assert sh.get("PWD") == "/"


def test_hostile_profile_and_region_in_vaultrc_are_data(kind, shell_world, start_shell):
    region = "eu$(touch PWNED)`touch PWNED` 'x\"\\"
    p = shell_world.project("hostile", f"profile = dev\nregion = {region}\n")
    q = shell_world.project("hostile2", "profile = a'b$(touch PWNED);`touch PWNED`\n")
    sh = start_shell(kind)
    sh.run(f"cd {p}")
    assert sh.get("AWS_VAULT") == "dev"
    assert sh.get("AWS_REGION") == region
    sh.run(f"cd {q}")
    assert sh.get("AWS_VAULT") is None
    for d in (p, q, shell_world.root):
        assert not (d / "PWNED").exists()
