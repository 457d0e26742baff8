"""aws-vault's profile-resolution tests (ByteNess/aws-vault vault/config_test.go),
ported as facts and checked through `vault config show --json` (and `vault list`).

Where a fact is about parsing, vault reads the file as botocore does (the issue's
rule); the one place that differs from aws-vault's ini library is said below.
Not ported: the tests of aws-vault's config writer (TestAddProfileToExisting*,
TestIniWithHeaderSavesWithHeader: `vault add` has its own), TestProfileIsEmpty (a
Go type), and the SSO start-URL tests (no SSO source in vault yet).
"""
import json

import pytest

from conftest import run_vault

EXAMPLE = """# an example profile file
[default]
region=us-west-2
output=json

[profile user2]
REGION=us-east-1
output=text

[profile withsource]
source_profile=user2
region=us-east-1

[profile withMFA]
source_profile=user2
Role_Arn=arn:aws:iam::4451234513441615400570:role/aws_admin
mfa_Serial=arn:aws:iam::1234513441:mfa/blah
Region=us-east-1
duration_seconds=1200
sts_regional_endpoints=legacy

[profile withendpointurl]
region=us-east-1
endpoint_url=https://localhost:1234

[profile testincludeprofile1]
region=us-east-1

[profile testincludeprofile2]
include_profile=testincludeprofile1

[profile with-sso-session]
sso_session = moon-sso
sso_account_id=123456
region = moon-1 # Different from sso region

[sso-session moon-sso]
sso_start_url = https://d-123456789.example.com/start
sso_region = moon-2  # Different from profile region
sso_registration_scopes = sso:account:access
"""
# Placeholder keys in aws-vault's shape; nothing here calls AWS.
KEY_ID, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


class Config:
    def __init__(self, env, vault_bin, home):
        self.env, self.bin, self.home = env, vault_bin, home

    def write(self, text: str):
        (self.home / ".aws" / "config").write_text(text)

    def store(self, name: str):
        added = run_vault(self.bin, ["add", name, "--env", "--no-add-config"],
                          dict(self.env, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET))
        assert added.returncode == 0, added.stderr

    def run(self, *args, env=None):
        return run_vault(self.bin, list(args), dict(self.env, **(env or {})))

    def show(self, profile: str, env=None) -> dict:
        result = self.run("config", "show", profile, "--json", env=env)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        return json.loads(result.stdout)

    def values(self, profile: str, env=None) -> dict:
        return {k: v["value"] for k, v in self.show(profile, env)["settings"].items()}

    def role_steps(self, profile: str, env=None) -> list[dict]:
        return [s for s in self.show(profile, env)["plan"]["steps"] if s["call"] == "AssumeRole"]


@pytest.fixture
def cfg(base_env, vault_bin, home, tmp_path):
    env = dict(base_env, AWS_VAULT_BACKEND="file", AWS_VAULT_FILE_PASSPHRASE="config-pass")
    c = Config(env, vault_bin, home)
    c.write(EXAMPLE)
    return c


def test_TestProfileNameCaseSensitivity(cfg):
    assert cfg.values("withMFA")["mfa_serial"] == "arn:aws:iam::1234513441:mfa/blah"


def test_TestConfigParsingProfiles(cfg):
    assert cfg.values("user2")["region"] == "us-east-1"
    assert {k: cfg.values("withsource")[k] for k in ("source_profile", "region")} == {
        "source_profile": "user2", "region": "us-east-1"}
    assert {k: v for k, v in cfg.values("withMFA").items() if k != "output"} == {
        "source_profile": "user2", "role_arn": "arn:aws:iam::4451234513441615400570:role/aws_admin",
        "mfa_serial": "arn:aws:iam::1234513441:mfa/blah", "region": "us-east-1", "duration_seconds": "1200",
        "sts_regional_endpoints": "legacy"}
    assert cfg.values("withendpointurl") == {"region": "us-east-1", "endpoint_url": "https://localhost:1234"}
    missing = cfg.run("config", "show", "nopenotthere", "--json")
    assert missing.returncode != 0 and missing.stdout == "" and "profile 'nopenotthere' not found" in missing.stderr


def test_TestConfigParsingDefault(cfg):
    assert cfg.values("default")["region"] == "us-west-2"


def test_TestProfilesFromConfig(cfg):
    listed = cfg.run("list", "--profiles")
    assert listed.stdout.split() == ["default", "user2", "withsource", "withMFA", "withendpointurl",
                                     "testincludeprofile1", "testincludeprofile2", "with-sso-session"]


def test_TestIncludeProfile(cfg):
    shown = cfg.show("testincludeprofile2")
    assert shown["settings"]["region"]["value"] == "us-east-1"
    assert "(include_profile testincludeprofile1)" in shown["settings"]["region"]["from"]


def test_TestIncludeSsoSession(cfg):
    # aws-vault's ini library drops the "# …" after the value; botocore (and vault) keep it.
    assert cfg.values("with-sso-session")["region"] == "moon-1 # Different from sso region"
    assert cfg.values("with-sso-session")["sso_session"] == "moon-sso"


def test_TestIniWithDEFAULTHeader(cfg):
    cfg.write("[DEFAULT]\nregion=us-east-1\n[default]\nregion=us-west-2\n")
    assert cfg.values("default")["region"] == "us-west-2"


def test_TestLoadedProfileDoesntReferToItself(cfg):
    cfg.store("foo")  # first: `vault add` refuses a profile with a source_profile
    cfg.write("\n[profile foo]\nsource_profile=foo\n")
    shown = cfg.show("foo")
    assert shown["chain"] == ["foo"]
    assert shown["plan"]["source"] == {"kind": "stored_keys", "profile": "foo"}


