#!/usr/bin/env bash
# The hook's cost per prompt when nothing changed, vault against direnv, in the
# same shell: each shell sources the hook, enters a project whose .vaultrc /
# .envrc is allowed (the first call applies it), then calls the prompt hook
# function N times (what PROMPT_COMMAND / precmd / fish_prompt does) and
# reports the time per call. R rounds; the median is printed.
#   bench/hook.sh (or via bench/run)   HOOK_PROMPTS=1000 HOOK_ROUNDS=5; needs direnv, bash, zsh, fish, tcsh; VAULT= to pick a binary
source "$(dirname "$0")/lib.sh"
N=${HOOK_PROMPTS:-1000}
R=${HOOK_ROUNDS:-5}
vault=$VAULT
work=$WORK/hook
hook_world "$work"

# Prints microseconds per call of the hook function FN after SETUP, in SHELL.
per_call() { # shell setup fn
    case $1 in
    bash) bash --norc --noprofile -c "$2; cd '$work/project'; $3; s=\$EPOCHREALTIME; for ((i=0;i<$N;i++)); do $3; done; e=\$EPOCHREALTIME; echo \"\$(( (\${e/./}-\${s/./}) / $N ))\"" ;;
    zsh) zsh -f -c "zmodload zsh/datetime; $2; cd '$work/project'; $3; s=\$EPOCHREALTIME; for ((i=0;i<$N;i++)); do $3; done; e=\$EPOCHREALTIME; print \$(( ((e-s)*1000000) / $N ))" | cut -d. -f1 ;;
    # xonsh: the handler vault registered on on_pre_prompt_format, timed in Python.
    xonsh) xonsh --no-rc -c "$2"$'\n'"cd '$work/project'"$'\n'"import time; h = [f for f in events.on_pre_prompt_format if f.__name__ == '$3'][0]; h(); s = time.perf_counter(); _r = [h() for _ in range($N)]; print(int((time.perf_counter() - s) * 1e6 / $N))" ;;
    fish) fish --no-config -c "$2; cd '$work/project'; $3; set s (date +%s%N); for i in (seq $N); $3; end; set e (date +%s%N); math -s0 \"(\$e - \$s) / 1000 / $N\"" ;;
    # tcsh has no sub-second clock: two date processes, outside the timed
    # calls; and the calls written out N times in a script file (a while loop
    # re-reads its lines each time round, and under -c it runs once).
    tcsh) { printf '%s\n' "$2" "cd '$work/project'" "$3" 'set s = `date +%s%N`'
            for ((i=0;i<N;i++)); do printf '%s\n' "$3"; done
            printf '%s\n' 'set e = `date +%s%N`' "@ d = (\$e - \$s) / 1000 / $N" 'echo $d'; } >"$work/per_call.tcsh"
        tcsh -f "$work/per_call.tcsh" ;;
    esac
}

declare -A setup_vault=([bash]='eval "$(vault hook bash)"' [zsh]='eval "$(vault hook zsh)"' [fish]='vault hook fish | source')
declare -A fn_vault=([bash]=__vault_hook [zsh]=__vault_hook [fish]=__vault_hook)
declare -A setup_direnv=([bash]='eval "$(direnv hook bash)"' [zsh]='eval "$(direnv hook zsh)"' [fish]='direnv hook fish | source')
declare -A fn_direnv=([bash]=_direnv_hook [zsh]=_direnv_hook [fish]=__direnv_export_eval)
setup_vault[tcsh]='eval "`vault hook tcsh`"' fn_vault[tcsh]='eval $__vault_hook:q'
setup_direnv[tcsh]='eval `direnv hook tcsh`' fn_direnv[tcsh]='eval `direnv export tcsh`'  # the precmd alias's body

{
    echo
    echo "#### the hook's cost per prompt when nothing changed: vault vs direnv ($N prompts, median of $R rounds)"
    echo
    echo "| shell | vault µs/prompt | direnv µs/prompt | direnv ÷ vault |"
    echo "|---|---:|---:|---:|"
} >>"$BENCH_REPORT"
for sh in bash zsh fish tcsh; do
    v=$(for ((r=0;r<R;r++)); do per_call "$sh" "${setup_vault[$sh]}" "${fn_vault[$sh]}"; done | median)
    d=$(for ((r=0;r<R;r++)); do per_call "$sh" "${setup_direnv[$sh]}" "${fn_direnv[$sh]}" 2>/dev/null; done | median)
    echo "| $sh | $v | $d | $(awk -v d="$d" -v v="$v" 'BEGIN {printf "%.0f×", d / (v > 0 ? v : 1)}') |" >>"$BENCH_REPORT"
done
# direnv has no xonsh hook: vault's alone.
if command -v xonsh >/dev/null; then
    v=$(for ((r=0;r<R;r++)); do per_call xonsh 'execx($(vault hook xonsh))' __vault_hook; done | median)
    echo "| xonsh | $v | — | — |" >>"$BENCH_REPORT"
fi
[[ -n ${BENCH_STANDALONE-} ]] && cat "$BENCH_REPORT"
true
