/// The code `vault hook SHELL` prints for a shell's rc file (also committed
/// as shell/vault.SHELL).
///
/// At each prompt the hook walks up from `$PWD` looking for `.vaultrc`, reads
/// that file and the trust generation counter, and compares them and the clock
/// with what it saw last time, all with shell builtins: a prompt at which
/// nothing changed starts no process. Only when something changed does it run
/// `vault hook-apply`, whose output it evaluates. Bookkeeping lives in
/// unexported `__vault_*` variables; none holds a secret.
enum ShellHooks {
    static let bash = #"""
# vault shell hook for bash. In ~/.bashrc:  eval "$(vault hook bash)"
# Nothing here is exported but VAULT_HOOK, also under set -a.
__vault_a=; case $- in *a*) __vault_a=1; set +a;; esac
__vault_hook() {
  local __vault_s=$? __vault_d=$PWD __vault_f= __vault_c= __vault_g= __vault_why= __vault_ax=
  case $- in *a*) __vault_ax=1; set +a;; esac
  while :; do
    if [[ $__vault_d == / ]]; then __vault_d=; fi
    if [[ -f $__vault_d/.vaultrc ]]; then __vault_f=$__vault_d/.vaultrc; break; fi
    if [[ -z $__vault_d ]]; then break; fi
    __vault_d=${__vault_d%/*}
  done
  if [[ -n $__vault_f ]]; then IFS= read -r -d '' __vault_c 2>/dev/null <"$__vault_f" || :; fi
  IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :
  if [[ $__vault_f != "${__vault_rc-}" || $__vault_c != "${__vault_rc_content-}" || $__vault_g != "${__vault_gen-}" ]]; then
    __vault_why=change
  elif [[ -n ${__vault_refresh_at-} ]] && (( EPOCHSECONDS >= __vault_refresh_at )); then
    __vault_why=refresh
  fi
  if [[ -n $__vault_why ]]; then
    __vault_rc=$__vault_f __vault_rc_content=$__vault_c __vault_gen=$__vault_g
    if [[ $__vault_why == refresh ]]; then __vault_refresh_at=$((EPOCHSECONDS + 60)); fi
    eval "$(command vault hook-apply bash why="$__vault_why" rc="$__vault_f" \
      origin="${__vault_origin-}" profile="${__vault_profile-}" region="${__vault_region-}" \
      duration="${__vault_duration-}" no-session="${__vault_no_session-}")"
  fi
  __vault_prompt_update
  if [[ -n $__vault_ax ]]; then set -a; fi
  return $__vault_s
}

# Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
# "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left).
__vault_prompt_update() {
  vault_prompt=
  if [[ -z ${__vault_active-} ]]; then return 0; fi
  local __vault_t= __vault_l
  if [[ -n ${__vault_expires-} ]]; then
    __vault_l=$((__vault_expires - EPOCHSECONDS))
    if ((__vault_l <= 0)); then __vault_t=expired
    else
      if ((__vault_l >= 3600)); then __vault_t=$((__vault_l / 3600))h$((__vault_l % 3600 / 60))m
      elif ((__vault_l >= 60)); then __vault_t=$((__vault_l / 60))m
      else __vault_t=${__vault_l}s; fi
      if ((EPOCHSECONDS >= __vault_refresh_at)); then __vault_t+='!'; fi
    fi
  fi
  vault_prompt=${VAULT_PROMPT_FORMAT-%p %t}
  vault_prompt=${vault_prompt//"%p"/"${__vault_profile-}"}
  vault_prompt=${vault_prompt//"%r"/"${__vault_region-}"}
  vault_prompt=${vault_prompt//"%t"/"$__vault_t"}
  vault_prompt=${vault_prompt%"${vault_prompt##*[! ]}"}
}

# Prints the prompt segment; no process is started.
vault_prompt_info() {
  __vault_prompt_update
  printf '%s' "$vault_prompt"
}

__vault_install() {
  local __vault_e
  for __vault_e in ${PROMPT_COMMAND[@]+"${PROMPT_COMMAND[@]}"}; do
    if [[ $__vault_e == *__vault_hook* ]]; then return 0; fi
  done
  if [[ -n ${PROMPT_COMMAND+x} && ${PROMPT_COMMAND@a} == *a* ]]; then
    PROMPT_COMMAND=(__vault_hook "${PROMPT_COMMAND[@]}")
  else
    PROMPT_COMMAND="__vault_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
  fi
}
__vault_install
unset -f __vault_install
vault_prompt=
if [[ -z ${__vault_gen+x} ]]; then
  __vault_gen=
  IFS= read -r __vault_gen 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :
fi
export VAULT_HOOK="bash:$$"
if [[ -n $__vault_a ]]; then set -a; fi; unset __vault_a

"""#

    static let zsh = #"""
# vault shell hook for zsh. In ~/.zshrc:  eval "$(vault hook zsh)"
# Nothing here is exported but VAULT_HOOK, also under set -a.
__vault_a=; case $- in *a*) __vault_a=1; set +a;; esac
zmodload -F zsh/datetime p:EPOCHSECONDS
__vault_hook() {
  local __vault_s=$?
  emulate -L zsh
  local __vault_d=$PWD __vault_f= __vault_c= __vault_g= __vault_why=
  while :; do
    if [[ $__vault_d == / ]]; then __vault_d=; fi
    if [[ -f $__vault_d/.vaultrc ]]; then __vault_f=$__vault_d/.vaultrc; break; fi
    if [[ -z $__vault_d ]]; then break; fi
    __vault_d=${__vault_d%/*}
  done
  if [[ -n $__vault_f ]]; then IFS= read -r -d '' __vault_c 2>/dev/null <"$__vault_f" || :; fi
  IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :
  if [[ $__vault_f != "${__vault_rc-}" || $__vault_c != "${__vault_rc_content-}" || $__vault_g != "${__vault_gen-}" ]]; then
    __vault_why=change
  elif [[ -n ${__vault_refresh_at-} ]] && (( EPOCHSECONDS >= __vault_refresh_at )); then
    __vault_why=refresh
  fi
  if [[ -n $__vault_why ]]; then
    typeset -g __vault_rc=$__vault_f __vault_rc_content=$__vault_c __vault_gen=$__vault_g
    if [[ $__vault_why == refresh ]]; then typeset -g __vault_refresh_at=$((EPOCHSECONDS + 60)); fi
    eval "$(command vault hook-apply zsh why="$__vault_why" rc="$__vault_f" \
      origin="${__vault_origin-}" profile="${__vault_profile-}" region="${__vault_region-}" \
      duration="${__vault_duration-}" no-session="${__vault_no_session-}")"
  fi
  __vault_prompt_update
  return $__vault_s
}

# Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
# "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left).
__vault_prompt_update() {
  emulate -L zsh
  typeset -g vault_prompt=
  if [[ -z ${__vault_active-} ]]; then return 0; fi
  local __vault_t= __vault_l
  if [[ -n ${__vault_expires-} ]]; then
    __vault_l=$((__vault_expires - EPOCHSECONDS))
    if ((__vault_l <= 0)); then __vault_t=expired
    else
      if ((__vault_l >= 3600)); then __vault_t=$((__vault_l / 3600))h$((__vault_l % 3600 / 60))m
      elif ((__vault_l >= 60)); then __vault_t=$((__vault_l / 60))m
      else __vault_t=${__vault_l}s; fi
      if ((EPOCHSECONDS >= __vault_refresh_at)); then __vault_t+='!'; fi
    fi
  fi
  vault_prompt=${VAULT_PROMPT_FORMAT-%p %t}
  vault_prompt=${vault_prompt//"%p"/${__vault_profile-}}
  vault_prompt=${vault_prompt//"%r"/${__vault_region-}}
  vault_prompt=${vault_prompt//"%t"/$__vault_t}
  vault_prompt=${vault_prompt%"${vault_prompt##*[! ]}"}
}

# Prints the prompt segment; no process is started.
vault_prompt_info() {
  __vault_prompt_update
  print -rn -- "$vault_prompt"
}

autoload -Uz add-zsh-hook
add-zsh-hook precmd __vault_hook
add-zsh-hook chpwd __vault_hook
typeset -g vault_prompt=
if (( ! ${+__vault_gen} )); then
  typeset -g __vault_gen=
  IFS= read -r __vault_gen 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :
fi
export VAULT_HOOK="zsh:$$"
if [[ -n $__vault_a ]]; then set -a; fi; unset __vault_a

"""#

    static let fish = #"""
# vault shell hook for fish. In ~/.config/fish/config.fish:  vault hook fish | source
# fish has no builtin clock, so times are seconds since boot from /proc/uptime.
function __vault_uptime
  read -l __vault_u </proc/uptime
  string split -f1 . -- $__vault_u
end

function __vault_hook --on-event fish_prompt
  set -l __vault_s $status
  set -l __vault_d $PWD
  set -l __vault_f ''
  while true
    if test "$__vault_d" = /; set __vault_d ''; end
    if test -f "$__vault_d/.vaultrc"; set __vault_f "$__vault_d/.vaultrc"; break; end
    if test -z "$__vault_d"; break; end
    set __vault_d (string replace -r '/[^/]*$' '' -- $__vault_d)
  end
  set -l __vault_c ''
  if test -n "$__vault_f"; read -z __vault_c 2>/dev/null <$__vault_f; end
  set -l __vault_g ''
  set -l __vault_gf (set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/vault/generation
  if test -f $__vault_gf; read __vault_g 2>/dev/null <$__vault_gf; end
  set -l __vault_why ''
  if test "$__vault_f" != "$__vault_rc" -o "$__vault_c" != "$__vault_rc_content" -o "$__vault_g" != "$__vault_gen"
    set __vault_why change
  else if test -n "$__vault_refresh_up"; and test (__vault_uptime) -ge "$__vault_refresh_up"
    set __vault_why refresh
  end
  if test -n "$__vault_why"
    set -g -u __vault_rc $__vault_f
    set -g -u __vault_rc_content $__vault_c
    set -g -u __vault_gen $__vault_g
    if test $__vault_why = refresh; set -g -u __vault_refresh_up (math (__vault_uptime) + 60); end
    command vault hook-apply fish why=$__vault_why rc="$__vault_f" \
      origin="$__vault_origin" profile="$__vault_profile" region="$__vault_region" \
      duration="$__vault_duration" no-session="$__vault_no_session" | source
  end
  return $__vault_s
end

# Prints "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL), "PROFILE expired", or
# nothing (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left); no process is started.
function vault_prompt_info
  set -q __vault_active; or return 0
  set -l t ''
  if test -n "$__vault_expires_up"
    set -l now (__vault_uptime)
    set -l l (math $__vault_expires_up - $now)
    if test $l -le 0
      set t expired
    else
      if test $l -ge 3600
        set t (math -s0 $l / 3600)h(math -s0 $l % 3600 / 60)m
      else if test $l -ge 60
        set t (math -s0 $l / 60)m
      else
        set t {$l}s
      end
      if test $now -ge $__vault_refresh_up; set t "$t!"; end
    end
  end
  set -l out '%p %t'
  set -q VAULT_PROMPT_FORMAT; and set out "$VAULT_PROMPT_FORMAT"
  set out (string replace -a -- '%p' "$__vault_profile" "$out")
  set out (string replace -a -- '%r' "$__vault_region" "$out")
  set out (string replace -a -- '%t' "$t" "$out")
  printf '%s' (string trim -r -c ' ' -- "$out")
end

if not set -q __vault_gen
  set -g -u __vault_gen ''
  set -l __vault_gf (set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/vault/generation
  if test -f $__vault_gf; read -g __vault_gen <$__vault_gf; end
end
set -gx VAULT_HOOK fish:$fish_pid

"""#
}
