#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--debug` / `VAULT_DEBUG=1`: one `vault: debug: AREA: …` line on stderr
/// per step (config read, chain, cache, HTTP, store, server). Callers pass
/// what is safe to show: never a secret, a token, or a whole key id
/// (`Credentials.redact`). Off, a call costs one Bool test; the message is
/// an autoclosure, built only when on.
package enum Debug {
    /// Set once by the executable before any work (flag or `Settings.debug`).
    nonisolated(unsafe) package static var enabled = false

    package static func log(_ area: String, _ message: @autoclosure () -> String) {
        guard enabled else { return }
        Diagnostics.write("vault: debug: " + area + ": " + message() + "\n")
    }

    /// `12ms` since `start`.
    package static func milliseconds(since start: Date) -> String {
        "\(Int((Date().timeIntervalSince(start) * 1000).rounded()))ms"
    }

    /// `1h2m3s` for a time left (negative: `expired`).
    package static func timeLeft(_ seconds: TimeInterval) -> String {
        guard seconds > 0 else { return "expired" }
        let total = Int(seconds)
        let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60)
        return (h > 0 ? "\(h)h" : "") + (h > 0 || m > 0 ? "\(m)m" : "") + "\(s)s"
    }
}
