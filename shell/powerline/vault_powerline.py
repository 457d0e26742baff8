"""vault's segment for powerline (https://powerline.readthedocs.io).

In powerline's config.json add this folder to "common": {"paths": [...]} and
put {"function": "vault_powerline.vault"} in a shell theme's segments. It
shows "PROFILE 42m" for the credentials vault's hook (or `vault exec`) put in
the shell's environment: AWS_VAULT and AWS_CREDENTIAL_EXPIRATION, which
powerline's shell bindings pass with every prompt. It starts no process of its
own and never runs vault; powerline's renderer escapes the text for the
shell (a % in a profile name stays a %).
"""
from datetime import datetime, timezone
import time


def _printable(text):
    # The name comes from the environment: no control characters reach the terminal.
    return "".join(c for c in text if c.isprintable())


def time_left(expiration, now=None):
    """"1h5m", "42m", "30s", "expired", or "" when the time can't be read (as vault prompt)."""
    try:
        end = datetime.strptime(expiration, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
    except (TypeError, ValueError):
        return ""
    left = int(end - (time.time() if now is None else now))
    if left <= 0:
        return "expired"
    if left >= 3600:
        return f"{left // 3600}h{left % 3600 // 60}m"
    if left >= 60:
        return f"{left // 60}m"
    return f"{left}s"


def vault(pl, segment_info, format="{profile} {left}"):
    """The active vault profile and the time its credentials have left; nothing without one."""
    env = segment_info.get("environ", {})
    profile = env.get("AWS_VAULT")
    if not profile:
        return None
    text = format.format(profile=_printable(profile), left=time_left(env.get("AWS_CREDENTIAL_EXPIRATION"))).rstrip()
    return [{"contents": text, "highlight_groups": ["vault", "virtualenv", "background"]}]


# What powerline.theme.requires_segment_info does: powerline then passes the
# shell's environment (this module need not import powerline).
vault.powerline_requires_segment_info = True
