# vault's segment for powerlevel9k and powerlevel10k: `vault` in
# POWERLEVEL9K_LEFT_PROMPT_ELEMENTS (or _RIGHT_). It shows $vault_prompt,
# which vault's zsh hook keeps ("PROFILE 42m"), so it starts no process per
# prompt. Needs the hook: eval "$(vault hook zsh)" (or vault.plugin.zsh).
# Colours: POWERLEVEL9K_VAULT_BACKGROUND / _FOREGROUND.
prompt_vault() {
  [[ -n ${vault_prompt-} ]] || return 0
  if (( $+functions[p10k] )); then
    # powerlevel10k prompt-expands -t text; the hook has already doubled any %.
    p10k segment -b 208 -f black -i AWS_ICON -t "$vault_prompt"
  else
    # powerlevel9k prints the content with zsh's echo, which reads backslashes.
    "$1_prompt_segment" "$0" "$2" 208 black "${vault_prompt//\\/\\\\}" AWS_ICON
  fi
}

# A theme that draws its prompt in precmd (powerlevel10k) must see this
# prompt's $vault_prompt: vault's hook goes first, whichever was loaded first.
if (( ${precmd_functions[(I)__vault_hook]} )); then
  precmd_functions=(__vault_hook "${(@)precmd_functions:#__vault_hook}")
fi
