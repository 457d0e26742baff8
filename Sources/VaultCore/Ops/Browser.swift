#if canImport(Glibc)
import Glibc
#endif

/// Opens a URL in the person's browser: each `$BROWSER` entry, then `xdg-open`.
package enum Browser {
    package enum Outcome: Sendable, Equatable {
        case opened(command: String)
        /// Nothing could open it; why, per command tried.
        case notOpened(reasons: [String])
    }

    /// The argv of each candidate, `%s` replaced by the URL (else appended).
    static func commands(for url: String, settings: Settings) -> [[String]] {
        (settings.browsers + ["xdg-open"]).map { entry in
            let words = entry.split(separator: " ").map(String.init)
            guard words.contains(where: { $0.contains("%s") }) else { return words + [url] }
            return words.map { $0.replacing("%s", with: url) }
        }
    }

    /// Runs the first candidate found on PATH and waits for it (xdg-open
    /// returns once the browser has the URL). Its output goes to /dev/null so
    /// that a browser that stays open does not hold vault's pipes.
    package static func open(_ url: String, settings: Settings) -> Outcome {
        var reasons: [String] = []
        for argv in commands(for: url, settings: settings) where !argv.isEmpty {
            let name = argv[0]
            guard let path = settings.executable(name) else {
                reasons.append("\(name): not found")
                continue
            }
            let shell = ["/bin/sh", "-c", #""$@" </dev/null >/dev/null 2>&1"#, "sh", path] + argv.dropFirst()
            do {
                let result = try Subprocess.run(shell)
                if result.status == 0 { return .opened(command: name) }
                reasons.append("\(name): exited with status \(result.status)")
            } catch {
                reasons.append("\(name): \((error as? VaultError)?.message ?? "\(error)")")
            }
        }
        return .notOpened(reasons: reasons)
    }
}
