/// The few pieces of Python's string semantics that botocore's config reading
/// depends on (`str.strip`, `str.splitlines`, `shlex.split`), so that vault
/// reads a file exactly as the AWS CLI does. Hand-written because no Swift
/// library reproduces Python's definitions; each follows CPython's documented
/// behaviour.
enum PythonText {
    /// `str.isspace()`: the characters Python's `strip()` removes.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.strip()`.
    static func strip(_ s: Substring.UnicodeScalarView) -> String {
        var start = s.startIndex, end = s.endIndex
        while start < end, isSpace(s[start]) { start = s.index(after: start) }
        while end > start, isSpace(s[s.index(before: end)]) { end = s.index(before: end) }
        return String(Substring(s[start..<end]))
    }

    static func strip(_ s: String) -> String { strip(Substring(s).unicodeScalars) }

    /// The ASCII characters `str.isspace()` accepts.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
    }

    /// `str.rstrip()`.
    static func rstrip(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return end == scalars.endIndex ? s : String(Substring(scalars[scalars.startIndex..<end]))
    }

    /// `str.splitlines()`: the line boundaries Python recognises.
    static func splitLines(_ s: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if scalar == "\n" { continue }
            }
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = scalar == "\r"
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    struct ShlexError: Error {}

    /// `shlex.split(s)` (POSIX mode, no comments).
    static func shlexSplit(_ s: String) throws(ShlexError) -> [String] {
        // Most headers have no quotes or escapes: a plain split gives the same words.
        if !s.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return s.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
                .map { String(Substring($0)) }
        }
        enum State { case between, word, single, double, escape(after: EscapeContext) }
        enum EscapeContext { case word, double }
        var tokens: [String] = []
        var token = String.UnicodeScalarView()
        var quoted = false
        var state = State.between
        let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        for c in s.unicodeScalars {
            switch state {
            case .between, .word:
                if whitespace.contains(c) {
                    if case .word = state {
                        tokens.append(String(token))
                        token = String.UnicodeScalarView()
                        quoted = false
                    }
                    state = .between
                } else if c == "\\" {
                    state = .escape(after: .word)
                } else if c == "'" {
                    quoted = true
                    state = .single
                } else if c == "\"" {
                    quoted = true
                    state = .double
                } else {
                    token.append(c)
                    state = .word
                }
            case .single:
                if c == "'" { state = .word } else { token.append(c) }
            case .double:
                if c == "\"" {
                    state = .word
                } else if c == "\\" {
                    state = .escape(after: .double)
                } else {
                    token.append(c)
                }
            case .escape(let context):
                // Inside double quotes a backslash escapes only `"` and `\`.
                if case .double = context, c != "\"", c != "\\" { token.append("\\") }
                token.append(c)
                state = context == .double ? .double : .word
            }
        }
        switch state {
        case .single, .double, .escape: throw ShlexError()
        case .word: tokens.append(String(token))
        case .between: if quoted { tokens.append(String(token)) }
        }
        return tokens
    }
}