def test_TestSourceProfileCanReferToParent(cfg):
    cfg.write("\n[profile root]\n\n[profile foo]\ninclude_profile=root\nsource_profile=root\n")
    assert cfg.show("foo")["chain"] == ["foo", "root"]


ROLE = "arn:aws:iam::111111111111:role/tagged"


@pytest.mark.parametrize("text, expected", [
    ("tag1=value1", {"tag1": "value1"}),
    ("tag2=value2,tag3=value3,tag4=value4", {"tag2": "value2", "tag3": "value3", "tag4": "value4"}),
    (" tagA = valueA ,  tagB  =  valueB  ,  tagC   =   valueC  ", {"tagA": "valueA", "tagB": "valueB", "tagC": "valueC"}),
    ("tag1=value1,", None),
    ("tagA=valueA,tagB", None),
    ("tagOne,tagTwo=valueTwo", None),
    ("tagI=valueI,tagII,tagIII=valueIII", None),
])
def test_TestSetSessionTags(cfg, text, expected):
    cfg.write(f"[profile tagged]\nrole_arn = {ROLE}\nsession_tags = {text}\n")
    cfg.store("tagged")
    if expected is not None:
        assert cfg.role_steps("tagged")[0]["session_tags"] == expected
        return
    # Refused with file:line, by every command that reads the profile; nothing on stdout.
    path = cfg.home / ".aws" / "config"
    for args in (["config", "show", "tagged"], ["exec", "tagged", "--", "true"], ["export", "tagged"]):
        result = cfg.run(*args)
        assert result.returncode != 0 and result.stdout == "", (args, result.stdout)
        assert result.stderr.startswith(f"vault: {path}:3: profile 'tagged' has session_tags = "), result.stderr
        assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("text, expected", [
    ("tag1", ["tag1"]), ("tag2,tag3,tag4", ["tag2", "tag3", "tag4"]),
    (" tagA ,  tagB  ,   tagC   ", ["tagA", "tagB", "tagC"]), ("tag1,", ["tag1"]), (",tagA", ["tagA"]), (",", []),
])
def test_TestSetTransitiveSessionTags(cfg, text, expected):
    cfg.write(f"[profile tagged]\nrole_arn = {ROLE}\ntransitive_session_tags = {text}\n")
    cfg.store("tagged")
    assert cfg.role_steps("tagged")[0]["transitive_session_tags"] == expected


def test_malformed_tags_from_the_environment_name_the_variable(cfg):
    cfg.write(f"[profile tagged]\nrole_arn = {ROLE}\n")
    cfg.store("tagged")
    result = cfg.run("config", "show", "tagged", env={"AWS_SESSION_TAGS": "a=b,"})
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("vault: environment AWS_SESSION_TAGS: profile 'tagged' has session_tags = 'a=b,'")
    result = cfg.run("config", "show", "tagged", env={"AWS_TRANSITIVE_TAGS": "bad\u0007key"})
    assert result.returncode != 0 and "transitive_session_tags" in result.stderr and "\u0007" not in result.stderr


TAGGED = f"""
[profile tagged]
role_arn = {ROLE}
session_tags = tag1 = value1 , tag2=value2 ,tag3=value3
transitive_session_tags = tagOne ,tagTwo,tagThree
"""


def test_TestSessionTaggingFromIni(cfg):
    cfg.write(TAGGED)
    cfg.store("tagged")
    step = cfg.role_steps("tagged")[0]
    assert step["session_tags"] == {"tag1": "value1", "tag2": "value2", "tag3": "value3"}
    assert step["transitive_session_tags"] == ["tagOne", "tagTwo", "tagThree"]


def test_TestSessionTaggingFromEnvironment(cfg):
    cfg.write(TAGGED)
    cfg.store("tagged")
    env = {"AWS_SESSION_TAGS": " tagA = val1 , tagB=val2 ,tagC=val3", "AWS_TRANSITIVE_TAGS": " tagD ,tagE"}
    step = cfg.role_steps("tagged", env)[0]
    assert step["session_tags"] == {"tagA": "val1", "tagB": "val2", "tagC": "val3"}
    assert step["transitive_session_tags"] == ["tagD", "tagE"]


def test_TestSessionTaggingFromEnvironmentChainedRoles(cfg):
    # aws-vault's config has no role_arn; one is added to interim and target so
    # that each profile's tags show on its own AssumeRole step.
    cfg.write(f"""
[profile base]

[profile interim]
role_arn = arn:aws:iam::111111111111:role/interim
session_tags=tag1=value1
transitive_session_tags=tag2
source_profile = base

[profile target]
role_arn = arn:aws:iam::111111111111:role/target
session_tags=tagA=valueA
transitive_session_tags=tagB
source_profile = interim
""")
    cfg.store("base")
    env = {"AWS_SESSION_TAGS": "tagI=valI", "AWS_TRANSITIVE_TAGS": " tagII"}
    shown = cfg.show("target", env)
    assert shown["plan"]["source"] == {"kind": "stored_keys", "profile": "base"}
    interim, target = [s for s in shown["plan"]["steps"] if s["call"] == "AssumeRole"]
    # The target takes the environment's tags; interim keeps its own; base has none (it assumes nothing).
    assert (target["profile"], target["session_tags"], target["transitive_session_tags"]) == ("target", {"tagI": "valI"}, ["tagII"])
    assert (interim["profile"], interim["session_tags"], interim["transitive_session_tags"]) == ("interim", {"tag1": "value1"}, ["tag2"])
