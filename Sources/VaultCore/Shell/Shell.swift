import CShims
#if canImport(Glibc)
import Glibc
#endif

/// The shells vault writes scripts for. Adding a shell is one new file with a
/// type conforming to `Shell`, and one case here.
package enum ShellKind: String, CaseIterable, Sendable {
    case bash, zsh, fish
    case tcsh
    case xonsh
    case elvish

    package var shell: any Shell {
        switch self {
        case .bash: Bash()
        case .zsh: Zsh()
        case .fish: Fish()
        case .tcsh: Tcsh()
        case .xonsh: Xonsh()
        case .elvish: Elvish()
        }
    }

    /// `--shell`, else the shell that runs vault (its parent process, or the
    /// parent's parent when a command substitution forked a subshell), else `$SHELL`.
    package static func detect(explicit: String?, settings: Settings, processName: (Int32) -> String? = ProcessInfoReader.name, parent: (Int32) -> Int32 = ProcessInfoReader.parent) throws(ShellError) -> ShellKind {
        if let explicit {
            guard let kind = ShellKind(name: explicit) else { throw .unsupported(name: explicit) }
            return kind
        }
        var pid = parent(getpid())
        for _ in 0..<3 where pid > 1 {
            // xonsh sets its process title, so its name reads "xonsh -i --rc /": the first word.
            if let name = processName(pid), let kind = ShellKind(name: String(name.prefix { $0 != " " })) { return kind }
            pid = parent(pid)
        }
        if let shellPath = settings.loginShell, let kind = ShellKind(name: shellPath) { return kind }
        throw .undetected
    }

    /// "bash, zsh or fish": the names, for help and error text.
    package static var names: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }

    /// Accepts `bash`, `/usr/bin/zsh`, `-fish` (a login shell's argv[0]).
    package init?(name: String) {
        var base = name.split(separator: "/").last.map(String.init) ?? name
        if base.hasPrefix("-") { base.removeFirst() }
        self.init(rawValue: base)
    }
}

/// Reads `/proc` for shell detection (Linux only, like the rest of vault).
package enum ProcessInfoReader {
    package static func parent(_ pid: Int32) -> Int32 {
        Int32(vault_parent_pid(pid))
    }

    package static func name(_ pid: Int32) -> String? {
        guard let text = FileText.read("/proc/\(pid)/comm") else { return nil }
        let name = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return name.isEmpty ? nil : name
    }

    /// Seconds since boot (CLOCK_BOOTTIME, counts suspend): fish's hook has no
    /// builtin wall clock, but reads /proc/uptime with the `read` builtin.
    package static func uptime() -> Int? {
        guard let text = FileText.read("/proc/uptime") else { return nil }
        return text.split(separator: ".").first.flatMap { Int($0) }
    }
}

/// A script that sets or restores the variables of one credential session, in
/// one shell's syntax. Conformers supply the syntax; the protocol extension
/// puts the pieces together the same way for every shell.
package protocol Shell: Sendable {
    var kind: ShellKind { get }
    /// A word that evaluates to exactly `bytes`, with nothing inside expanded or run.
    func quote(_ bytes: [UInt8]) -> String
    func export(_ name: String, _ value: String) -> String
    func unset(_ name: String) -> String
    /// Sets a shell-local, unexported variable.
    func setLocal(_ name: String, _ value: String) -> String
    /// Keeps the current value (or absence) of each variable in unexported
    /// `__vault_old_NAME` variables.
    func save(_ names: [String]) -> String
    /// Puts back what `save` kept and forgets the session, if one is active.
    func restore(_ names: [String], locals: [String]) -> String
    /// Wraps a script (e.g. to switch off `set -a` so nothing is exported by accident).
    func wrap(_ body: String) -> String
    /// The code for the shell's rc file: the prompt hook and `vault_prompt_info`.
    var hook: String { get }
    /// True for a shell with no builtin wall clock, whose hook reads seconds
    /// since boot from /proc/uptime instead: its session also gets the
    /// expiry and refresh times on that clock (`__vault_*_up`).
    var clockIsUptime: Bool { get }
}

