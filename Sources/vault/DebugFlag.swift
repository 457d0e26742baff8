import VaultCore

/// `--debug`, accepted before or after the subcommand, on every command. It
/// is taken out of the arguments before parsing, so no command declares it;
/// words from a command vault runs (after `exec`'s command starts, or after
/// `--`) are never taken.
enum DebugFlag {
    static func extract(_ arguments: [String]) -> (enabled: Bool, rest: [String]) {
        var enabled = false
        var rest: [String] = []
        var index = 0
        // Before the subcommand.
        while index < arguments.count, arguments[index] == "--debug" {
            enabled = true
            index += 1
        }
        let isExec = index < arguments.count && arguments[index] == "exec"
        var positionals = 0
        var passing = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if passing {
                rest.append(word)
                continue
            }
            if word == "--debug" {
                enabled = true
                continue
            }
            rest.append(word)
            if word == "--" {
                passing = true
            } else if isExec {
                if Vault.Exec.optionsTakingValues.contains(word), index < arguments.count {
                    rest.append(arguments[index])
                    index += 1
                } else if !word.hasPrefix("-") || word == "-" {
                    // `exec` itself, the profile, then the command: its words are its own.
                    positionals += 1
                    if positionals > 2 { passing = true }
                }
            }
        }
        return (enabled, rest)
    }
}
