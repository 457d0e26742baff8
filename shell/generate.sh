#!/usr/bin/env bash
# Regenerates the committed hook scripts and completions from the binary:
#   shell/generate.sh [path/to/vault]      (default .build/debug/vault)
# Tests/Shell/test_shell_files.py fails when these files drift from the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
vault=${1:-.build/debug/vault}
for s in bash zsh fish; do "$vault" hook "$s" > "shell/vault.$s"; done
"$vault" --generate-completion-script bash > completions/vault.bash
"$vault" --generate-completion-script zsh > completions/_vault
"$vault" --generate-completion-script fish > completions/vault.fish
