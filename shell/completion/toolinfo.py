"""vault's command tree, read from `vault --experimental-dump-help` (swift-argument-parser's
ToolInfo JSON), for the completion generators of shells ArgumentParser does not
write scripts for (gen_<shell>.py beside this file, run by shell/generate.sh).

Each generator turns the tree into its shell's completion code; what to offer
for a value is one of: a fixed list, profile names (`vault list --profiles` at
Tab time), a file, a directory, or nothing.
"""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

PROFILES_COMMAND = "vault list --profiles"


@dataclasses.dataclass
class Value:
    """What to complete for a value: kind is 'list', 'profiles', 'file', 'directory' or 'none'."""
    kind: str = "none"
    values: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Option:
    names: list[str]          # with dashes: ["-r", "--region"]
    takes_value: bool
    value: Value
    help: str = ""


@dataclasses.dataclass
class Command:
    name: str
    path: list[str]           # from the root: ["sso", "login"]
    help: str
    options: list[Option]
    positionals: list[Value]  # in order; the last may repeat
    subcommands: list["Command"]

    def walk(self):
        yield self
        for sub in self.subcommands:
            yield from sub.walk()


def _value(arg: dict) -> Value:
    kind = arg.get("completionKind") or {}
    if "list" in kind:
        return Value("list", list(kind["list"].get("values", [])))
    if "shellCommand" in kind and "list --profiles" in kind["shellCommand"].get("command", ""):
        return Value("profiles")
    if "file" in kind:
        return Value("file")
    if "directory" in kind:
        return Value("directory")
    return Value("none")


def _command(info: dict, path: list[str]) -> Command:
    options, positionals = [], []
    for arg in info.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        if arg["kind"] == "positional":
            positionals.append(_value(arg))
            continue
        names = [("-" if n["kind"] == "short" else "--") + n["name"] for n in arg.get("names", [])]
        if not names:
            continue
        options.append(Option(names, arg["kind"] == "option", _value(arg), arg.get("abstract", "")))
    subs = [_command(s, path + [s["commandName"]]) for s in info.get("subcommands", [])
            if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    return Command(info["commandName"], path, info.get("abstract", ""), options, positionals, subs)


def load(vault: str) -> Command:
    dump = subprocess.run([vault, "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout
    return _command(json.loads(dump)["command"], [])


if __name__ == "__main__":
    for c in load(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vault").walk():
        print(" ".join(c.path) or "(root)", [o.names for o in c.options], [p.kind for p in c.positionals])
