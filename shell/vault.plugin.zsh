# vault as an oh-my-zsh-style plugin (oh-my-zsh, antigen, zinit, zplug…):
# put this folder in $ZSH_CUSTOM/plugins/vault and add `vault` to plugins=(…).
# It installs vault's .vaultrc hook (one `vault hook zsh` at start-up; none
# per prompt) and the powerlevel9k/powerlevel10k segment `prompt_vault`. For any other theme put
# $vault_prompt (or $(vault_prompt_info), no process either) in your prompt.
(( $+commands[vault] )) || return 0
0=${(%):-%N}
eval "$(command vault hook zsh)"
source "${0:A:h}/prompt_vault.zsh"
