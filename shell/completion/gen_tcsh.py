#!/usr/bin/env python3
"""Writes tcsh's completion for vault (completions/vault.tcsh) from the command
tree (toolinfo.py):  gen_tcsh.py [path/to/vault] > completions/vault.tcsh

tcsh's `complete` matches words by position and by the word before; what
depends on the subcommand (its options, whether it takes profile names) is
decided at Tab time by a few lines of tcsh kept in a variable and eval'd in
the `...` list, which tcsh runs with the line typed so far in $COMMAND_LINE.
"""
from __future__ import annotations

import sys

import toolinfo


def dollar_quote(text: str) -> str:
    """$'…' for ASCII tcsh code: backslash, quote and ! (history) escaped, newlines as \\n."""
    out = text.replace("\\", "\\\\").replace("'", "\\047").replace("!", "\\041").replace("\n", "\\n")
    return f"$'{out}'"


def words(items) -> str:
    return " ".join(items)


def case_script(root: toolinfo.Command, body) -> str:
    """tcsh code that sets the subcommand path from $COMMAND_LINE and echoes body(command) for it."""
    lines = [
        "set __vault_w = ( $COMMAND_LINE:x )",
        "set __vault_c = ''",
        "if ($#__vault_w >= 2) then",
        '  set __vault_c = "$__vault_w[2]"',
        "  if ($#__vault_w >= 3) then",
    ]
    groups = [c.name for c in root.subcommands if c.subcommands]
    condition = " || ".join(f'"$__vault_c" == {g}' for g in groups)
    lines += [f'    if ({condition}) set __vault_c = "$__vault_c $__vault_w[3]"', "  endif", "endif",
              'switch ("$__vault_c")']
    default = None
    for command in root.walk():
        text = body(command)
        if not command.path:
            default = text
            continue
        if text:
            lines += [f"case '{' '.join(command.path)}':", f"  {text}", "  breaksw"]
    lines += ["default:", f"  {default or ''}", "endsw"]
    return "\n".join(lines) + "\n"


def options(command: toolinfo.Command) -> str:
    return "echo " + words(n for o in command.options for n in o.names if n.startswith("-"))


def arguments(command: toolinfo.Command) -> str:
    for value in command.positionals[:1]:
        if value.kind == "profiles":
            return f"\\{toolinfo.PROFILES_COMMAND}"
        if value.kind == "list":
            return "echo " + words(value.values)
    return ""


def main() -> None:
    root = toolinfo.load(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/vault")
    specs = [f"'p/1/({words(c.name for c in root.subcommands)})/'"]
    for group in (c for c in root.subcommands if c.subcommands):
        specs.append(f"'n/{group.name}/({words(s.name for s in group.subcommands)})/'")
    # An option's value, by the option's name (the same name takes the same values everywhere).
    values: dict[str, toolinfo.Value] = {}
    hints: dict[str, str] = {}
    for command in root.walk():
        for option in command.options:
            if option.takes_value:
                for name in option.names:
                    hints[name] = max(option.names, key=len).lstrip("-")
                    known = values.get(name)
                    if known is None or (known.kind == "list" and option.value.kind == "list"):
                        merged = (known.values if known else []) + [v for v in option.value.values
                                                                    if not known or v not in known.values]
                        values[name] = toolinfo.Value(option.value.kind, merged)
    for name, value in values.items():
        if value.kind == "list":
            specs.append(f"'n/{name}/({words(value.values)})/'")
        elif value.kind == "profiles":
            specs.append(f"'n/{name}/`\\{toolinfo.PROFILES_COMMAND}`/'")
        elif value.kind == "directory":
            specs.append(f"'n/{name}/d/'")
        elif value.kind == "file":
            specs.append(f"'n/{name}/f/'")
        else:
            specs.append(f"'n/{name}/x:<{hints[name]}>/'")
    for command in root.walk():
        if command.positionals and command.positionals[0].kind == "directory":
            specs.append(f"'n/{command.name}/d/'")
    specs += ["'c/-/`eval $__vault_complete_options:q`/'", "'p/*/`eval $__vault_complete_arguments:q`/'"]
    print("# tcsh completion for vault, written by shell/completion/gen_tcsh.py from the command")
    print("# definitions. In ~/.tcshrc:  source /usr/share/vault/completions/vault.tcsh")
    print("# (or wherever it is installed). Profile names come from `vault list --profiles`.")
    print(f"set __vault_complete_options = {dollar_quote(case_script(root, options))}")
    print(f"set __vault_complete_arguments = {dollar_quote(case_script(root, arguments))}")
    print("complete vault \\\n  " + " \\\n  ".join(specs))


if __name__ == "__main__":
    main()
