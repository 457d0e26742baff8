"""shell/ and completions/ are generated from the binary and committed: they
must not drift. Tab completes profile names from the config; Ctrl-C while the
hook waits for credentials leaves the shell working and unchanged."""
import re
import shutil
import subprocess
import sys

import pytest

from fixtures.dialects import DIALECTS
from fixtures.shells import ROOT, SHELLS, wait_for

GENERATED = [(f"shell/vault.{s}", ["hook", s]) for s in SHELLS] + [
    ("completions/vault.bash", ["--generate-completion-script", "bash"]),
    ("completions/_vault", ["--generate-completion-script", "zsh"]),
    ("completions/vault.fish", ["--generate-completion-script", "fish"]),
    ("completions/vault.tcsh", ["shell/completion/gen_tcsh.py"]),
]


@pytest.mark.parametrize("path,args", GENERATED, ids=[g[0] for g in GENERATED])
def test_committed_file_matches_the_binary(path, args, vault_bin):
    # A generator script (shell/completion/gen_*.py) is run with the binary's path.
    command = [sys.executable, str(ROOT / args[0]), vault_bin] if args[0].endswith(".py") else [vault_bin, *args]
    generated = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    committed = (ROOT / path).read_text()
    assert generated == committed, f"{path} drifted from the binary; run shell/generate.sh and commit"


def test_committed_man_page_matches_the_command_definitions(tmp_path):
    """docs/vault.1 is what swift-argument-parser's generate-manual makes of the commands now."""
    committed = (ROOT / "docs" / "vault.1").read_text()
    day = re.search(r"^\.Dd (\w+) (\d+), (\d+)$", committed, re.M)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    date = f"{day[3]}-{months.index(day[1]) + 1:02d}-{int(day[2]):02d}"
    result = subprocess.run(
        ["swift", "package", "--allow-writing-to-package-directory", "generate-manual", "--configuration", "debug",
         "--date", date, "--authors", "the vault authors", "--output-directory", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "vault.1").read_text() == committed, "docs/vault.1 drifted; run shell/generate.sh and commit"
    if shutil.which("mandoc") or shutil.which("groff"):
        rendered = subprocess.run(["man", "-l", str(ROOT / "docs" / "vault.1")], capture_output=True, text=True,
                                  env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin", "MAN_KEEP_FORMATTING": "0"})
        assert "vault" in rendered.stdout and "exec" in rendered.stdout


@pytest.mark.parametrize("kind", SHELLS)
def test_tab_completes_profile_names_from_the_config(kind, shell_world, start_shell):
    shell_world.write_config({"dev": 60, "prod-admin": 60})
    if DIALECTS[kind].completion_setup is None:
        pytest.skip(f"{kind} has no completion system")
    sh = start_shell(kind, extra=DIALECTS[kind].completion_setup)
    sh.keys("vault env prod-a", literal=True)
    sh.keys("Tab")
    wait_for(lambda: "vault env prod-admin" in sh.pane(), what=f"{kind} completion of prod-admin")
    sh.keys("C-u")


@pytest.mark.parametrize("kind", SHELLS)
def test_ctrl_c_while_the_hook_waits_leaves_the_shell_unchanged(kind, shell_world, start_shell):
    p, started = shell_world.slow_project()
    sh = start_shell(kind, env=dict(shell_world.env, AWS_REGION="before"))
    sh.keys(f"cd {p}", literal=True)
    sh.keys("Enter")
    wait_for(started.exists, what="credential_process started")
    sh.interrupt()
    # The shell answers again, and nothing of the aborted run was applied.
    assert sh.get("AWS_VAULT") is None
    assert sh.get("AWS_REGION") == "before"
    sh.run("cd /")
    sh.run(f"cd {shell_world.projects}")
    assert sh.get("PWD") == str(shell_world.projects)


@pytest.mark.parametrize("kind", SHELLS)
def test_ctrl_c_at_the_mfa_prompt_leaves_the_shell_unchanged(kind, shell_world, start_shell):
    env = dict(shell_world.env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="pass",
               AWS_ACCESS_KEY_ID="AKIAMFAUSER000000000", AWS_SECRET_ACCESS_KEY="MfaUserSecret0000000000000000000000000000"[:40])
    shell_world.env = env
    cfg = shell_world.home / ".aws" / "config"
    cfg.write_text(cfg.read_text() + "\n[profile mfa]\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nregion = eu-west-1\n")
    shell_world.vault("add", "--env", "mfa")
    p = shell_world.project("mfa", "profile = mfa\n")
    shell_env = {k: v for k, v in env.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    sh = start_shell(kind, env=dict(shell_env, AWS_REGION="before"))
    sh.keys(f"cd {p}", literal=True)
    sh.keys("Enter")
    wait_for(lambda: "Enter MFA code for arn:aws:iam::123456789012:mfa/me" in sh.pane(), what="MFA prompt")
    sh.interrupt()
    assert sh.get("AWS_VAULT") is None
    assert sh.get("AWS_REGION") == "before"
    assert sh.get("AWS_ACCESS_KEY_ID") is None
    sh.run("cd /")
    assert sh.get("PWD") == "/"


@pytest.mark.parametrize("kind", SHELLS)
def test_hook_passes_its_shells_checker(kind, vault_bin):
    """The hook as vault prints it: shellcheck clean (bash), parsed by zsh -n and fish --no-execute."""
    hook = subprocess.run([vault_bin, "hook", kind], capture_output=True, text=True, check=True).stdout
    linter = DIALECTS[kind].linter
    if linter is None:
        pytest.skip(f"{kind} has no checker")
    assert shutil.which(linter[0]), f"{linter[0]} is missing: scripts/bootstrap --test installs it"
    result = subprocess.run(linter, input=hook, capture_output=True, text=True)
    assert result.returncode == 0, f"{kind} hook: {result.stdout}{result.stderr}"


@pytest.mark.parametrize("kind", SHELLS)
def test_a_broken_hook_fails_its_checker(kind):
    """The checkers do fail on a broken script (an unclosed if), so the test above can fail."""
    d = DIALECTS[kind]
    if d.linter is None:
        pytest.skip(f"{kind} has no checker")
    result = subprocess.run(d.linter, input=d.broken_script, capture_output=True, text=True)
    assert result.returncode != 0
