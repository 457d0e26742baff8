#if canImport(Glibc)
import Glibc
#endif

/// Progress and warnings for a person: one `vault: …` line on stderr.
/// Never a secret. Everything written here passes `TerminalText` first: a
/// message may quote a file, the environment or AWS.
package enum Diagnostics {
    package static func say(_ message: String) {
        write("vault: " + TerminalText.line(message) + "\n")
    }

    /// Text on stderr, control characters but newlines and tabs escaped
    /// (the one writer of stderr).
    package static func write(_ text: String) {
        var text = TerminalText.lines(text)
        text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}
