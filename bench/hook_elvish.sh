#!/usr/bin/env bash
# elvish's hook cost per prompt when nothing changed, vault against direnv, as
# bench/hook.sh does for bash/zsh/fish. The hooks need elvish's edit: module,
# which exists only in an interactive elvish: each round runs one through
# `script` (a pty), whose rc.elv calls the hook N times under `time`.
# Also vault's hook away from any .vaultrc (no process), and the one `test`
# a prompt with a .vaultrc in use starts (elvish 0.19 cannot stat).
#   bench/hook_elvish.sh (or via bench/run)   HOOK_PROMPTS=1000 HOOK_ROUNDS=5; needs elvish, direnv
source "$(dirname "$0")/lib.sh"
command -v elvish >/dev/null || { echo "bench: no elvish, skipped" >&2; exit 0; }
N=${HOOK_PROMPTS:-1000}
R=${HOOK_ROUNDS:-5}
vault=$VAULT
work=$WORK/hook-elvish
hook_world "$work"
mkdir -p "$work/empty" "$XDG_CONFIG_HOME/elvish/lib"
"$vault" hook elvish > "$XDG_CONFIG_HOME/elvish/lib/vault.elv"

# Prints microseconds per call of CALL in DIR after SETUP, in an interactive
# elvish. The code runs through eval in a try, so that an error (even a compile
# error) still reaches `exit` and prints a line instead of a waiting shell.
per_call() { # setup dir call
    local rc=$work/rc.elv out=$work/out code
    rm -f "$out"
    code=$(printf '%s\ncd %s\n%s\nvar d = 0\ntime &on-end={|x| set d = $x } { range %s | each {|_| %s } }\necho (printf %%.0f (/ (* $d 1000000) %s)) > %s\n' \
        "$1" "$2" "$3" "$N" "$3" "$N" "$out")
    printf 'try { eval %s } catch e { echo $e >&2 }\nexit\n' "'${code//\'/\'\'}'" > "$rc"
    timeout 600 script -qec "elvish -rc $rc" /dev/null >/dev/null </dev/null || true
    cat "$out" 2>/dev/null || echo "?"
}

rounds() { for ((r=0;r<R;r++)); do per_call "$@"; done | median; }
v=$(rounds 'use vault' "$work/project" vault:__vault_hook)
# Debian's direnv (2.32) still writes `except`, which elvish 0.19 refuses: the
# same hook with `catch`.
d=$(rounds 'use str; eval (direnv hook elvish | slurp | str:replace "} except e {" "} catch e {" (one))' "$work/project" '$edit:before-readline[-1]')
away=$(rounds 'use vault' "$work/empty" vault:__vault_hook)
t=$(rounds 'use vault' "$work/project" "var _ = (bool ?(e:test $work/project/.vaultrc -nt $work/project/.vaultrc))")
{
    echo
    echo "#### elvish: the hook's cost per prompt when nothing changed ($N prompts, median of $R rounds)"
    echo
    echo "| elvish | vault µs/prompt | direnv µs/prompt | direnv ÷ vault |"
    echo "|---|---:|---:|---:|"
    echo "| .vaultrc / .envrc in use | $v | $d | $(awk -v d="$d" -v v="$v" 'BEGIN {printf "%.1f×", d / (v > 0 ? v : 1)}') |"
    echo "| no .vaultrc (no process) | $away | | |"
    echo "| the one \`test\` alone | $t | | |"
} >>"$BENCH_REPORT"
[[ -n ${BENCH_STANDALONE-} ]] && cat "$BENCH_REPORT"
true
