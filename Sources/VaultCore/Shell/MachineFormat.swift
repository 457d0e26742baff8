#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `vault env --shell json|gha|dotenv`: a profile's variables for programs
/// rather than for an interactive shell. There is no shell to keep earlier
/// values in, so these formats keep no state: `--unset` says which variables
/// to remove.
package enum MachineFormat: String, CaseIterable, Sendable {
    /// `{"set": {NAME: value}, "unset": [NAME]}`, for editors and tools.
    case json
    /// GitHub Actions: `::add-mask::` on stdout for every secret, then the
    /// variables appended to the file `$GITHUB_ENV` names, for later steps.
    case gha
    /// `NAME=value` lines, for `--env-file` and dotenv loaders.
    case dotenv

    /// The variables whose values are secrets (GitHub masks them in logs).
    static let secrets: Set<String> = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]

    /// What a format writes: text for stdout, and for `gha` the entries to
    /// append to `$GITHUB_ENV` once stdout (the masks) is written.
    package struct Output: Equatable, Sendable {
        package var standardOutput: String
        package var githubEnvironment: (path: String, text: String)?

        package static func == (a: Output, b: Output) -> Bool {
            a.standardOutput == b.standardOutput && a.githubEnvironment?.path == b.githubEnvironment?.path
                && a.githubEnvironment?.text == b.githubEnvironment?.text
        }

        /// Appends the `$GITHUB_ENV` entries, if any.
        package func appendGitHubEnvironment() throws {
            guard let (path, text) = githubEnvironment else { return }
            try MachineFormat.append(text, to: path)
        }
    }

    package func render(_ changes: [EnvironmentChange], settings: Settings) throws -> Output {
        switch self {
        case .json:
            let set = changes.compactMap { change -> (String, String)? in
                guard case .set(let name, let value) = change else { return nil }
                return (name, JSONText.quote(value))
            }
            let unset = changes.compactMap { change -> String? in
                guard case .unset(let name) = change else { return nil }
                return JSONText.quote(name)
            }
            let object = JSONText.object([("set", JSONText.object(set, level: 1)), ("unset", "[" + unset.joined(separator: ", ") + "]")])
            return Output(standardOutput: object + "\n")
        case .dotenv:
            return Output(standardOutput: try changes.compactMap { change -> String? in
                guard case .set(let name, let value) = change else { return nil }
                return name + "=" + (try Self.dotenvValue(value, name: name)) + "\n"
            }.joined())
        case .gha:
            guard let path = settings.githubEnvironmentFile else { throw MachineFormatError.noGitHubEnvironmentFile }
            var masks = ""
            var masked: Set<String> = []
            var file = ""
            for change in changes {
                switch change {
                case .set(let name, let value):
                    if Self.secrets.contains(name), masked.insert(value).inserted {
                        masks += "::add-mask::" + Self.workflowCommandData(value) + "\n"
                    }
                    file += try Self.githubEnvironmentEntry(name, value)
                case .unset(let name):
                    // The file cannot remove a variable; an empty value is how
                    // the AWS SDKs and CLI read "unset".
                    file += name + "=\n"
                }
            }
            // The masks reach the runner (stdout) before the values are written.
            return Output(standardOutput: masks, githubEnvironment: (path, file))
        }
    }

    /// `--unset`: every variable a session sets, removed.
    package func renderUnset(settings: Settings) throws -> Output {
        try render(ShellSession.saved.map { .unset($0) }, settings: settings)
    }

    /// Plain when it can be; else single-quoted, which dotenv loaders
    /// (python-dotenv, Node's dotenv, docker compose) take literally, with
    /// no `$` expansion. A value that single quotes cannot carry is refused.
    static func dotenvValue(_ value: String, name: String) throws -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "_@%+=:,./-".unicodeScalars.contains(s)
        }
        if plain { return value }
        guard !value.unicodeScalars.contains(where: { $0 == "'" || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw MachineFormatError.dotenvUnsafe(name: name)
        }
        return "'" + value + "'"
    }

    /// GitHub's multi-line form, `NAME<<DELIMITER`, with a random delimiter
    /// that no value can contain, so no value can add a variable of its own.
    static func githubEnvironmentEntry(_ name: String, _ value: String) throws -> String {
        let delimiter = "ghadelimiter_" + Hex.encode(try Random.bytes(16))
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n"
    }

    /// Workflow-command data escaping (`%`, CR, LF), as GitHub's toolkit does.
    /// Scalar by scalar: as Characters, CR LF is one grapheme that neither
    /// "\r" nor "\n" would match.
    static func workflowCommandData(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MachineFormatError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard FileBytes.writeAll(fd, Data(text.utf8)) else {
            throw MachineFormatError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

package enum MachineFormatError: VaultError, Equatable {
    case noGitHubEnvironmentFile
    case dotenvUnsafe(name: String)
    case cannotWrite(path: String, reason: String)

    package var message: String {
        switch self {
        case .noGitHubEnvironmentFile:
            "--shell gha appends to the file GITHUB_ENV names, and GITHUB_ENV is not set; run it in a GitHub Actions step"
        case .dotenvUnsafe(let name):
            "the value of \(name) holds a quote or a control character, which a dotenv file cannot carry safely; use --shell json"
        case .cannotWrite(let path, let reason):
            "cannot append to \(path) (GITHUB_ENV): \(reason)"
        }
    }
}
