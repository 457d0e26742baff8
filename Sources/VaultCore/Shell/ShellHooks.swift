/// The code `vault hook SHELL` prints for a shell's rc file (also committed
/// as shell/vault.SHELL).
///
/// At each prompt the hook, with shell builtins only, finds the nearest
/// `.vaultrc` (walking up from `$PWD` only when `$PWD` changed), checks that
/// the trusted file in use still has its allow-list entry and is not newer
/// than it (two `stat` calls; otherwise it compares the file's mtime with the
/// stamp vault left when it last read it, `HookStamp`, and the trust list's
/// generation counter), and compares the clock with the refresh time: a
/// prompt at which nothing changed starts no process. The hook never opens
/// the `.vaultrc` itself: it may be a FIFO, a device or 100 MB. Only when
/// something changed does it run `vault hook-apply`, whose output it
/// evaluates. Bookkeeping lives in unexported `__vault_*` variables; none
/// holds a secret.
enum ShellHooks {
    /// The time left for the prompt segment, in the arithmetic bash and zsh
    /// share: sets `__vault_t` and when the text can next change.
    static let timeLeft = #"""
  local __vault_t= __vault_l
  # When the text can next change; the hook recomputes it only then.
  __vault_prompt_at=9223372036854775807
  if [[ -n ${__vault_expires-} ]]; then
    __vault_l=$((${__vault_expires:-0} - EPOCHSECONDS))
    if ((__vault_l <= 0)); then __vault_t=expired
    else
      if ((__vault_l >= 3600)); then __vault_t=$((__vault_l / 3600))h$((__vault_l % 3600 / 60))m
      elif ((__vault_l >= 60)); then __vault_t=$((__vault_l / 60))m
      else __vault_t=${__vault_l}s; fi
      __vault_prompt_at=$((__vault_l >= 60 ? __vault_expires - __vault_l / 60 * 60 + 1 : EPOCHSECONDS + 1))
      if ((EPOCHSECONDS >= ${__vault_refresh_at:-0})); then __vault_t+='!'
      elif ((${__vault_refresh_at:-0} < __vault_prompt_at)); then __vault_prompt_at=${__vault_refresh_at:-0}; fi
    fi
  fi
"""#

    static let bash = #"""
# vault shell hook for bash. In ~/.bashrc:  eval "$(vault hook bash)"
# Nothing here is exported but VAULT_HOOK, also under set -a.
__vault_a=; case $- in *a*) __vault_a=1; set +a;; esac
__vault_hook() {
  local __vault_s=$? __vault_c= __vault_g= __vault_why= __vault_ax=
  case $- in *a*) __vault_ax=1; set +a;; esac
  # The nearest .vaultrc is looked up again only when $PWD or a watched file changed.
  if [[ $PWD != "${__vault_pwd-}" ]]; then __vault_find; fi
  if [[ -z $__vault_found && -z ${__vault_rc-} ]]; then
    : # no .vaultrc here, and none before
  elif [[ $__vault_found == "${__vault_rc-}" && -n ${__vault_allowfile-} && -f $__vault_allowfile && ! $__vault_found -nt $__vault_allowfile ]]; then
    : # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
  else
    # Anything else: the trust list's generation, and the file's mtime against
    # the stamp vault made when it last read it (neither newer nor older).
    IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :
    if [[ $__vault_found != "${__vault_rc-}" || $__vault_g != "${__vault_gen-}" ]]; then
      __vault_c=1
    elif [[ -n $__vault_found ]] && ! [[ -f $__vault_seen && ! $__vault_found -nt $__vault_seen && ! $__vault_found -ot $__vault_seen ]]; then
      __vault_c=1
    fi
    if [[ -n $__vault_c ]]; then __vault_find; __vault_why=change; fi
  fi
  if [[ -z $__vault_why && -n ${__vault_refresh_at-} ]] && ((EPOCHSECONDS >= __vault_refresh_at)); then
    __vault_why=refresh
  fi
  if [[ -n $__vault_why ]]; then
    if [[ $__vault_why == refresh ]]; then
      __vault_refresh_at=$((EPOCHSECONDS + 60))
    else
      if [[ -z $__vault_g ]]; then IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation" || :; fi
      __vault_rc=$__vault_found __vault_gen=$__vault_g
    fi
    __vault_allowfile= __vault_prompt_at=0
    eval "$(command vault hook-apply bash why="$__vault_why" rc="$__vault_found" \
      origin="${__vault_origin-}" profile="${__vault_profile-}" region="${__vault_region-}" \
      duration="${__vault_duration-}" no-session="${__vault_no_session-}" pid=$$)"
  fi
  if [[ -n ${__vault_active-} ]]; then
    if ((EPOCHSECONDS >= ${__vault_prompt_at:-0})); then __vault_prompt_update; fi
  elif [[ -n $vault_prompt ]]; then
    vault_prompt=
  fi
  if [[ -n $__vault_ax ]]; then set -a; fi
  return $__vault_s
}

