# tcsh completion for vault, written by shell/completion/gen_tcsh.py from the command
# definitions. In ~/.tcshrc:  source /usr/share/vault/completions/vault.tcsh
# (or wherever it is installed). Profile names come from `vault list --profiles`.
set __vault_complete_options = $'set __vault_w = ( $COMMAND_LINE:x )\nset __vault_c = \047\047\nif ($#__vault_w >= 2) then\n  set __vault_c = "$__vault_w[2]"\n  if ($#__vault_w >= 3) then\n    if ("$__vault_c" == config || "$__vault_c" == sso) set __vault_c = "$__vault_c $__vault_w[3]"\n  endif\nendif\nswitch ("$__vault_c")\ncase \047list\047:\n  echo --profiles --sessions --credentials --json --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047config\047:\n  echo --version -h --help\n  breaksw\ncase \047config show\047:\n  echo --json --duration -d --no-session -n --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047config dump\047:\n  echo --json --version -h --help\n  breaksw\ncase \047add\047:\n  echo --env --no-add-config --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047remove\047:\n  echo --force -f --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047lock\047:\n  echo --version -h --help\n  breaksw\ncase \047env\047:\n  echo --shell --unset -d --duration -n --no-session -t --mfa-token --region --prompt --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047unset\047:\n  echo --shell --version -h --help\n  breaksw\ncase \047hook\047:\n  echo --version -h --help\n  breaksw\ncase \047allow\047:\n  echo --version -h --help\n  breaksw\ncase \047deny\047:\n  echo --version -h --help\n  breaksw\ncase \047prompt\047:\n  echo --version -h --help\n  breaksw\ncase \047status\047:\n  echo --version -h --help\n  breaksw\ncase \047exec\047:\n  echo -d --duration -n --no-session -t --mfa-token --region --prompt --backend --secret-service-collection --server --lazy --json --version -h --help\n  breaksw\ncase \047serve\047:\n  echo --port --bind --lazy -d --duration -n --no-session -t --mfa-token --region --prompt --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047export\047:\n  echo --format -d --duration -n --no-session -t --mfa-token --region --prompt --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047clear\047:\n  echo --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047rotate\047:\n  echo --no-session -n -t --mfa-token --prompt --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047migrate\047:\n  echo --from --to --delete --dry-run --version -h --help\n  breaksw\ncase \047login\047:\n  echo -d --duration -n --no-session -t --mfa-token --region --prompt --path --stdout -s --backend --secret-service-collection --version -h --help\n  breaksw\ncase \047sso\047:\n  echo --version -h --help\n  breaksw\ncase \047sso login\047:\n  echo --sso-session --no-browser --version -h --help\n  breaksw\ncase \047sso logout\047:\n  echo --sso-session --version -h --help\n  breaksw\ncase \047sso populate\047:\n  echo --sso-session --prefix --region --dry-run --no-browser --version -h --help\n  breaksw\ncase \047doctor\047:\n  echo --backend --secret-service-collection --version -h --help\n  breaksw\ndefault:\n  echo --version -h --help\nendsw\n'
set __vault_complete_arguments = $'set __vault_w = ( $COMMAND_LINE:x )\nset __vault_c = \047\047\nif ($#__vault_w >= 2) then\n  set __vault_c = "$__vault_w[2]"\n  if ($#__vault_w >= 3) then\n    if ("$__vault_c" == config || "$__vault_c" == sso) set __vault_c = "$__vault_c $__vault_w[3]"\n  endif\nendif\nswitch ("$__vault_c")\ncase \047config show\047:\n  \\vault list --profiles\n  breaksw\ncase \047add\047:\n  \\vault list --profiles\n  breaksw\ncase \047remove\047:\n  \\vault list --profiles\n  breaksw\ncase \047env\047:\n  \\vault list --profiles\n  breaksw\ncase \047hook\047:\n  echo bash zsh fish tcsh xonsh elvish\n  breaksw\ncase \047exec\047:\n  \\vault list --profiles\n  breaksw\ncase \047serve\047:\n  \\vault list --profiles\n  breaksw\ncase \047export\047:\n  \\vault list --profiles\n  breaksw\ncase \047clear\047:\n  \\vault list --profiles\n  breaksw\ncase \047rotate\047:\n  \\vault list --profiles\n  breaksw\ncase \047migrate\047:\n  \\vault list --profiles\n  breaksw\ncase \047login\047:\n  \\vault list --profiles\n  breaksw\ncase \047sso login\047:\n  \\vault list --profiles\n  breaksw\ncase \047sso logout\047:\n  \\vault list --profiles\n  breaksw\ncase \047doctor\047:\n  \\vault list --profiles\n  breaksw\ndefault:\n  \nendsw\n'
complete vault \
  'p/1/(list config add remove lock env unset hook allow deny prompt status exec serve export clear rotate migrate login sso doctor)/' \
  'n/config/(show dump)/' \
  'n/sso/(login logout populate)/' \
  'n/--backend/(secret-service file pass aws-vault-file)/' \
  'n/--secret-service-collection/x:<secret-service-collection>/' \
  'n/--duration/x:<duration>/' \
  'n/-d/x:<duration>/' \
  'n/--shell/x:<shell>/' \
  'n/-t/x:<mfa-token>/' \
  'n/--mfa-token/x:<mfa-token>/' \
  'n/--region/x:<region>/' \
  'n/--prompt/x:<prompt>/' \
  'n/--port/x:<port>/' \
  'n/--bind/x:<bind>/' \
  'n/--format/(env export-env json ini)/' \
  'n/--from/(secret-service file pass aws-vault-file)/' \
  'n/--to/(secret-service file pass aws-vault-file)/' \
  'n/--path/x:<path>/' \
  'n/--sso-session/x:<sso-session>/' \
  'n/--prefix/x:<prefix>/' \
  'n/allow/d/' \
  'n/deny/d/' \
  'c/-/`eval $__vault_complete_options:q`/' \
  'p/*/`eval $__vault_complete_arguments:q`/'
