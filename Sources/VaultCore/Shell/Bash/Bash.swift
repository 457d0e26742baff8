/// bash: `$'…'` quoting, `export`/`unset`, and a `PROMPT_COMMAND` hook.
package struct Bash: Shell {
    package init() {}
    package var kind: ShellKind { .bash }

    package func quote(_ bytes: [UInt8]) -> String { BourneQuoting.quote(bytes) }
    package func export(_ name: String, _ value: String) -> String { "export \(name)=\(quote(value))\n" }
    package func unset(_ name: String) -> String { "unset \(name)\n" }
    package func setLocal(_ name: String, _ value: String) -> String { "\(name)=\(quote(value))\n" }
    package func save(_ names: [String]) -> String { BourneQuoting.save(names) }
    package func restore(_ names: [String], locals: [String]) -> String { BourneQuoting.restore(names, locals: locals) }
    package func wrap(_ body: String) -> String { BourneQuoting.wrap(body) }
    package var hook: String { ShellHooks.bash }
}

/// What bash and zsh share: `$'…'` quoting and the save/restore blocks.
enum BourneQuoting {
    /// Characters that need no quoting in bash or zsh words.
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: ","), UInt8(ascii: "+"), UInt8(ascii: "@"), UInt8(ascii: "%"):
            true
        default:
            false
        }
    }

    /// Plain words as they are; anything else as `$'…'`, where only `'` and `\`
    /// are escaped among printable ASCII and every other byte is `\xHH`, so the
    /// result is ASCII and no byte depends on the locale (as direnv's BashEscape).
    static func quote(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "''" }
        if bytes.allSatisfy(isPlain) { return String(decoding: bytes, as: UTF8.self) }
        var out = "$'"
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "'"): out += "\\'"
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x20...0x7e: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "\\x" + hex(byte)
            }
        }
        return out + "'"
    }

    static func save(_ names: [String]) -> String {
        names.map { n in
            "if [ -n \"${\(n)+x}\" ]; then __vault_old_\(n)=\"$\(n)\"; fi\n"
        }.joined()
    }

    static func restore(_ names: [String], locals: [String]) -> String {
        var s = "if [ -n \"${__vault_active-}\" ]; then\n"
        for n in names {
            s += "  if [ -n \"${__vault_old_\(n)+x}\" ]; then export \(n)=\"$__vault_old_\(n)\"; else unset \(n); fi\n"
        }
        s += "  unset " + (names.map { "__vault_old_" + $0 } + locals).joined(separator: " ") + "\n"
        return s + "fi\n"
    }

    /// Under `set -a` every assignment would be exported, the saved values
    /// too: switch it off for the script and back on after.
    static func wrap(_ body: String) -> String {
        "__vault_a=; case $- in *a*) __vault_a=1; set +a;; esac\n" + body
            + "if [ -n \"$__vault_a\" ]; then set -a; fi; unset __vault_a\n"
    }

    static func hex(_ byte: UInt8) -> String { Hex.encode(CollectionOfOne(byte)) }
}
