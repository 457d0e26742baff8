import VaultCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// stdout for what a command was asked for, stderr for `vault: …` messages.
enum Output {
    static func error(_ message: String) {
        Diagnostics.say(message)
    }

    static func standardError(_ text: String) {
        Diagnostics.write(text)
    }

    /// Writes to stdout in one piece; a command builds its whole output first
    /// so that a failure midway prints nothing.
    static func standardOutput(_ text: String) {
        _ = FileBytes.writeAll(1, Data(text.utf8))
    }

    /// `standardOutput` for output built as bytes (`list --profiles`, on every Tab).
    static func standardOutput(bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { FileBytes.writeAll(1, $0) }
    }

    static func exit(_ code: Int32) -> Never {
        Glibc.exit(code)
    }
}
