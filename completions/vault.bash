#!/bin/bash

__vault_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__vault_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__vault_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__vault_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_vault() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __vault_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|config|add|remove|lock|env|unset|hook|allow|deny|prompt|status|exec|serve|export|clear|rotate|migrate|login|sso|doctor|help)
        # Offer subcommand argument completions
        "_vault_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list config add remove lock env unset hook allow deny prompt status exec serve export clear rotate migrate login sso doctor help' -- "${cur}"))
        ;;
    esac
}

_vault_list() {
    repeating_flags=()
    non_repeating_flags=(--profiles --sessions --credentials --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --secret-service-collection)
    __vault_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac
}

_vault_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|dump)
        # Offer subcommand argument completions
        "_vault_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show dump' -- "${cur}"))
        ;;
    esac
}

_vault_config_show() {
    repeating_flags=()
    non_repeating_flags=(--json --no-session -n --version -h --help)
    repeating_options=()
    non_repeating_options=(--duration -d --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--duration'|'-d')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_config_dump() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0
}

_vault_add() {
    repeating_flags=()
    non_repeating_flags=(--env --no-add-config --version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_remove() {
    repeating_flags=()
    non_repeating_flags=(--force -f --version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_lock() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0
}

_vault_env() {
    repeating_flags=()
    non_repeating_flags=(--unset -n --no-session --version -h --help)
    repeating_options=()
    non_repeating_options=(--shell -d --duration -t --mfa-token --region --prompt --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--shell')
        return
        ;;
    '-d'|'--duration')
        return
        ;;
    '-t'|'--mfa-token')
        return
        ;;
    '--region')
        return
        ;;
    '--prompt')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_unset() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--shell)
    __vault_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--shell')
        return
        ;;
    esac
}

_vault_hook() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W 'bash'$'\n''zsh'$'\n''fish'$'\n''tcsh'$'\n''xonsh'$'\n''elvish'
        return
        ;;
    esac
}

_vault_allow() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -d
        return
        ;;
    esac
}

_vault_deny() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -d
        return
        ;;
    esac
}

_vault_prompt() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0
}

_vault_status() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0
}

_vault_exec() {
    repeating_flags=()
    non_repeating_flags=(-n --no-session --server --lazy --json --version -h --help)
    repeating_options=()
    non_repeating_options=(-d --duration -t --mfa-token --region --prompt --backend --secret-service-collection)
    __vault_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-d'|'--duration')
        return
        ;;
    '-t'|'--mfa-token')
        return
        ;;
    '--region')
        return
        ;;
    '--prompt')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_serve() {
    repeating_flags=()
    non_repeating_flags=(--lazy -n --no-session --version -h --help)
    repeating_options=()
    non_repeating_options=(--port --bind -d --duration -t --mfa-token --region --prompt --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--port')
        return
        ;;
    '--bind')
        return
        ;;
    '-d'|'--duration')
        return
        ;;
    '-t'|'--mfa-token')
        return
        ;;
    '--region')
        return
        ;;
    '--prompt')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_export() {
    repeating_flags=()
    non_repeating_flags=(-n --no-session --version -h --help)
    repeating_options=()
    non_repeating_options=(--format -d --duration -t --mfa-token --region --prompt --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __vault_add_completions -W 'env'$'\n''export-env'$'\n''json'$'\n''ini'
        return
        ;;
    '-d'|'--duration')
        return
        ;;
    '-t'|'--mfa-token')
        return
        ;;
    '--region')
        return
        ;;
    '--prompt')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_clear() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_rotate() {
    repeating_flags=()
    non_repeating_flags=(--no-session -n --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --mfa-token --prompt --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--mfa-token')
        return
        ;;
    '--prompt')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_migrate() {
    repeating_flags=()
    non_repeating_flags=(--delete --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to)
    __vault_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--to')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_login() {
    repeating_flags=()
    non_repeating_flags=(-n --no-session --stdout -s --version -h --help)
    repeating_options=()
    non_repeating_options=(-d --duration -t --mfa-token --region --prompt --path --backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-d'|'--duration')
        return
        ;;
    '-t'|'--mfa-token')
        return
        ;;
    '--region')
        return
        ;;
    '--prompt')
        return
        ;;
    '--path')
        return
        ;;
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_sso() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    login|logout|populate)
        # Offer subcommand argument completions
        "_vault_sso_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'login logout populate' -- "${cur}"))
        ;;
    esac
}

_vault_sso_login() {
    repeating_flags=()
    non_repeating_flags=(--no-browser --version -h --help)
    repeating_options=()
    non_repeating_options=(--sso-session)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--sso-session')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_sso_logout() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--sso-session)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--sso-session')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_sso_populate() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --no-browser --version -h --help)
    repeating_options=()
    non_repeating_options=(--sso-session --prefix --region)
    __vault_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--sso-session')
        return
        ;;
    '--prefix')
        return
        ;;
    '--region')
        return
        ;;
    esac
}

_vault_doctor() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --secret-service-collection)
    __vault_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __vault_add_completions -W 'secret-service'$'\n''file'$'\n''pass'$'\n''aws-vault-file'
        return
        ;;
    '--secret-service-collection')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __vault_add_completions -W "$(eval 'vault list --profiles 2>/dev/null')"
        return
        ;;
    esac
}

_vault_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __vault_offer_flags_options -1
}

complete -o filenames -F _vault vault
