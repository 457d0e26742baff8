/// tcsh: `$'…'` quoting, `setenv`/`unsetenv`, a `precmd` alias hook.
///
/// What tcsh's syntax forces on the scripts:
/// - They are applied with `eval "`vault env P`"`, and a command
///   substitution turns every newline into a word break that `eval` joins
///   back with a space: a script is one `eval $'…'` word (`wrap`), each of
///   its commands still ending in `;`.
/// - A one-line `if (COND) CMD` substitutes CMD's variables even when COND
///   is false (an undefined one is an error), so CMD is a single-quoted
///   `eval '…'` wherever it reads a variable that may be missing.
/// - `!` is history expansion in anything an interactive tcsh lexes, eval'd
///   text too: it never appears unescaped.
package struct Tcsh: Shell {
    package init() {}
    package var kind: ShellKind { .tcsh }

    /// Plain words as they are; anything else as `$'…'` in which every ASCII
    /// byte but letters, digits and `_./,:+@-` is a three-digit octal escape,
    /// so no `!`, quote, `$` or backquote is ever left to the lexer. In a
    /// UTF-8 locale tcsh reads `\ooo` as a code point, not a byte, and has no
    /// escape for a raw byte: a valid non-ASCII character is written as it
    /// is (tcsh keeps it byte for byte in any locale), and a byte that is not
    /// UTF-8 comes from `printf` in a command substitution (tcsh keeps what
    /// it reads there byte for byte too). Values vault prints are strings, so
    /// only `quote([UInt8])` of such bytes ever starts that process.
    package func quote(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "''" }
        if bytes.allSatisfy(Fish.isPlain) { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var text = "", invalid = ""
        func flush() {
            if !text.isEmpty { out += "$'" + text + "'"; text = "" }
            if !invalid.isEmpty { out += "\"`\\printf '" + invalid + "'`\""; invalid = "" }
        }
        var i = 0
        while i < bytes.count {
            let length = Self.utf8Length(bytes, at: i)
            if length == 0 {
                if !text.isEmpty { flush() }
                invalid += "\\" + Self.octal(bytes[i])
                i += 1
                continue
            }
            if !invalid.isEmpty { flush() }
            let byte = bytes[i]
            if length > 1 {
                text += String(decoding: bytes[i..<i + length], as: UTF8.self)
            } else if Fish.isPlain(byte) {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\" + Self.octal(byte)
            }
            i += length
        }
        flush()
        return out
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no
    /// overlong forms, surrogates or code points above U+10FFFF).
    static func utf8Length(_ bytes: [UInt8], at i: Int) -> Int {
        let (length, second): (Int, ClosedRange<UInt8>)
        switch bytes[i] {
        case 0..<0x80: return 1
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return 0
        }
        guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return 0 }
        return bytes[(i + 2)..<(i + length)].allSatisfy { (0x80...0xBF).contains($0) } ? length : 0
    }

    static func octal(_ byte: UInt8) -> String {
        String(byte >> 6) + String((byte >> 3) & 7) + String(byte & 7)
    }

    package func export(_ name: String, _ value: String) -> String { "setenv \(name) \(quote(value));\n" }
    package func unset(_ name: String) -> String { "unsetenv \(name);\n" }
    package func setLocal(_ name: String, _ value: String) -> String { "set \(name) = \(quote(value));\n" }

    package func save(_ names: [String]) -> String {
        names.map { "if ($?\($0)) eval 'set __vault_old_\($0) = $\($0):q';\n" }.joined()
    }

    package func restore(_ names: [String], locals: [String]) -> String {
        var s = ""
        for n in names {
            s += "if ($?__vault_active && $?__vault_old_\(n)) eval 'setenv \(n) $__vault_old_\(n):q';\n"
            s += "if ($?__vault_active && ! $?__vault_old_\(n)) unsetenv \(n);\n"
        }
        // And the hook's mark that its variables are all defined (some of these are not).
        return s + "if ($?__vault_active) unset " + (names.map { "__vault_old_" + $0 } + locals).joined(separator: " ") + ";\n"
            + "unset __vault_defaulted;\n"
    }

    /// The whole script as one word, `eval $'…'`, quoted as a value is: no
    /// blank or glob character is left in it, so the hook can read vault's
    /// answer with an unquoted `…` (see hook.tcsh); `!` appears only escaped.
    /// The last command sets the status `eval` returns: 0, so that
    /// `eval "`vault env P`" && CMD` runs CMD.
    package func wrap(_ body: String) -> String { "eval " + quote(body + "set status = 0\n") + "\n" }
    package var hook: String { ShellHooks.tcsh }
}

/// Turns `Tcsh/hook.tcsh` into the one line `vault hook tcsh` prints: each
/// `#:: NAME` part into `set NAME = $'…';` (comment lines and indentation
/// dropped: eval'd text in an interactive tcsh has no comments), then
/// `eval $'…'` of the part named `install`; quoted as values are, so the
/// line works with direnv's habit of an unquoted `eval `…`` too.
enum TcshHookLine {
    static func render(_ script: String) -> String {
        var parts: [(name: String, lines: [String])] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.drop { $0 == " " }
            if text.hasPrefix("#:: ") {
                parts.append((String(text.dropFirst(4)), []))
            } else if !text.isEmpty, !text.hasPrefix("#"), !parts.isEmpty {
                parts[parts.count - 1].lines.append(String(text))
            }
        }
        var out = ""
        var install = ""
        for part in parts {
            let body = Tcsh().quote(part.lines.joined(separator: "\n") + "\n")
            if part.name == "install" { install = "eval " + body + "\n" } else { out += "set \(part.name) = \(body); " }
        }
        return out + install
    }
}
