#!/usr/bin/env bash
# Regenerates the committed hook scripts and completions from the binary:
#   shell/generate.sh [path/to/vault]      (default .build/debug/vault)
# and the man page (docs/vault.1, through swift-argument-parser's
# generate-manual plugin, dated MAN_DATE or today).
# Tests/Shell/test_shell_files.py fails when these files drift from the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
vault=${1:-.build/debug/vault}
for s in bash zsh fish tcsh; do "$vault" hook "$s" > "shell/vault.$s"; done
"$vault" hook xonsh > shell/vault.xonsh
"$vault" hook elvish > shell/vault.elvish
"$vault" --generate-completion-script bash > completions/vault.bash
"$vault" --generate-completion-script zsh > completions/_vault
"$vault" --generate-completion-script fish > completions/vault.fish
python3 shell/completion/gen_tcsh.py "$vault" > completions/vault.tcsh
python3 shell/completion/gen_xonsh.py "$vault" > completions/vault.xsh
python3 shell/completion/gen_elvish.py "$vault" > completions/vault.elv
mkdir -p .build/man
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
    --date "${MAN_DATE:-$(date -u +%Y-%m-%d)}" --authors 'the vault authors' --output-directory .build/man \
    >.build/man/log 2>&1 || { cat .build/man/log >&2; exit 1; }
cp .build/man/vault.1 docs/vault.1