# Sets __vault_found to the nearest .vaultrc at or above $PWD, or "".
__vault_find() {
  local __vault_d=$PWD
  __vault_pwd=$PWD __vault_found=
  while :; do
    if [[ $__vault_d == / ]]; then __vault_d=; fi
    if [[ -e $__vault_d/.vaultrc && ! -d $__vault_d/.vaultrc ]]; then __vault_found=$__vault_d/.vaultrc; return 0; fi
    if [[ -z $__vault_d ]]; then return 0; fi
    __vault_d=${__vault_d%/*}
  done
}

# Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
# "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left).
__vault_prompt_update() {
  vault_prompt=
  if [[ -z ${__vault_active-} ]]; then return 0; fi
\#(timeLeft)
  vault_prompt=${VAULT_PROMPT_FORMAT-%p %t}
  vault_prompt=${vault_prompt//"%p"/"${__vault_show_profile-}"}
  vault_prompt=${vault_prompt//"%r"/"${__vault_show_region-}"}
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
vault_prompt= __vault_found=
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
__vault_seen=${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/seen/$$
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
# mapfile reads a file (vault's own generation counter, never a .vaultrc) into
# a parameter without a read(2) per byte, as `read` does.
zmodload -F zsh/mapfile p:mapfile
# The prompt path avoids `emulate` and extra function calls (each costs more
# than the checks); it only uses syntax that zsh's options do not change.
__vault_hook() {
  local __vault_s=$? __vault_c= __vault_g= __vault_why=
  if [[ $PWD != "${__vault_pwd-}" ]]; then __vault_find; fi
  if [[ -z $__vault_found && -z ${__vault_rc-} ]]; then
    : # no .vaultrc here, and none before
  elif [[ $__vault_found == "${__vault_rc-}" && -n ${__vault_allowfile-} && -f $__vault_allowfile && ! $__vault_found -nt $__vault_allowfile ]]; then
    : # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
  else
    # Anything else: the trust list's generation, and the file's mtime against
    # the stamp vault made when it last read it (neither newer nor older).
    __vault_g=${mapfile[${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation]-}
    if [[ $__vault_found != "${__vault_rc-}" || $__vault_g != "${__vault_gen-}" ]]; then
      __vault_c=1
    elif [[ -n $__vault_found ]] && ! [[ -f $__vault_seen && ! $__vault_found -nt $__vault_seen && ! $__vault_found -ot $__vault_seen ]]; then
      __vault_c=1
    fi
    if [[ -n $__vault_c ]]; then __vault_find; __vault_why=change; fi
  fi
  if [[ -z $__vault_why && -n ${__vault_refresh_at-} ]] && ((EPOCHSECONDS >= __vault_refresh_at)); then
    __vault_why=refresh
  fi
  if [[ -n $__vault_why ]]; then __vault_apply; fi
  if [[ -n ${__vault_active-} ]]; then
    if ((EPOCHSECONDS >= ${__vault_prompt_at:-0})); then __vault_prompt_update; fi
  elif [[ -n $vault_prompt ]]; then
    vault_prompt=
  fi
  return $__vault_s
}

__vault_apply() {
  emulate -L zsh
  if [[ $__vault_why == refresh ]]; then
    typeset -g __vault_refresh_at=$((EPOCHSECONDS + 60))
  else
    [[ -n $__vault_g ]] || __vault_g=${mapfile[${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation]-}
    typeset -g __vault_rc=$__vault_found __vault_gen=$__vault_g
  fi
  typeset -g __vault_allowfile= __vault_prompt_at=0
  eval "$(command vault hook-apply zsh why="$__vault_why" rc="$__vault_found" \
    origin="${__vault_origin-}" profile="${__vault_profile-}" region="${__vault_region-}" \
    duration="${__vault_duration-}" no-session="${__vault_no_session-}" pid=$$)"
}

# Sets __vault_found to the nearest .vaultrc at or above $PWD, or "".
__vault_find() {
  emulate -L zsh
  local __vault_d=$PWD
  typeset -g __vault_pwd=$PWD __vault_found=
  while :; do
    if [[ $__vault_d == / ]]; then __vault_d=; fi
    if [[ -e $__vault_d/.vaultrc && ! -d $__vault_d/.vaultrc ]]; then __vault_found=$__vault_d/.vaultrc; return 0; fi
    if [[ -z $__vault_d ]]; then return 0; fi
    __vault_d=${__vault_d%/*}
  done
}

# Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
# "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left).
__vault_prompt_update() {
  emulate -L zsh  # it runs once a minute at most: options may be reset here
  vault_prompt=
  if [[ -z ${__vault_active-} ]]; then return 0; fi
\#(timeLeft)
  vault_prompt=${VAULT_PROMPT_FORMAT-%p %t}
  # With prompt_subst, a % in a profile or region would be a prompt escape: %%.
  vault_prompt=${vault_prompt//"%p"/${${__vault_show_profile-}//\%/%%}}
  vault_prompt=${vault_prompt//"%r"/${${__vault_show_region-}//\%/%%}}
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
typeset -g vault_prompt= __vault_found=
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
typeset -g __vault_seen=${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/seen/$$
if (( ! ${+__vault_gen} )); then
  typeset -g __vault_gen=${mapfile[${XDG_DATA_HOME:-${HOME-}/.local/share}/vault/generation]-}
fi
export VAULT_HOOK="zsh:$$"
if [[ -n $__vault_a ]]; then set -a; fi; unset __vault_a

"""#

    static let fish = #"""
# vault shell hook for fish. In ~/.config/fish/config.fish:  vault hook fish | source
# fish has no builtin clock, so times are seconds since boot from /proc/uptime.
function __vault_uptime
  read -l -d . __vault_u __vault_rest </proc/uptime
  echo $__vault_u
end

# Sets __vault_found to the nearest .vaultrc at or above $PWD, or "".
function __vault_find
  set -g -u __vault_pwd $PWD
  set -g -u __vault_found ''
  set -l d $PWD
  while true
    if test "$d" = /; set d ''; end
    if test -e "$d/.vaultrc" -a ! -d "$d/.vaultrc"; set __vault_found "$d/.vaultrc"; return 0; end
    if test -z "$d"; return 0; end
    set d (string replace -r '/[^/]*$' '' -- $d)
  end
end

# The nearest .vaultrc is looked up again only when $PWD or what is read here
# changed. fish prints a warning for a redirection from a missing file even
# with 2>/dev/null, hence the `test -f` first.
# fish restores $status after an event handler, so the hook need not keep it.
function __vault_hook --on-event fish_prompt
  # The prompt where nothing changed, in as few commands as fish allows (each
  # costs about 10 µs, a `test` operand about 1 µs): the clock, then one test —
  # same folder and same .vaultrc, credentials not yet due for a refresh, and
  # either no .vaultrc or an allow-list entry written after the .vaultrc's last
  # edit (a deny removes the entry; equal times take the long way, which
  # compares contents). `-o` stops early, so an empty refresh time is never
  # read as a number.
  read -l __vault_u __vault_rest </proc/uptime
  test "$PWD" = "$__vault_pwd" -a "$__vault_found" = "$__vault_rc" -a \( -z "$__vault_refresh_up" -o "$__vault_u" -lt "$__vault_refresh_up" \) -a \( -z "$__vault_rc" -o "$__vault_allowfile" -nt "$__vault_rc" \); and return
  test "$PWD" = "$__vault_pwd"; or __vault_find
  set -l __vault_why
  if test -z "$__vault_found" -a -z "$__vault_rc"
    # no .vaultrc here, and none before
  else if test "$__vault_found" = "$__vault_rc" -a -n "$__vault_allowfile" -a -f "$__vault_allowfile"; and not test "$__vault_found" -nt "$__vault_allowfile"
    # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
  else
    # Anything else: the trust list's generation, and the file's mtime against
    # the stamp vault made when it last read it (neither newer nor older).
    set -f __vault_g ''
    test -f "$__vault_genfile"; and read __vault_g <$__vault_genfile
    set -f __vault_c ''
    if test "$__vault_found" != "$__vault_rc" -o "$__vault_g" != "$__vault_gen"
      set __vault_c 1
    else if test -n "$__vault_found"
      test -f "$__vault_seen"; and not test "$__vault_found" -nt "$__vault_seen"; and not test "$__vault_found" -ot "$__vault_seen"; or set __vault_c 1
    end
    if test -n "$__vault_c"
      __vault_find
      set __vault_why change
    end
  end
  if test -z "$__vault_why" -a -n "$__vault_refresh_up"
    test "$__vault_u" -ge "$__vault_refresh_up"; and set __vault_why refresh
  end
  if test -n "$__vault_why"
    if test $__vault_why = refresh
      set -g -u __vault_refresh_up (math (__vault_uptime) + 60)
    else
      test -z "$__vault_g"; and test -f "$__vault_genfile"; and read __vault_g <$__vault_genfile
      set -g -u __vault_rc $__vault_found
      set -g -u __vault_gen $__vault_g
    end
    set -g -u __vault_allowfile ''
    command vault hook-apply fish why=$__vault_why rc="$__vault_found" \
      origin="$__vault_origin" profile="$__vault_profile" region="$__vault_region" \
      duration="$__vault_duration" no-session="$__vault_no_session" pid=$fish_pid | source
  end
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
  set out (string replace -a -- '%p' "$__vault_show_profile" "$out")
  set out (string replace -a -- '%r' "$__vault_show_region" "$out")
  set out (string replace -a -- '%t' "$t" "$out")
  printf '%s' (string trim -r -c ' ' -- "$out")
end

set -g -u __vault_genfile $HOME/.local/share/vault/generation
set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and set __vault_genfile $XDG_DATA_HOME/vault/generation
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
set -g -u __vault_seen (string replace -r '[^/]*$' '' -- $__vault_genfile)seen/$fish_pid
set -q __vault_found; or set -g -u __vault_found ''
if not set -q __vault_gen
  set -g -u __vault_gen ''
  test -f $__vault_genfile; and read -g -u __vault_gen <$__vault_genfile
end
set -gx VAULT_HOOK fish:$fish_pid

"""#
}
