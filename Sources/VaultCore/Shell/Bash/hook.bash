# vault shell hook for bash. In ~/.bashrc:  eval "$(vault hook bash)"
# Nothing here is exported but VAULT_HOOK, also under set -a.
__vault_a=; case $- in *a*) __vault_a=1; set +a;; esac
__vault_hook() {
  local __vault_s=$? __vault_c='' __vault_g='' __vault_why='' __vault_ax=''
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
    IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/{{generation}}" || :
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
      if [[ -z $__vault_g ]]; then IFS= read -r __vault_g 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/{{generation}}" || :; fi
      __vault_rc=$__vault_found __vault_gen=$__vault_g
    fi
    __vault_allowfile='' __vault_prompt_at=0
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
{{time-left}}
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
    # A string here (the person's, or bash before 5.1): shellcheck sees the array branch too.
    # shellcheck disable=SC2178,SC2128
    PROMPT_COMMAND="__vault_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
  fi
}
__vault_install
unset -f __vault_install
vault_prompt='' __vault_found=''
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
__vault_seen=${XDG_DATA_HOME:-${HOME-}/.local/share}/{{seen}}/$$
if [[ -z ${__vault_gen+x} ]]; then
  __vault_gen=
  IFS= read -r __vault_gen 2>/dev/null <"${XDG_DATA_HOME:-${HOME-}/.local/share}/{{generation}}" || :
fi
export VAULT_HOOK="bash:$$"
if [[ -n $__vault_a ]]; then set -a; fi; unset __vault_a
