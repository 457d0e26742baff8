/// fish: single quotes with breakouts, `set -gx`/`set -e`, a `fish_prompt` event handler.
package struct Fish: Shell {
    package init() {}
    package var kind: ShellKind { .fish }

    static func isPlain(_ byte: UInt8) -> Bool {
        // As bash's plain set, less `%` (fish's old process expansion).
        byte != UInt8(ascii: "%") && BourneQuoting.isPlain(byte)
    }

    /// Inside fish's single quotes only `\'` and `\\` are escapes; every other
    /// byte outside printable ASCII is written outside the quotes as `\xHH`,
    /// which fish reads as that byte, so the result is ASCII.
    package func quote(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "''" }
        if bytes.allSatisfy(Self.isPlain) { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var quoted = false
        for byte in bytes {
            if (0x20...0x7e).contains(byte) {
                if !quoted { out += "'"; quoted = true }
                switch byte {
                case UInt8(ascii: "'"): out += "\\'"
                case UInt8(ascii: "\\"): out += "\\\\"
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
            } else {
                if quoted { out += "'"; quoted = false }
                out += "\\x" + BourneQuoting.hex(byte)
            }
        }
        return quoted ? out + "'" : out
    }

    package func export(_ name: String, _ value: String) -> String { "set -gx \(name) \(quote(value))\n" }
    package func unset(_ name: String) -> String { "set -e -g \(name)\n" }
    package func setLocal(_ name: String, _ value: String) -> String { "set -g -u \(name) \(quote(value))\n" }

    package func save(_ names: [String]) -> String {
        names.map { "if set -q \($0); set -g -u __vault_old_\($0) $\($0); end\n" }.joined()
    }

    package func restore(_ names: [String], locals: [String]) -> String {
        var s = "if set -q __vault_active\n"
        for n in names {
            s += "  if set -q __vault_old_\(n); set -gx \(n) $__vault_old_\(n); else; set -e -g \(n); end\n"
        }
        for n in names.map({ "__vault_old_" + $0 }) + locals {
            s += "  set -e -g \(n)\n"
        }
        return s + "end\n"
    }

    /// `set -e` of a variable that is not set returns 4, and `source` returns
    /// the script's last status: end on `true`, so that
    /// `vault env P | source; and CMD` runs CMD.
    package func wrap(_ body: String) -> String { body + "true\n" }
    package var hook: String { ShellHooks.fish }
    /// fish has no builtin clock; its hook reads /proc/uptime.
    package var clockIsUptime: Bool { true }
}
