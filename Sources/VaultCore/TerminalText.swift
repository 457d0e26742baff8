/// The one sanitiser for text that reaches a terminal (stderr messages, the
/// prompt segment) from a file, the environment or AWS: a `.vaultrc` in a
/// cloned repository must not be able to set the window title, write the
/// clipboard (OSC 52) or move the cursor.
///
/// C0 controls and DEL are shown as `\xHH`, C1 controls (U+0080–U+009F,
/// which some terminals obey as 8-bit CSI/OSC) and the bidirectional
/// overrides (which reorder what a person reads) as `\u{HHHH}`. Invalid UTF-8
/// has already become U+FFFD when the bytes were decoded. Every other
/// printable character is kept as it is.
package enum TerminalText {
    /// One line: newlines and tabs are escaped too.
    package static func line(_ text: some StringProtocol) -> String {
        sanitize(text, keep: [])
    }

    /// Several lines: `\n` and `\t` pass, every other control is escaped.
    package static func lines(_ text: some StringProtocol) -> String {
        sanitize(text, keep: [0x0A, 0x09])
    }

    /// Whether `text` would be changed by `line`.
    package static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { escape($0.value) != nil }
    }

    private static func sanitize(_ text: some StringProtocol, keep: Set<UInt32>) -> String {
        // The common case, nothing to escape, costs one scan and no copy.
        if !text.unicodeScalars.contains(where: { !keep.contains($0.value) && escape($0.value) != nil }) { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !keep.contains(scalar.value), let escaped = escape(scalar.value) {
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func escape(_ value: UInt32) -> String? {
        switch value {
        case 0..<0x20, 0x7F: return "\\x" + hex(value, width: 2)
        case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return "\\u{" + hex(value, width: 4) + "}"
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
