"""bench/sso.sh's helper: the SSO stand-in of the tests (Tests/fixtures/sso.py)
on loopback, a config with one SSO profile, a token from `vault sso login`
(the code approved here, as a person would), then the variables for the
timed commands on stdout. It serves until its stdin closes."""
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests"))
from fixtures.sso import SSOStandIn  # noqa: E402

vault, work = sys.argv[1], pathlib.Path(sys.argv[2])
sso = SSOStandIn()
sso.add_account("111111111111", "bench", roles=["Admin"])
home = work / "home"
(home / ".aws").mkdir(parents=True, exist_ok=True)
(home / ".aws" / "config").write_text(
    "[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n\n"
    f"[sso-session corp]\nsso_start_url = {sso.start_url}\nsso_region = us-east-1\n")
env = {"HOME": str(home), "AWS_CONFIG_FILE": str(home / ".aws" / "config"), "XDG_DATA_HOME": str(home / ".local/share"),
       "AWS_VAULT_BACKEND": "file", "AWS_VAULT_FILE_PASSPHRASE": "bench", "PATH": "/usr/bin:/bin",
       **sso.cli_env(work / "aws-data")}
login = subprocess.Popen([vault, "sso", "login", "dev", "--no-browser"], env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
for line in login.stderr:
    code = re.search(r"\b([0-9A-F]{4}-[0-9A-F]{4})\b", line)
    if code:
        sso.approve(code.group(1))
        break
login.communicate(timeout=60)
assert login.returncode == 0, "vault sso login failed"
for name, value in env.items():
    if name == "PATH":
        continue
    print(f"export {name}='{value}'")
sys.stdout.flush()
sys.stdin.read()
counts = dict(sso.counts)
sso.close()
print(f"stand-in calls: {counts}", file=sys.stderr)
