@testable import VaultCore

/// What the real-shell property tests need to say in each shell: print a
/// list of variables NUL-separated, and run a script file. Adding a shell is
/// adding its case here.
enum ShellDriver {
    /// A script printing each named variable's value followed by a NUL byte.
    static func dump(_ kind: ShellKind, _ names: [String]) -> String {
        let list = names.joined(separator: " ")
        return switch kind {
        case .fish: "for n in \(list); printf '%s\\0' \"$$n\"; end\n"
        case .zsh: "for n in \(list); do printf '%s\\0' \"${(P)n}\"; done\n"
        case .bash: "for n in \(list); do printf '%s\\0' \"${!n}\"; done\n"
        // No indirect expansion in tcsh, and "$V" is an error when V holds a newline: `:q`.
        case .tcsh: names.map { "printf '%s\\0' $\($0):q\n" }.joined()
        // Exported variables: as one child process (printenv) finds them in
        // its environment. With the session's bookkeeping (in xonsh's
        // namespace, not exported) in the list: in-process, each value as
        // subprocess encodes it for a child (os.fsencode).
        case .xonsh where names.allSatisfy({ !$0.hasPrefix("__vault") }): "printenv -0 \(list)\n"
        case .xonsh:
            "for __n in '\(list)'.split():\n    __v = __xonsh__.ctx[__n] if __n in __xonsh__.ctx else ${...}.detype()[__n]\n"
                + "    __import__('sys').stdout.buffer.write(__import__('os').fsencode(__v) + b'\\0')\n"
                + "    __import__('sys').stdout.buffer.flush()\n"
        // Bookkeeping is in the session's map (Elvish.swift), the rest in the environment.
        case .elvish: "for n [\(list)] { if (has-env $n) { print (get-env $n)\"\\x00\" } else { print ($__vault[get])[$n]\"\\x00\" } }\n"
        }
    }

    /// Sets an exported variable to the value of `word`, a word `Shell.quote` made.
    static func assign(_ kind: ShellKind, _ name: String, word: String) -> String {
        switch kind {
        case .fish: "set -gx \(name) \(word)\n"
        case .bash, .zsh: "export \(name)=\(word)\n"
        case .tcsh: "setenv \(name) \(word)\n"
        case .xonsh: "$\(name) = \(word)\n"
        case .elvish: "set-env \(name) \(word)\n"
        }
    }

    /// The program and arguments that run the script at `path` in the shell
    /// itself (not a subshell), so that what it sets is what the dump reads.
    static func run(_ kind: ShellKind, script path: String) -> (String, [String]) {
        switch kind {
        case .fish: ("fish", ["-c", "source \(path)"])
        // `.` reads the file a command at a time; eval of one 1 MB string is slow in bash.
        case .bash, .zsh: (kind.rawValue, ["-c", ". \(path)"])
        case .tcsh: ("tcsh", ["-f", "-c", "source \(path)"])
        case .xonsh: ("xonsh", ["--no-rc", path])
        // The script declares the holder's name, as a script using vault env would.
        case .elvish: ("elvish", ["-norc", "-c", "var __vault = $nil; eval (slurp < \(path))"])
        }
    }
}
