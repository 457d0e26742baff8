import VaultCore
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
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static func exit(_ code: Int32) -> Never {
        Glibc.exit(code)
    }
}
