#if canImport(Glibc)
import Glibc
#endif

/// Progress and warnings for a person: one `vault: …` line on stderr.
/// Never a secret.
package enum Diagnostics {
    package static func say(_ message: String) {
        var line = "vault: " + message + "\n"
        line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