extension Shell {
    package var clockIsUptime: Bool { false }

    package func quote(_ string: String) -> String { quote(Array(string.utf8)) }

    package func render(_ changes: [EnvironmentChange]) -> String {
        changes.map { change in
            switch change {
            case .set(let name, let value): export(name, value)
            case .unset(let name): unset(name)
            }
        }.joined()
    }

    /// `vault env PROFILE`: restore any earlier session, keep what is there
    /// now, then set the credentials and the session's bookkeeping.
    package func activate(_ changes: [EnvironmentChange], session: ShellSession) -> String {
        var body = restore(ShellSession.saved, locals: ShellSession.locals)
        body += save(ShellSession.saved)
        body += render(changes)
        body += export("VAULT_ORIGIN", session.origin)
        for (name, value) in session.locals(uptimeClock: clockIsUptime) {
            body += value.map { setLocal(name, $0) } ?? ""
        }
        return wrap(body)
    }

    /// `vault env --unset`: put back exactly what was there before.
    package func deactivate() -> String {
        wrap(restore(ShellSession.saved, locals: ShellSession.locals))
    }
}

/// The state of one credential session in a shell, kept in unexported
/// `__vault_*` variables (none holds a secret) so the hook can refresh it and
/// `vault_prompt_info` can show it.
package struct ShellSession: Sendable, Equatable {
    package var profile: String
    package var region: String?
    /// `env` for `vault env`, else the absolute path of the `.vaultrc`.
    package var origin: String
    package var expiration: Int?
    package var minimumTTL: Int
    package var duration: Int?
    package var noSession: Bool
    /// Seconds since boot when the script was made, for fish's clock.
    package var uptime: Int?
    package var now: Int

    package init(profile: String, region: String?, origin: String, expiration: Int?, minimumTTL: Int, duration: Int? = nil, noSession: Bool = false, uptime: Int? = nil, now: Int) {
        self.profile = profile
        self.region = region
        self.origin = origin
        self.expiration = expiration
        self.minimumTTL = minimumTTL
        self.duration = duration
        self.noSession = noSession
        self.uptime = uptime
        self.now = now
    }

    /// Variables whose earlier values a session keeps and restores.
    package static let saved = CredentialEnvironment.managed.sorted() + ["VAULT_ORIGIN"]

    /// The session's unexported bookkeeping variables.
    package static let locals = [
        "__vault_active", "__vault_profile", "__vault_region", "__vault_origin", "__vault_expires",
        "__vault_refresh_at", "__vault_expires_up", "__vault_refresh_up", "__vault_duration", "__vault_no_session",
        "__vault_prompt_at", "__vault_show_profile", "__vault_show_region",
    ]

    func locals(uptimeClock: Bool) -> [(String, String?)] {
        var result: [(String, String?)] = [
            ("__vault_active", "1"),
            ("__vault_profile", profile),
            ("__vault_region", region),
            // What the prompt shows: the names with control characters escaped.
            ("__vault_show_profile", TerminalText.line(profile)),
            ("__vault_show_region", region.map(TerminalText.line)),
            ("__vault_origin", origin),
            ("__vault_expires", expiration.map(String.init)),
            ("__vault_refresh_at", expiration.map { String($0 - minimumTTL) }),
            ("__vault_duration", duration.map(String.init)),
            ("__vault_no_session", noSession ? "1" : nil),
        ]
        if uptimeClock, let uptime, let expiration {
            result.append(("__vault_expires_up", String(uptime + expiration - now)))
            result.append(("__vault_refresh_up", String(uptime + expiration - minimumTTL - now)))
        }
        return result
    }
}

