"""MFA prompt drivers: `--prompt` / AWS_VAULT_PROMPT, and the automatic order
(the terminal, else a desktop dialog when there is a display).

zenity and kdialog run for real on an Xvfb display, typed into with xdotool;
ykman runs for real (no YubiKey here: its own error must come out as one
clean line), and its success path runs against a stand-in on PATH that
checks the exact arguments vault passes, as aws-vault runs ykman. vault is
started in a new session (no controlling terminal), as credential_process
runs it.
"""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

from fixtures.processes import child_named
from fixtures.world import UNCHECKED


def start_vault(world, args, env):
    # start_new_session: no controlling terminal, so /dev/tty cannot be opened.
    return subprocess.Popen([world["bin"], *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, start_new_session=True)


def finish(proc, timeout=120):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def token_codes(world):
    """The MFA codes STS received, wherever the chain's plan sends the code
    (GetSessionToken, or the role's AssumeRole when the key holder names no
    mfa_serial, as in the walkthrough)."""
    return [r["params"]["TokenCode"] for r in world["moto"].requests()
            if r["action"] in ("GetSessionToken", "AssumeRole") and "TokenCode" in r["params"]]


def dialog_env(world, desktop, **extra):
    env = dict(world["env"], DISPLAY=desktop.display, QT_QPA_PLATFORM="xcb", **extra)
    env["XDG_RUNTIME_DIR"] = str(world["tmp"] / "run")
    return env


@pytest.mark.parametrize("driver", ["zenity", "kdialog"])
def test_dialog_gives_the_typed_code(world, desktop, driver):
    if not shutil.which(driver):
        pytest.skip(f"{driver} is not installed")
    world["moto"].set_free_requests(UNCHECKED)
    proc = start_vault(world, ["export", "myrole1", "--format", "json", "--prompt", driver], dialog_env(world, desktop))
    window = desktop.wait_for_window("^vault$")
    # The dialog says which profile asks and for which device.
    shown = pathlib.Path(f"/proc/{child_named(proc.pid, driver)}/cmdline").read_bytes().decode()
    assert "myrole1" in shown and world["mfa"] in shown
    desktop.type_into(window, "246810", then="Return")
    status, out, err = finish(proc)
    assert status == 0, err
    assert json.loads(out)["Version"] == 1
    assert token_codes(world) == ["246810"]


@pytest.mark.parametrize("driver", ["zenity", "kdialog"])
def test_dialog_cancel_is_a_clean_error(world, desktop, driver):
    if not shutil.which(driver):
        pytest.skip(f"{driver} is not installed")
    world["moto"].set_free_requests(UNCHECKED)
    proc = start_vault(world, ["export", "myrole1", "--prompt", driver], dialog_env(world, desktop))
    window = desktop.wait_for_window("^vault$")
    desktop.type_into(window, "", then="Escape")
    status, out, err = finish(proc)
    assert status != 0 and out == ""
    assert err.startswith("vault: ") and err.count("\n") == 1, err
    assert f"{driver} was cancelled" in err
    assert world["moto"].action_count("GetSessionToken") == world["moto"].action_count("AssumeRole") == 0, \
        "no STS call without a code"


@pytest.mark.parametrize("installed, expected", [(("zenity", "kdialog"), "zenity"), (("kdialog",), "kdialog")])
def test_without_a_terminal_a_dialog_is_chosen_when_there_is_a_display(world, desktop, installed, expected):
    if not all(shutil.which(tool) for tool in installed):
        pytest.skip(f"{installed} not installed")
    world["moto"].set_free_requests(UNCHECKED)
    # PATH holds just the dialogs of this case: zenity comes before kdialog.
    bin_dir = world["tmp"] / "dialogs"
    bin_dir.mkdir()
    for tool in installed:
        os.symlink(shutil.which(tool), bin_dir / tool)
    proc = start_vault(world, ["export", "myrole1"], dialog_env(world, desktop, PATH=str(bin_dir)))
    window = desktop.wait_for_window("^vault$")
    assert child_named(proc.pid, expected)
    desktop.type_into(window, "135790", then="Return")
    status, _, err = finish(proc)
    assert status == 0, err
    assert token_codes(world) == ["135790"]


def test_without_terminal_or_display_the_error_names_every_way_out(world):
    world["moto"].set_free_requests(UNCHECKED)
    env = {k: v for k, v in world["env"].items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    status, out, err = finish(start_vault(world, ["export", "myrole1"], env))
    assert status != 0 and out == ""
    assert "--mfa-token" in err and "mfa_process" in err and "--prompt" in err


@pytest.mark.parametrize("origin", ["--prompt", "AWS_VAULT_PROMPT"])
def test_unknown_driver_is_refused_before_any_call(world, origin):
    world["moto"].set_free_requests(UNCHECKED)
    args, env = ["export", "myrole1"], dict(world["env"])
    if origin == "--prompt":
        args += ["--prompt", "osascript"]
    else:
        env["AWS_VAULT_PROMPT"] = "osascript"
    status, out, err = finish(start_vault(world, args, env))
    assert status != 0 and out == ""
    assert err.count("\n") == 1 and origin in err and "osascript" in err and "ykman" in err
    assert world["moto"].action_count("GetSessionToken") == world["moto"].action_count("AssumeRole") == 0


def test_terminal_driver_without_a_terminal_is_refused(world):
    world["moto"].set_free_requests(UNCHECKED)
    status, out, err = finish(start_vault(world, ["export", "myrole1"], dict(world["env"], AWS_VAULT_PROMPT="terminal")))
    assert status != 0 and out == "" and "no terminal" in err


def test_real_ykman_without_a_yubikey_is_one_clean_line(world):
    if not shutil.which("ykman"):
        pytest.skip("ykman is not installed")
    world["moto"].set_free_requests(UNCHECKED)
    status, out, err = finish(start_vault(world, ["export", "myrole1", "--prompt", "ykman"], dict(world["env"])))
    assert status != 0 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("vault: ") and "YubiKey" in lines[0], "vault says it waits for the key first"
    assert len(lines) == 2 and lines[1].startswith("vault: ykman could not give an MFA code: "), err
    assert "No YubiKey detected" in lines[1]
    assert token_codes(world) == []


YKMAN_STAND_IN = """#!/bin/sh
# Records its arguments (one a line) and answers like ykman 4's --single.
printf '%s\\n' "$@" > "{record}"
echo 975310
"""


@pytest.mark.parametrize("variables, expected", [
    ({}, ["oath", "accounts", "code", "--single", "{mfa}"]),
    ({"YKMAN_OATH_CREDENTIAL_NAME": "aws:cm-user"}, ["oath", "accounts", "code", "--single", "aws:cm-user"]),
    ({"YKMAN_OATH_DEVICE_SERIAL": "12345678", "AWS_VAULT_YKMAN_VERSION": "3"},
     ["--device", "12345678", "oath", "code", "--single", "{mfa}"]),
])
def test_ykman_is_run_as_aws_vault_runs_it(world, variables, expected):
    world["moto"].set_free_requests(UNCHECKED)
    bin_dir = world["tmp"] / "ykman-bin"
    bin_dir.mkdir()
    record = world["tmp"] / "ykman-args"
    stand_in = bin_dir / "ykman"
    stand_in.write_text(YKMAN_STAND_IN.format(record=record))
    stand_in.chmod(0o755)
    env = dict(world["env"], AWS_VAULT_PROMPT="ykman", PATH=f"{bin_dir}:{world['env']['PATH']}", **variables)
    status, out, err = finish(start_vault(world, ["export", "myrole1", "--format", "json"], env))
    assert status == 0, err
    assert record.read_text().splitlines() == [a.format(mfa=world["mfa"]) for a in expected]
    assert token_codes(world) == ["975310"]

