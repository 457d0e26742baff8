function __vault_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __vault_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __vault_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __vault_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __vault_parse_tokens -S
    set -l unparsed_tokens (__vault_tokens -pc)
    switch $unparsed_tokens[1]
    case 'vault'
        __vault_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'list'
            __vault_parse_subcommand 0 'profiles' 'sessions' 'credentials' 'json' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'config'
            __vault_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __vault_parse_subcommand 1 'json' 'd/duration=' 'n/no-session' 'backend=' 'secret-service-collection=' 'version' 'h/help'
            case 'dump'
                __vault_parse_subcommand 0 'json' 'version' 'h/help'
            end
        case 'add'
            __vault_parse_subcommand 1 'env' 'no-add-config' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'remove'
            __vault_parse_subcommand 1 'f/force' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'lock'
            __vault_parse_subcommand 0 'version' 'h/help'
        case 'env'
            __vault_parse_subcommand 1 'shell=' 'unset' 'd/duration=' 'n/no-session' 't/mfa-token=' 'region=' 'prompt=' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'unset'
            __vault_parse_subcommand 0 'shell=' 'version' 'h/help'
        case 'hook'
            __vault_parse_subcommand 1 'version' 'h/help'
        case 'allow'
            __vault_parse_subcommand 1 'version' 'h/help'
        case 'deny'
            __vault_parse_subcommand 1 'version' 'h/help'
        case 'prompt'
            __vault_parse_subcommand 0 'version' 'h/help'
        case 'status'
            __vault_parse_subcommand 0 'version' 'h/help'
        case 'exec'
            __vault_parse_subcommand -r 2 'd/duration=' 'n/no-session' 't/mfa-token=' 'region=' 'prompt=' 'backend=' 'secret-service-collection=' 'server' 'lazy' 'json' 'version' 'h/help'
        case 'serve'
            __vault_parse_subcommand 1 'port=' 'bind=' 'lazy' 'd/duration=' 'n/no-session' 't/mfa-token=' 'region=' 'prompt=' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'export'
            __vault_parse_subcommand 1 'format=' 'd/duration=' 'n/no-session' 't/mfa-token=' 'region=' 'prompt=' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'clear'
            __vault_parse_subcommand 1 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'rotate'
            __vault_parse_subcommand 1 'n/no-session' 't/mfa-token=' 'prompt=' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'migrate'
            __vault_parse_subcommand -r 1 'from=' 'to=' 'delete' 'dry-run' 'version' 'h/help'
        case 'login'
            __vault_parse_subcommand 1 'd/duration=' 'n/no-session' 't/mfa-token=' 'region=' 'prompt=' 'path=' 's/stdout' 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'sso'
            __vault_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'login'
                __vault_parse_subcommand 1 'sso-session=' 'no-browser' 'version' 'h/help'
            case 'logout'
                __vault_parse_subcommand 1 'sso-session=' 'version' 'h/help'
            case 'populate'
                __vault_parse_subcommand 0 'sso-session=' 'prefix=' 'region=' 'dry-run' 'no-browser' 'version' 'h/help'
            end
        case 'doctor'
            __vault_parse_subcommand 1 'backend=' 'secret-service-collection=' 'version' 'h/help'
        case 'help'
            __vault_parse_subcommand -r 1 'version'
        end
    end
end

