"""The Secret Service backend against a real GNOME Keyring on a private
D-Bus session (fixture `secret_service`), with another Secret Service client
(python3-dbus) writing and reading aws-vault's layout."""
import base64
import json
import os
import pathlib
import subprocess

from conftest import ROOT, run_vault

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
AWS_VAULT_CREDENTIALS = {"AccessKeyID": KEY_ID, "SecretAccessKey": SECRET, "SessionToken": "", "Source": "",
                         "CanExpire": False, "Expires": "0001-01-01T00:00:00Z"}


def vault_env(base_env, secret_service, **extra):
    env = dict(base_env, **secret_service.env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET, **extra)
    env.pop("AWS_VAULT_BACKEND", None)
    return env


def swift_suite(env, filter_):
    """The Swift behavioural suite, run inside this private keyring."""
    result = subprocess.run(["swift", "test", "--skip-build", "--filter", filter_], cwd=ROOT,
                            env=dict(os.environ, **env), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return result.stdout


def test_the_behavioural_suite_passes_against_gnome_keyring(base_env, secret_service):
    out = swift_suite(dict(secret_service.env, VAULT_TEST_SECRET_SERVICE="1"), "KeyringBehaviour")
    # every test ran for memory, file and secret-service
    assert out.count("with 3 test cases passed") >= 5, out[-3000:]


def test_vault_reads_and_removes_what_aws_vault_layout_clients_wrote(base_env, secret_service):
    secret_service.create_collection("awsvault")
    secret_service.store("awsvault", "legacy", json.dumps(AWS_VAULT_CREDENTIALS).encode())
    swift_suite(dict(secret_service.env, VAULT_TEST_INTEROP_PROFILE="legacy", VAULT_TEST_INTEROP_ACCESS_KEY_ID=KEY_ID,
                     VAULT_TEST_INTEROP_SECRET=SECRET), "SecretServiceInterop")
    env = vault_env(base_env, secret_service)
    result = run_vault(os.environ.get("VAULT_BIN") or str(ROOT / ".build/debug/vault"), ["remove", "-f", "legacy"], env)
    assert result.returncode == 0, result.stderr
    assert secret_service.read("awsvault", "legacy") is None


def test_vault_writes_aws_vault_layout_into_the_awsvault_collection(vault_bin, base_env, secret_service):
    secret_service.create_collection("awsvault")
    result = run_vault(vault_bin, ["add", "work", "--env"], vault_env(base_env, secret_service))
    assert result.returncode == 0, result.stderr
    item = secret_service.read("awsvault", "work")
    assert item["label"] == "work"
    assert item["attributes"].get("profile") == "work"
    assert "vault" not in item["attributes"]  # exactly aws-vault's attributes in its collection
    assert item["secret"]["Key"] == "work"
    assert json.loads(base64.b64decode(item["secret"]["Data"])) == AWS_VAULT_CREDENTIALS
    # Adding again replaces the item instead of adding a second one.
    assert run_vault(vault_bin, ["add", "work", "--env"], vault_env(base_env, secret_service)).returncode == 0
    swift_suite(dict(secret_service.env, VAULT_TEST_INTEROP_PROFILE="work", VAULT_TEST_INTEROP_ACCESS_KEY_ID=KEY_ID,
                     VAULT_TEST_INTEROP_SECRET=SECRET), "SecretServiceInterop")


def test_reading_the_store_loads_libdbus_and_no_glib(vault_bin, base_env, secret_service):
    """Reads and writes go over libdbus, and so do the daemon's prompts: no GLib, no libsecret."""
    secret_service.create_collection("awsvault")
    env = vault_env(base_env, secret_service)
    assert run_vault(vault_bin, ["add", "work", "--env"], env).returncode == 0
    result = run_vault(vault_bin, ["list"], dict(env, LD_DEBUG="files"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "work" in result.stdout
    assert "libdbus-1.so.3" in result.stderr
    for library in ("libglib", "libgio", "libsecret"):
        assert library not in result.stderr, [line for line in result.stderr.splitlines() if library in line][:3]


def test_headless_without_an_awsvault_collection_uses_the_default_one(vault_bin, base_env, secret_service):
    before = secret_service.collections()
    assert "awsvault" not in before
    env = vault_env(base_env, secret_service)
    result = run_vault(vault_bin, ["add", "work", "--env"], env)
    assert result.returncode == 0, result.stderr
    assert secret_service.collections() == before  # no collection was created (nor a prompt needed)
    login = next(label for label, path in before.items() if path.endswith("/collection/login"))
    item = secret_service.read(login, "work")
    # GNOME Keyring adds xdg:schema itself; vault's attributes are the profile and its marker.
    assert {k: v for k, v in item["attributes"].items() if k != "xdg:schema"} == {"profile": "work", "vault": "1"}
    assert json.loads(base64.b64decode(item["secret"]["Data"]))["AccessKeyID"] == KEY_ID
    assert run_vault(vault_bin, ["remove", "-f", "work"], env).returncode == 0
    assert secret_service.read(login, "work") is None


def test_a_locked_collection_is_never_reported_as_not_found(vault_bin, base_env, secret_service):
    secret_service.create_collection("awsvault")
    env = vault_env(base_env, secret_service)
    assert run_vault(vault_bin, ["add", "work", "--env"], env).returncode == 0
    secret_service.lock("awsvault")
    swift_suite(dict(secret_service.env, VAULT_TEST_LOCKED_PROFILE="work"), "SecretServiceInterop")
    for args in (["remove", "-f", "work"], ["add", "other", "--env"]):
        result = run_vault(vault_bin, args, env)
        assert result.returncode != 0
        assert "collection 'awsvault' is locked and GNOME Keyring did not unlock it; " in result.stderr, result.stderr
        assert "gnome-keyring-daemon --unlock" in result.stderr and result.stderr.count("\n") == 1
        assert "no credentials" not in result.stderr


def test_a_named_collection_is_used_when_it_exists(vault_bin, base_env, secret_service):
    secret_service.create_collection("team")
    env = vault_env(base_env, secret_service, AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME="team")
    assert run_vault(vault_bin, ["add", "work", "--env"], env).returncode == 0
    assert secret_service.read("team", "work")["attributes"]["profile"] == "work"
    env.pop("AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME")
    assert run_vault(vault_bin, ["add", "cli", "--env", "--secret-service-collection", "team"], env).returncode == 0
    assert secret_service.read("team", "cli") is not None


def test_a_collection_that_cannot_be_created_headless_says_so(vault_bin, base_env, secret_service):
    env = vault_env(base_env, secret_service)
    result = run_vault(vault_bin, ["add", "work", "--env", "--secret-service-collection", "team"], env)
    assert result.returncode != 0
    # GNOME Keyring has no prompter on this bus: it dismisses the prompt at once, and vault honours that.
    assert result.stderr.startswith(
        "vault: the Secret Service collection 'team' could not be created (GNOME Keyring dismissed its prompt)"), result.stderr
    assert result.stderr.count("\n") == 1


def test_secret_service_without_a_session_bus_says_what_to_do(vault_bin, base_env):
    env = dict(base_env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    result = run_vault(vault_bin, ["add", "work", "--env", "--backend", "secret-service"], env)
    assert result.returncode != 0
    assert "no D-Bus session bus" in result.stderr and "--backend file" in result.stderr


def test_without_a_secret_service_the_default_is_the_file_store(vault_bin, base_env, tmp_path):
    env = dict(base_env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET, AWS_VAULT_FILE_PASSPHRASE="pw",
               AWS_VAULT_FILE_UNLOCK_TTL="0", DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/nobody-listens")
    env.pop("AWS_VAULT_BACKEND", None)
    result = run_vault(vault_bin, ["add", "work", "--env"], env)
    assert result.returncode == 0, result.stderr
    assert (pathlib.Path(env["XDG_DATA_HOME"]) / "vault" / "keys" / "store.json").exists()


def test_an_unknown_backend_is_refused(vault_bin, base_env):
    result = run_vault(vault_bin, ["add", "work", "--env"], dict(base_env, AWS_VAULT_BACKEND="kwallet",
                                                                  AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET))
    assert result.returncode != 0 and "unknown keyring backend 'kwallet'" in result.stderr


def test_secret_service_chosen_but_not_answering_says_what_to_do(vault_bin, base_env, tmp_path):
    env = dict(base_env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET,
               DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/nobody-listens")
    result = run_vault(vault_bin, ["add", "work", "--env", "--backend", "secret-service"], env)
    assert result.returncode != 0
    assert result.stderr.startswith("vault: no Secret Service answers on the session bus (")
    assert "--backend file" in result.stderr and result.stderr.count("\n") == 1
