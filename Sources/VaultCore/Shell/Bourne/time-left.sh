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
