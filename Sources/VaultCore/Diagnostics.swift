#if canImport(Glibc)
import Glibc
#endif

/// Progress and warnings for a person: one `vault: …` line on stderr.
/// Never a secret.
package enum Diagnostics {
    package static func say(_ message: String) {
        write("vault: " + message + "\n")
    }

    /// Text on stderr as it is (the one writer of stderr).
    package static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}
