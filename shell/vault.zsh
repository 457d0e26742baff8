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
  local __vault_t='' __vault_l
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