/// What can go wrong in the shell integration.
package enum ShellError: VaultError, Equatable {
    case unsupported(name: String)
    case undetected
    case rcSyntax(path: String, line: Int, text: String)
    case rcMissingProfile(path: String)
    case rcDuplicate(path: String, line: Int, key: String)
    case rcUnreadable(path: String, reason: String)
    case rcSymlink(path: String, target: String)
    case rcNotRegular(path: String, kind: String)
    case rcTooLarge(path: String, size: Int)
    case noRCFile(directory: String)
    case trustStore(path: String, reason: String)
    /// A system library the trust list needs (libcrypto) cannot be loaded.
    case systemLibrary(message: String)
    case trustStoreUnsafe(path: String, reason: String)
    case notAllowed(path: String, profile: String?)
    case denied(path: String)
    case unsafePermissions(path: String, reason: String)
    case credentials(profile: String, reason: String)

    package var message: String {
        switch self {
        case .unsupported(let name):
            "unsupported shell '\(name)'; use --shell \(ShellKind.names) (or json, gha, dotenv)"
        case .undetected:
            "cannot tell which shell this is; pass --shell \(ShellKind.names)"
        case .rcSyntax(let path, let line, let text):
            "\(path):\(line): cannot read '\(Self.clip(text))'; expected 'profile = NAME', 'region = NAME', a # comment or a blank line; nothing applied"
        case .rcMissingProfile(let path):
            "\(path) names no profile; add a line 'profile = NAME'"
        case .rcDuplicate(let path, let line, let key):
            "\(path):\(line): '\(key)' is set twice; keep one; nothing applied"
        case .rcUnreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .rcSymlink(let path, let target):
            "\(path) is a symbolic link (to \(target)) and does not share that file's trust; nothing applied; to trust this link run 'vault allow \(LexicalPath.parent(path))'"
        case .rcNotRegular(let path, let kind):
            "\(path) is \(kind), not a regular file, so it is not read; nothing applied; remove it or make it a file"
        case .rcTooLarge(let path, let size):
            "\(path) has \(size) bytes, more than a .vaultrc may have (\(RCFileBytes.maximumSize)), so it is not read; nothing applied"
        case .noRCFile(let directory):
            "no .vaultrc in \(directory) or above it; create one with 'profile = NAME'"
        case .systemLibrary(let message):
            message
        case .trustStore(let path, let reason):
            "cannot update the allow list at \(path): \(reason); check that folder's permissions"
        case .trustStoreUnsafe(let path, let reason):
            "the allow list folder \(path) \(reason), so no .vaultrc is trusted; run 'chmod 700 \(path)' (and make it yours)"
        case .notAllowed(let path, let profile):
            "\(path) is not allowed; run 'vault allow' to use " + (profile.map { "profile \($0)" } ?? "it") + " here"
        case .denied(let path):
            "\(path) is denied; run 'vault allow' in its folder to use it"
        case .unsafePermissions(let path, let reason):
            "\(path) is \(reason), so it is not used; run 'chmod go-w \(path)' (and make it yours)"
        case .credentials(let profile, let reason):
            "cannot get credentials for profile \(profile): \(reason)"
        }
    }

    /// Shows at most 60 characters of a line, with control characters escaped.
    static func clip(_ text: String) -> String {
        let visible = TerminalText.line(text)
        return visible.count > 60 ? String(visible.prefix(57)) + "..." : visible
    }
}

/// Small whole-file reads with POSIX calls (no Foundation on the hook's path).
package enum FileText {
    package static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return FileBytes.readAll(fd).map { Array($0) }
    }

    package static func read(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension ProcessInfoReader {
    package static var currentPID: Int32 { getpid() }
}

/// The working directory, for commands that default to it.
package enum FileSystemPaths {
    package static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The working directory as the shell names it: `$PWD` when it is an
    /// absolute, clean path to this very folder (the check `pwd -L` makes),
    /// else the physical one. Trust is keyed on this, so `vault allow` and
    /// the hook agree on the path inside a symlinked folder.
    package static func logicalDirectory(_ settings: Settings) -> String {
        let physical = currentDirectory()
        guard let pwd = settings.shellWorkingDirectory, pwd.hasPrefix("/"), LexicalPath.clean(pwd) == pwd else { return physical }
        var a = stat(), b = stat()
        guard stat(pwd, &a) == 0, stat(".", &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino else { return physical }
        return pwd
    }
}
