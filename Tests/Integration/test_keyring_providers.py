"""The same round trip against every real Secret Service provider, each on a
private D-Bus session (fixtures in Tests/fixtures/keyring.py): GNOME Keyring,
KWallet and KeePassXC. A removal is checked by asking the daemon itself
(python3-dbus) that the item is gone; the prompts KeePassXC and KWallet
answer with are followed; one that needs a person fails, bounded, naming the
provider."""
import base64
import json
import os
import subprocess

import pytest

from conftest import ROOT, run_vault

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
AWS_VAULT_CREDENTIALS = {"AccessKeyID": KEY_ID, "SecretAccessKey": SECRET, "SessionToken": "", "Source": "",
                         "CanExpire": False, "Expires": "0001-01-01T00:00:00Z"}


def with_profile(base_env, name):
    """aws-vault's items come with their profile in ~/.aws/config."""
    with open(base_env["AWS_CONFIG_FILE"], "a") as config:
        config.write(f"[profile {name}]\nregion = us-east-1\n")


def vault_env(base_env, service, **extra):
    env = dict(base_env, **service.env, **extra)
    env.pop("AWS_VAULT_BACKEND", None)
    env.pop("DISPLAY", None)  # vault itself runs headless: KeePassXC's display is its own
    return env


def test_round_trip(vault_bin, base_env, provider):
    env = vault_env(base_env, provider)
    added = run_vault(vault_bin, ["add", "work", "--env"], dict(env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET))
    assert added.returncode == 0, added.stderr
    # The item is where the daemon says the default collection is, in aws-vault's layout.
    default = provider.default_collection()
    item = provider.read(default, "work")
    assert item is not None and item["attributes"]["profile"] == "work"
    assert json.loads(base64.b64decode(item["secret"]["Data"])) == AWS_VAULT_CREDENTIALS

    listed = run_vault(vault_bin, ["list", "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert {"profile": "work", "kind": "keys", "credentials": "work", "sessions": []} in json.loads(listed.stdout), listed.stdout

    exported = run_vault(vault_bin, ["export", "work", "--no-session", "--format", "env"], env)
    assert exported.returncode == 0, exported.stderr
    assert f"AWS_ACCESS_KEY_ID={KEY_ID}" in exported.stdout.splitlines()
    assert f"AWS_SECRET_ACCESS_KEY={SECRET}" in exported.stdout.splitlines()

    executed = run_vault(vault_bin, ["exec", "work", "--no-session", "--", "sh", "-c",
                                     'test "$AWS_ACCESS_KEY_ID" = "$1" && test "$AWS_SECRET_ACCESS_KEY" = "$2" && echo same',
                                     "sh", KEY_ID, SECRET], env)
    assert executed.returncode == 0 and executed.stdout == "same\n", executed.stderr

    paths = provider.search("work")
    assert len(paths) == 1, paths
    # KeePassXC deletes through a prompt: followed over libdbus, without GLib or libsecret.
    removed = run_vault(vault_bin, ["remove", "-f", "work"], dict(env, LD_DEBUG="files"))
    assert removed.returncode == 0, removed.stderr[-2000:]
    assert "libdbus-1.so.3" in removed.stderr
    assert not any(library in removed.stderr for library in ("libglib", "libgio", "libsecret"))
    assert provider.search("work") == [], "the daemon still has the item"
    assert provider.read(default, "work") is None


def test_an_item_in_aws_vault_layout_reads_back(vault_bin, base_env, aws_vault_provider):
    """aws-vault keeps its items in an `awsvault` collection; vault reads, lists, writes and removes them there."""
    provider = aws_vault_provider
    provider.store("awsvault", "legacy", json.dumps(AWS_VAULT_CREDENTIALS).encode())
    with_profile(base_env, "legacy")
    env = vault_env(base_env, provider)
    exported = run_vault(vault_bin, ["export", "legacy", "--no-session", "--format", "json"], env)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert (document["AccessKeyId"], document["SecretAccessKey"]) == (KEY_ID, SECRET)
    listed = run_vault(vault_bin, ["list", "--json"], env)
    assert {"profile": "legacy", "kind": "keys", "credentials": "legacy", "sessions": []} in json.loads(listed.stdout), listed.stdout
    added = run_vault(vault_bin, ["add", "work", "--env"], dict(env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET))
    assert added.returncode == 0, added.stderr
    item = provider.read("awsvault", "work")
    assert item["attributes"].get("profile") == "work" and "vault" not in item["attributes"]  # aws-vault's attributes
    removed = run_vault(vault_bin, ["remove", "-f", "legacy"], env)
    assert removed.returncode == 0, removed.stderr
    assert provider.search("legacy") == []


def test_adding_again_replaces_the_item(vault_bin, base_env, provider):
    env = vault_env(base_env, provider)
    for secret in ("0" * 40, SECRET):
        added = run_vault(vault_bin, ["add", "work", "--env"], dict(env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=secret))
        assert added.returncode == 0, added.stderr
    assert len(provider.search("work")) == 1
    item = provider.read(provider.default_collection(), "work")
    assert json.loads(base64.b64decode(item["secret"]["Data"]))["SecretAccessKey"] == SECRET


def test_doctor_names_the_provider_and_the_collection_state(vault_bin, base_env, provider):
    env = vault_env(base_env, provider)
    added = run_vault(vault_bin, ["add", "work", "--env"], dict(env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET))
    assert added.returncode == 0, added.stderr  # KWallet's collection stays locked until a client unlocks it
    result = run_vault(vault_bin, ["doctor"], env)
    store = next(line for line in result.stdout.splitlines() if line[2:].startswith("store:"))
    assert store.startswith("✓"), store
    assert f"Secret Service from {provider.name} (" in store
    assert f"collection '{provider.default_collection()}' unlocked" in store and "1 profile with keys" in store


def test_kwallet_without_a_wallet_says_how_to_make_one(vault_bin, base_env, kwallet_without_wallet):
    env = vault_env(base_env, kwallet_without_wallet, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    result = run_vault(vault_bin, ["add", "work", "--env"], env)
    assert result.returncode != 0
    assert result.stderr.startswith("vault: KWallet (the Secret Service) has no default collection"), result.stderr
    assert "KWalletManager" in result.stderr and "restart kwalletd" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    doctor = run_vault(vault_bin, ["doctor"], env)
    assert "✗ store: Secret Service from KWallet (kwalletd5" in doctor.stdout and "no collection" in doctor.stdout
    # Where a person could answer, vault asks KWallet to create aws-vault's collection, as aws-vault does:
    # KWallet shows its new-wallet dialog (offscreen here: no one answers), and vault stops waiting.
    result = run_vault(vault_bin, ["add", "work", "--env"], dict(env, DISPLAY=":0", VAULT_SECRET_SERVICE_PROMPT_TIMEOUT="2s"))
    assert result.returncode != 0
    assert result.stderr.startswith(
        "vault: the Secret Service collection 'awsvault' could not be created (no one answered KWallet's prompt within 2 s)"), result.stderr
    assert kwallet_without_wallet.collections() == {}


def test_a_prompt_that_needs_a_person_fails_headless_naming_the_provider(vault_bin, base_env, keepassxc_confirming):
    """KeePassXC as installed asks a person before a client reads another's entry; no one is there."""
    service = keepassxc_confirming
    service.store("awsvault", "legacy", json.dumps(AWS_VAULT_CREDENTIALS).encode())
    with_profile(base_env, "legacy")
    env = vault_env(base_env, service, VAULT_SECRET_SERVICE_PROMPT_TIMEOUT="2s")
    for args in (["export", "legacy", "--no-session", "--format", "json"], ["remove", "-f", "legacy"]):
        result = run_vault(vault_bin, args, env)
        assert result.returncode != 0, result.stdout
        assert result.stderr.startswith("vault: KeePassXC asked a person to allow vault to "), result.stderr
        assert "no one answered within 2 s" in result.stderr and "Secret Service Integration" in result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert len(service.search("legacy")) == 1, "a removal no one allowed removed nothing, and said so"


@pytest.mark.parametrize("daemon", ["kwallet", "keepassxc"])
def test_the_behavioural_suite_passes(request, daemon):
    """The Swift suite every store passes (GNOME Keyring's run: test_keyring_secret_service.py)."""
    service = request.getfixturevalue(daemon)
    result = subprocess.run(["swift", "test", "--skip-build", "--filter", "KeyringBehaviour"], cwd=ROOT,
                            env=dict(os.environ, **service.env, VAULT_TEST_SECRET_SERVICE="1"),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert result.stdout.count("with 3 test cases passed") >= 5, result.stdout[-3000:]


def _answer_access_request(display: str, key: str) -> None:
    """The person at KeePassXC's "Access Request" dialog (xdotool): Escape denies, Return allows."""
    env = dict(os.environ, DISPLAY=display)
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Access Request"],
                           env=env, capture_output=True, text=True, timeout=60)
    window = found.stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window, "key", "--clearmodifiers", key],
                   env=env, check=True, timeout=30)


def test_a_person_answering_keepassxc_is_followed(vault_bin, base_env, keepassxc_confirming):
    """vault waits on KeePassXC's prompt while its dialog is open: a denial is honoured, an allowance used."""
    service = keepassxc_confirming
    service.store("awsvault", "legacy", json.dumps(AWS_VAULT_CREDENTIALS).encode())
    with_profile(base_env, "legacy")
    env = vault_env(base_env, service, VAULT_SECRET_SERVICE_PROMPT_TIMEOUT="60s")
    args = [vault_bin, "export", "legacy", "--no-session", "--format", "json"]

    denied = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _answer_access_request(service.display, "Escape")
    out, err = denied.communicate(timeout=60)
    assert denied.returncode != 0 and out == ""
    assert err == "vault: KeePassXC dismissed its prompt to unlock the item 'legacy', so nothing changed; " \
                  "answer the prompt to allow it, or try --backend file\n", err

    allowed = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _answer_access_request(service.display, "Return")
    out, err = allowed.communicate(timeout=60)
    assert allowed.returncode == 0, err
    assert json.loads(out)["SecretAccessKey"] == SECRET
