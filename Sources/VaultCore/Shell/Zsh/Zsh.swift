/// zsh: the same `$'…'` quoting as bash; `precmd`/`chpwd` hooks.
package struct Zsh: Shell {
    package init() {}
    package var kind: ShellKind { .zsh }

    package func quote(_ bytes: [UInt8]) -> String { BourneQuoting.quote(bytes) }
    package func export(_ name: String, _ value: String) -> String { "export \(name)=\(quote(value))\n" }
    package func unset(_ name: String) -> String { "unset \(name)\n" }
    /// `typeset -g` so that a script eval'd inside the hook function sets globals.
    package func setLocal(_ name: String, _ value: String) -> String { "typeset -g \(name)=\(quote(value))\n" }
    package func save(_ names: [String]) -> String { BourneQuoting.save(names) }
    package func restore(_ names: [String], locals: [String]) -> String { BourneQuoting.restore(names, locals: locals) }
    package func wrap(_ body: String) -> String { BourneQuoting.wrap(body) }
    package var hook: String { ShellHooks.zsh }
}