function __vault_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __vault_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __vault_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __vault_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__vault_tokens -p)
    if test -z "$(__vault_tokens -t)"
        set -l index (count (__vault_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'vault' -f
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'list' -d 'List profiles, their stored credentials and cached sessions.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'config' -d 'Show how vault reads your AWS config.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'add' -d 'Store a profile\'s long-term AWS keys in the keyring.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'remove' -d 'Remove a profile\'s keys and cached sessions from the keyring.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'lock' -d 'Forget the file store\'s unlock key now (the next command asks for the passphrase).'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'env' -d 'Print a script that puts a profile\'s credentials into this shell.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'unset' -d 'Print the script that restores what \'vault env\' replaced (same as \'vault env --unset\').'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'hook' -d 'Print the shell code that applies .vaultrc files and refreshes credentials at each prompt.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'allow' -d 'Trust the .vaultrc in DIR (default: the current folder or the nearest above it).'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'deny' -d 'Stop trusting the .vaultrc in DIR (default: the current folder or the nearest above it).'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'prompt' -d 'Print the prompt segment (profile and time left) for prompt frameworks.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'status' -d 'Show the profile active in this shell, where it came from, the time left, and whether the hook is installed.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'exec' -d 'Run a command with a profile\'s temporary credentials in its environment.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'serve' -d 'Serve a profile\'s credentials on a local URL, renewed as they near expiry.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'export' -d 'Print a profile\'s temporary credentials (env, export-env, json, ini).'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'clear' -d 'Remove cached sessions: all, or a profile\'s and its source chain\'s.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'rotate' -d 'Replace a profile\'s stored access key with a new one and delete the old one in IAM.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'migrate' -d 'Copy (or with --delete, move) long-term keys from one store to another.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'login' -d 'Open the AWS console signed in with a profile\'s credentials.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'sso' -d 'Sign in to IAM Identity Center (AWS SSO), sign out, and write a profile per account and role.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'doctor' -d 'Check the set-up: config, store, hook, completions, libraries, sessions, and a profile\'s chain and clock.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" profiles' -l 'profiles' -d 'Print profile names only, one a line, in file order, without opening a store.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" sessions' -l 'sessions' -d 'Print the cached sessions only: profile, kind, expiry, time left; one a line.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" credentials' -l 'credentials' -d 'Print the profiles whose long-term keys are in the store, one a line.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" json' -l 'json' -d 'Print JSON.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault config" -eq 1' -fa 'show' -d 'Show a resolved profile: each value with where it came from, and its credential chain.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault config" -eq 1' -fa 'dump' -d 'Print the config as parsed, in the shape of botocore\'s profile map.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault config show" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" json' -l 'json' -d 'Print JSON.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" d duration' -l 'duration' -s 'd' -d 'Plan for this --duration, as exec would run it, e.g. 12h.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" n no-session' -l 'no-session' -s 'n' -d 'Plan for --no-session, as exec would run it.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config dump" json' -l 'json' -d 'Print JSON (the only format).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config dump" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault config dump" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault add" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" env' -l 'env' -d 'Take the keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" no-add-config' -l 'no-add-config' -d 'Do not add [profile NAME] to the AWS config file.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault remove" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault remove" f force' -l 'force' -s 'f' -d 'Do not ask for confirmation.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault remove" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault remove" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault remove" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault lock" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault lock" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault env" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" shell' -l 'shell' -d 'bash, zsh, fish, tcsh, xonsh or elvish (default: the shell that runs vault, else $SHELL); or json, gha (GitHub Actions) or dotenv.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" unset' -l 'unset' -d 'Print the script that restores what was there before.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" d duration' -s 'd' -l 'duration' -d 'How long the credentials last, e.g. 1h or 45m.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" n no-session' -s 'n' -l 'no-session' -d 'Skip GetSessionToken: use the stored keys directly (or assume the role from them).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" region' -l 'region' -d 'The region to export, over the profile\'s.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault env" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault unset" shell' -l 'shell' -d 'bash, zsh, fish, tcsh, xonsh or elvish (default: the shell that runs vault, else $SHELL).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault unset" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault unset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault hook" -eq 1' -fka 'bash zsh fish tcsh xonsh elvish'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault hook" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault hook" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault allow" -eq 1' -fa '(__vault_complete_directories)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault allow" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault allow" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault deny" -eq 1' -fa '(__vault_complete_directories)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault deny" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault deny" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault prompt" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault prompt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault status" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault exec" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" d duration' -s 'd' -l 'duration' -d 'How long the credentials last, e.g. 1h or 45m.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" n no-session' -s 'n' -l 'no-session' -d 'Skip GetSessionToken: use the stored keys directly (or assume the role from them).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" region' -l 'region' -d 'The region to export, over the profile\'s.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" server' -l 'server' -d 'Serve credentials on 127.0.0.1 (AWS_CONTAINER_CREDENTIALS_FULL_URI) and renew them while the command runs; no keys in its environment.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" lazy' -l 'lazy' -d 'With the server: fetch credentials on the command\'s first request, not before it starts (implies --server).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" json' -l 'json' -d 'Print the credential_process JSON instead of running a command.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault exec" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault serve" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" port' -l 'port' -d 'The port to listen on (default: a free one).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" bind' -l 'bind' -d 'The address to listen on; anything but loopback lets other machines ask.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" lazy' -l 'lazy' -d 'Fetch credentials on the first request, not before serving.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" d duration' -s 'd' -l 'duration' -d 'How long the credentials last, e.g. 1h or 45m.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" n no-session' -s 'n' -l 'no-session' -d 'Skip GetSessionToken: use the stored keys directly (or assume the role from them).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" region' -l 'region' -d 'The region to export, over the profile\'s.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault export" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" format' -l 'format' -d 'env, export-env, json (credential_process) or ini.' -rfka 'env export-env json ini'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" d duration' -s 'd' -l 'duration' -d 'How long the credentials last, e.g. 1h or 45m.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" n no-session' -s 'n' -l 'no-session' -d 'Skip GetSessionToken: use the stored keys directly (or assume the role from them).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" region' -l 'region' -d 'The region to export, over the profile\'s.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault clear" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault clear" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault clear" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault clear" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault clear" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault rotate" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" n no-session' -l 'no-session' -s 'n' -d 'Call IAM with the stored keys (or the role assumed from them), without GetSessionToken.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault rotate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" from' -l 'from' -d 'Store to copy from: secret-service, file, pass or aws-vault-file (aws-vault\'s file store, AWS_VAULT_FILE_DIR).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" to' -l 'to' -d 'Store to copy to: secret-service, file, pass or aws-vault-file.' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault migrate" -ge 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" delete' -l 'delete' -d 'Remove each profile\'s keys from the source once the target holds them.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" dry-run' -l 'dry-run' -d 'Print what would be copied and removed; change nothing.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault migrate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault login" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" d duration' -s 'd' -l 'duration' -d 'How long the credentials last, e.g. 1h or 45m.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" n no-session' -s 'n' -l 'no-session' -d 'Skip GetSessionToken: use the stored keys directly (or assume the role from them).'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" mfa-token t' -s 't' -l 'mfa-token' -d 'The MFA code, instead of asking.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" region' -l 'region' -d 'The region to export, over the profile\'s.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" prompt' -l 'prompt' -d 'How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" path' -l 'path' -d 'The console page to open, e.g. s3/home (default: the console home of the region).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" s stdout' -l 'stdout' -s 's' -d 'Print the URL instead of opening it.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault login" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault sso" -eq 1' -fa 'login' -d 'Sign in to IAM Identity Center with the device code flow; the token is cached for vault and the AWS CLI.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault sso" -eq 1' -fa 'logout' -d 'Sign out of IAM Identity Center and delete the cached token (all cached tokens without a target).'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault sso" -eq 1' -fa 'populate' -d 'Write a profile for every account and role an sso-session can reach into the AWS config.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault sso login" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso login" sso-session' -l 'sso-session' -d 'An [sso-session NAME] of the config.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso login" no-browser' -l 'no-browser' -d 'Print the sign-in URL and code instead of opening a browser.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso login" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso login" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault sso logout" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso logout" sso-session' -l 'sso-session' -d 'An [sso-session NAME] of the config.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso logout" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso logout" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" sso-session' -l 'sso-session' -d 'The [sso-session NAME] (default: the config\'s only one).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" prefix' -l 'prefix' -d 'Put this before every new profile\'s name.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" region' -l 'region' -d 'Set this region in every new profile.' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" dry-run' -l 'dry-run' -d 'Print the change as a diff; write nothing.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" no-browser' -l 'no-browser' -d 'Print the sign-in URL and code instead of opening a browser, if a sign-in is needed.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault sso populate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_positional "vault doctor" -eq 1' -fka '(vault list --profiles 2>/dev/null)'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault doctor" backend' -l 'backend' -d 'Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).' -rfka 'secret-service file pass aws-vault-file'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault doctor" secret-service-collection' -l 'secret-service-collection' -d 'Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).' -rfka ''
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault doctor" version' -l 'version' -d 'Show the version.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault doctor" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'vault' -n '__vault_should_offer_completions_for_flags_or_options "vault help" version' -l 'version' -d 'Show the version.'
