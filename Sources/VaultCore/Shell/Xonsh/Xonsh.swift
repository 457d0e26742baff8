/// xonsh: Python string literals, `$NAME = …` / `${...}.pop(…)`, and an
/// `on_pre_prompt_format` event handler. A script is run with
/// `execx($(vault env P))`, whose globals are a fresh dict, so the
/// unexported bookkeeping goes to the session's own namespace,
/// `__xonsh__.ctx`, by name: plain Python globals of the interactive session.
package struct Xonsh: Shell {
    package init() {}
    package var kind: ShellKind { .xonsh }

    /// A Python string literal, ASCII only. xonsh hands a child process its
    /// environment encoded as the file system encoding (UTF-8) with
    /// `surrogateescape`, so a byte that is not part of valid UTF-8 is written
    /// as the lone surrogate `\udcXX`, which encodes back to exactly that byte;
    /// valid UTF-8 becomes `\uXXXX`/`\UXXXXXXXX`, control bytes `\xHH`.
    /// Nothing in a Python literal is expanded (xonsh's `$…` works in
    /// subprocess mode only).
    package func quote(_ bytes: [UInt8]) -> String {
        var out = "'"
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                Self.append(Unicode.UTF8.decode(encoded), to: &out)
            case .error(let length):
                for byte in bytes[offset..<offset + length] { out += "\\udc" + BourneQuoting.hex(byte) }
                offset += length
            case .emptyInput:
                return out + "'"
            }
        }
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case UInt32(UInt8(ascii: "'")): out += "\\'"
        case UInt32(UInt8(ascii: "\\")): out += "\\\\"
        case 0x20...0x7e: out.unicodeScalars.append(scalar)
        case 0..<0x80: out += "\\x" + BourneQuoting.hex(UInt8(scalar.value))
        case 0x80...0xffff: out += "\\u" + hex(scalar.value, digits: 4)
        default: out += "\\U" + hex(scalar.value, digits: 8)
        }
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }

    package func export(_ name: String, _ value: String) -> String { "$\(name) = \(quote(value))\n" }
    package func unset(_ name: String) -> String { "${...}.pop('\(name)', None)\n" }
    package func setLocal(_ name: String, _ value: String) -> String { "__xonsh__.ctx['\(name)'] = \(quote(value))\n" }

    /// Keeps the value object itself (xonsh's environment holds Python
    /// objects, not only strings), so the restore gives back the same.
    /// Loops over the names: xonsh parses a script at about 0.3 ms a line.
    package func save(_ names: [String]) -> String {
        "for __vault_n in \(Self.tuple(names)):\n    if __vault_n in ${...}:\n"
            + "        __xonsh__.ctx['__vault_old_' + __vault_n] = ${...}[__vault_n]\n"
    }

    package func restore(_ names: [String], locals: [String]) -> String {
        "if '__vault_active' in __xonsh__.ctx:\n"
            + "    for __vault_n in \(Self.tuple(names)):\n"
            + "        if '__vault_old_' + __vault_n in __xonsh__.ctx:\n"
            + "            ${...}[__vault_n] = __xonsh__.ctx.pop('__vault_old_' + __vault_n)\n"
            + "        else:\n            ${...}.pop(__vault_n, None)\n"
            + "    for __vault_n in \(Self.tuple(locals)):\n        __xonsh__.ctx.pop(__vault_n, None)\n"
    }

    static func tuple(_ names: [String]) -> String {
        "(" + names.map { "'\($0)', " }.joined() + ")"
    }

    /// Nothing to switch off; a script that ran to its end succeeded
    /// (`execx` raises on any error).
    package func wrap(_ body: String) -> String { body }
    package var hook: String { ShellHooks.xonsh }
}
