#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// One finding of `vault doctor`: what was checked, whether it is fine, and
/// for a problem what to do about it.
package struct DoctorCheck: Sendable, Equatable {
    package var name: String
    package var ok: Bool
    package var detail: String
    package var fix: String?

    package static func pass(_ name: String, _ detail: String) -> DoctorCheck {
        DoctorCheck(name: name, ok: true, detail: detail, fix: nil)
    }

    package static func fail(_ name: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(name: name, ok: false, detail: detail, fix: fix)
    }

    /// A failure from a vault error: its message says what happened, then
    /// after the first "; " what to do.
    package static func fail(_ name: String, _ error: Error) -> DoctorCheck {
        let message = (error as? VaultError)?.message ?? "\(error)"
        guard let split = message.ranges(of: "; ").first else { return fail(name, message, fix: "see the message") }
        return fail(name, String(message[..<split.lowerBound]), fix: String(message[split.upperBound...]))
    }

    /// `✓ name: detail` or `✗ name: detail — fix: …`, one line.
    package var line: String {
        ok ? "✓ \(name): \(detail)" : "✗ \(name): \(detail) — fix: \(fix ?? "")"
    }
}

/// `vault doctor`: checks the set-up, one finding per check, without
/// changing anything.
package struct Doctor {
    package let settings: Settings
    package let choice: KeyringChoice
    /// The shell vault runs in (for the hook check).
    package var parentPID: Int32
    package var now: () -> Date = { Date() }
    package var transport: any HTTPTransport = CurlTransport.shared
    package var openKeyring: (KeyringChoice, Settings) throws -> any Keyring = KeyringOpener.open
    /// Why a system library cannot be loaded (nil: it loads).
    package var libraryProblem: (SystemLibrary) -> String? = { $0.loadProblem }

    /// Beyond this, AWS refuses signatures and MFA codes start to fail.
    package static let allowedSkew = 60

    package init(settings: Settings, choice: KeyringChoice, parentPID: Int32) {
        self.settings = settings
        self.choice = choice
        self.parentPID = parentPID
    }

    package func run(profile: String?) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        checks.append(configCheck())
        let (storeCheck, keyring) = store()
        checks.append(storeCheck)
        if let cache = unlockCache(keyring) { checks.append(.pass("unlock cache", cache.summary)) }
        checks.append(hook())
        checks.append(completions())
        checks += SystemLibrary.allCases.map { library($0, libraryProblem($0)) }
        if let keyring { checks.append(expiredSessions(keyring)) }
        if let profile {
            if let keyring {
                checks += self.profile(profile, keyring: keyring)
            } else {
                // No store: the chain can still be checked from the config.
                checks.append(chainFromConfig(profile))
            }
        }
        return checks
    }

    func configCheck() -> DoctorCheck {
        let path = settings.configFilePath
        do {
            let file = try settings.loadConfig()
            guard access(path, F_OK) == 0 else { return .pass("config", "\(path) does not exist (no profiles there)") }
            let count = file.profiles.count
            return .pass("config", "\(path) parses (\(count) profile\(count == 1 ? "" : "s"))")
        } catch {
            return .fail("config", error)
        }
    }

    func store() -> (DoctorCheck, (any Keyring)?) {
        let keyring: any Keyring
        do {
            keyring = try openKeyring(choice, settings)
        } catch {
            return (.fail("store", error), nil)
        }
        let what: String
        if let file = keyring as? FileKeyring {
            what = "file store at \(file.directory)"
        } else if let secret = keyring as? SecretServiceKeyring {
            // Which program answers, and whether the collection is locked: asked
            // before reading, which would unlock it (a change doctor does not make).
            do {
                let status = try secret.status()
                guard let collection = status.collection else {
                    return (.fail("store", "Secret Service from \(status.provider.description): no collection to store in", fix: status.provider.createCollectionHelp), nil)
                }
                what = "Secret Service from \(status.provider.description), collection '\(collection)' \(status.locked ? "locked" : "unlocked")"
                if status.locked {
                    return (.fail("store", what, fix: "unlock it in your keyring manager (\(status.provider.name)) and run vault doctor again"), nil)
                }
            } catch {
                return (.fail("store", error), nil)
            }
        } else {
            what = "store"
        }
        do {
            let names = try keyring.keys()
            let holders = names.filter(KeyName.isCredentials)
            // Reading an item proves the store unlocks, not only that it lists.
            if let first = holders.first { _ = try keyring.get(first) }
            return (.pass("store", "\(what) answers and unlocks (\(holders.count) profile\(holders.count == 1 ? "" : "s") with keys)"), keyring)
        } catch {
            var check = DoctorCheck.fail("store", error)
            check.detail = "\(what): \(check.detail)"
            return (check, nil)
        }
    }

    /// The file store's unlock cache mode (nil for the Secret Service).
    func unlockCache(_ keyring: (any Keyring)?) -> UnlockCacheMode? {
        if let file = keyring as? FileKeyring { return file.unlockCache }
        guard keyring == nil, (choice.backend ?? settings.keyringBackend) == KeyringBackend.file.rawValue else { return nil }
        return UnlockCacheMode.current(ttl: (try? settings.fileStoreUnlockTTL()) ?? 0)
    }

    /// The shell to talk about: the one whose hook is installed, else `$SHELL`'s.
    var shellName: String {
        if let marker = settings.hookMarker, let name = marker.split(separator: ":").first { return String(name) }
        let login = settings.loginShell ?? "bash"
        return String(login.split(separator: "/").last ?? "bash")
    }

    /// As `vault status` tells it: `VAULT_HOOK=SHELL:PID` names this shell.
    func hook() -> DoctorCheck {
        if let shell = settings.installedHookShell(parentPID: parentPID) { return .pass("hook", "installed in this \(shell)") }
        let fix: String
        switch shellName {
        case "zsh": fix = #"add eval "$(vault hook zsh)" to ~/.zshrc and open a new shell"#
        case "fish": fix = "add vault hook fish | source to ~/.config/fish/config.fish and open a new shell"
        case "tcsh": fix = #"add eval "`vault hook tcsh`" to ~/.tcshrc and open a new shell"#
        case "xonsh": fix = "add execx($(vault hook xonsh)) to ~/.xonshrc and open a new shell"
        case "elvish": fix = "run vault hook elvish > ~/.config/elvish/lib/vault.elv, add use vault to ~/.config/elvish/rc.elv and open a new shell"
        default: fix = #"add eval "$(vault hook bash)" to ~/.bashrc and open a new shell"#
        }
        return .fail("hook", "not installed in this shell (\(shellName))", fix: fix)
    }

    /// Where the shell's completion loader looks for vault's completions.
    func completionPaths(for shell: String) -> [String] {
        let dataDirectories = [settings.dataHome] + settings.dataDirectories
        switch shell {
        case "zsh":
            let fpath = (settings["FPATH"] ?? "").split(separator: ":").map { "\($0)/_vault" }
            return fpath + dataDirectories.flatMap { ["\($0)/zsh/site-functions/_vault", "\($0)/zsh/vendor-completions/_vault"] }
        case "fish":
            return ["\(settings.configHome)/fish/completions/vault.fish"]
                + dataDirectories.map { "\($0)/fish/vendor_completions.d/vault.fish" }
        // tcsh looks nowhere by itself: ~/.tcshrc sources the file make install puts here.
        case "tcsh":
            return dataDirectories.map { "\($0)/vault/completions/vault.tcsh" }
        // xonsh has no completion folder; it sources every file in its rc.d folders.
        case "xonsh":
            return ["\(settings.configHome)/xonsh/rc.d/vault.xsh", "/etc/xonsh/rc.d/vault.xsh"]
        case "elvish":
            // Modules elvish's `use vault-completion` finds.
            return (["\(settings.configHome)"] + dataDirectories).map { "\($0)/elvish/lib/vault-completion.elv" }
        default:
            return ["\(settings.bashCompletionUserDirectory)/completions/vault"]
                + dataDirectories.map { "\($0)/bash-completion/completions/vault" } + ["/etc/bash_completion.d/vault"]
        }
    }

    func completions() -> DoctorCheck {
        let shell = shellName
        let paths = completionPaths(for: shell)
        if let found = paths.first(where: { access($0, R_OK) == 0 }) {
            return .pass("completions", "\(shell) completions at \(found)")
        }
        if shell == "tcsh" {
            return .fail("completions", "no tcsh completions for vault found",
                         fix: "install vault's completions/vault.tcsh (make install puts it in PREFIX/share/vault/completions) and source it from ~/.tcshrc")
        }
        if shell == "xonsh" {
            let installed = settings.dataDirectories.map { "\($0)/vault/completions/vault.xsh" as String }.first { path in access(path, R_OK) == 0 }
            return .fail("completions", "no xonsh completions for vault found",
                         fix: "mkdir -p \(settings.configHome)/xonsh/rc.d && cp \(installed ?? "completions/vault.xsh") \(settings.configHome)/xonsh/rc.d/vault.xsh")
        }
        let (folder, file, note): (String, String, String)
        switch shell {
        case "zsh": (folder, file, note) = ("\(settings.dataHome)/zsh/site-functions", "_vault", " (and add that folder to fpath)")
        case "fish": (folder, file, note) = ("\(settings.configHome)/fish/completions", "vault.fish", "")
        default: (folder, file, note) = ("\(settings.bashCompletionUserDirectory)/completions", "vault", "")
        }
        if shell == "elvish" {
            // Written by vault's shell/completion/gen_elvish.py, not by the binary.
            return .fail("completions", "no elvish completions for vault found",
                         fix: "install vault's completions/vault.elv as \(settings.configHome)/elvish/lib/vault-completion.elv and add use vault-completion to rc.elv")
        }
        let script = shell == "zsh" || shell == "fish" ? shell : "bash"
        return .fail(
            "completions", "no \(shell) completions for vault found",
            fix: "mkdir -p \(folder) && vault --generate-completion-script \(script) > \(folder)/\(file)\(note)")
    }

    func library(_ library: SystemLibrary, _ problem: String?) -> DoctorCheck {
        guard let problem else { return .pass(library.rawValue, "loads") }
        return .fail(
            library.rawValue, "cannot be loaded (\(problem)); vault needs it \(library.purpose)",
            fix: "install it (Debian/Ubuntu: apt install \(library.debianPackage))")
    }

    func expiredSessions(_ keyring: any Keyring) -> DoctorCheck {
        guard let sessions = try? keyring.keys().compactMap(SessionKey.init) else {
            return .fail("sessions", "cannot list the cached sessions", fix: "see the store check")
        }
        let now = now()
        let expired = sessions.filter { $0.expiration <= now }
        guard expired.isEmpty else {
            let profiles = Set(expired.map(\.profile)).sorted().joined(separator: ", ")
            return .fail(
                "sessions", "\(expired.count) expired session\(expired.count == 1 ? "" : "s") in the cache (\(profiles))",
                fix: "vault clear")
        }
        return .pass("sessions", "\(sessions.count) cached, none expired")
    }

    func profile(_ name: String, keyring: any Keyring) -> [DoctorCheck] {
        let service = CredentialService(settings: settings, keyring: keyring, transport: transport)
        let target: Profile
        do {
            target = try service.profile(name)
        } catch {
            return [.fail("profile \(name)", error)]
        }
        var checks: [DoctorCheck] = []
        let plan: ChainPlan
        do {
            plan = try service.plan(for: target, options: .init())
            checks.append(.pass("profile \(name)", plan.summary))
        } catch CredentialError.noStoredKeys(let holder) {
            // The profile resolves; what is missing is the keys its chain starts from.
            return [.pass("profile \(name)", "resolves; its chain needs keys"), .fail("keys", CredentialError.noStoredKeys(profile: holder))]
        } catch {
            return [.fail("profile \(name)", error)]
        }
        // The keys checked are the ones the chain starts from.
        guard case .storedKeys(let holder) = plan.source else { return checks + [sourceCheck(plan.source)].compactMap { $0 } }
        let keys: Credentials
        do {
            guard let stored = try service.store.get(holder.name) else { throw CredentialError.noStoredKeys(profile: holder.name) }
            keys = stored
        } catch {
            return checks + [.fail("keys", error)]
        }
        do {
            let sts = try STSClient(config: ProviderResolver.endpointConfig(holder, target: target), settings: settings, transport: transport)
            let sent = now()
            let identity = try sts.getCallerIdentity(with: keys)
            let received = now()
            checks.append(.pass("keys", "\(keys.redactedKeyID) of '\(holder.name)' works (\(identity.arn))"))
            guard let server = identity.serverDate else {
                checks.append(.fail("clock", "AWS sent no Date to compare with", fix: "check the STS endpoint (\(sts.endpoint.url))"))
                return checks
            }
            checks.append(clock(skew: Self.skew(sent: sent, received: received, serverDate: server)))
        } catch let error as AWSError {
            if case .clockSkew(_, let skew) = error {
                checks.append(clock(skew: skew ?? Self.allowedSkew + 1))
            } else {
                checks.append(.fail("keys", error))
            }
        } catch {
            checks.append(.fail("keys", error))
        }
        return checks
    }

    /// An SSO profile's sign-in: the cached token shared with the AWS CLI,
    /// whether vault can renew it without a browser, and what to run if not.
    func ssoToken(_ sso: SSOProfile) -> DoctorCheck {
        let session = sso.session
        let login = session.loginCommand(profile: sso.profile)
        let token: SSOToken?
        do {
            token = try SSOTokenCache(settings: settings).token(for: session).flatMap { $0.startURL == session.startURL ? $0 : nil }
        } catch {
            return .fail("sso token", error)
        }
        guard let token else {
            return .fail("sso token", "not signed in to IAM Identity Center (\(session.displayName))", fix: "run `\(login)`")
        }
        let at = now()
        let until = AWSTime.iso8601(token.expiresAt)
        if token.expiresAt > at {
            let renewal = token.refreshableRegistration(now: at) != nil ? "; renewed with its refresh token when it ends" : ""
            return .pass("sso token", "signed in to \(session.displayName), valid until \(until)\(renewal)")
        }
        if token.refreshableRegistration(now: at) != nil {
            return .pass("sso token", "expired at \(until); vault renews it with its refresh token at next use (no browser)")
        }
        return .fail("sso token", "the sign-in to \(session.displayName) expired at \(until) and cannot be renewed", fix: "run `\(login)`")
    }

    func chainFromConfig(_ name: String) -> DoctorCheck {
        do {
            let target = try ProfileResolver(file: try settings.loadConfig(), settings: settings).resolve(name)
            // Without a store, assume keys only where the source_profile links end.
            let planner = ChainPlanner(settings: settings, options: .init()) { _ in false }
            return .pass("profile \(name)", try planner.plan(for: target).summary + " (store not read)")
        } catch {
            return .fail("profile \(name)", error)
        }
    }

    /// Local clock minus AWS's, in whole seconds: the `Date` header is cut to
    /// the second (so AWS's time was half a second later on average), and is
    /// compared with the middle of the exchange.
    static func skew(sent: Date, received: Date, serverDate: Date) -> Int {
        let local = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
        return Int(local.timeIntervalSince(serverDate.addingTimeInterval(0.5)).rounded())
    }

    func clock(skew: Int) -> DoctorCheck {
        let size = abs(skew)
        if size <= Self.allowedSkew {
            return .pass("clock", "within \(size) s of AWS's")
        }
        let amount = size < 120 ? "\(size) seconds" : size < 7200 ? "\(Int((Double(size) / 60).rounded())) minutes" : "\(size / 3600) hours"
        return .fail(
            "clock", "\(amount) \(skew > 0 ? "ahead of" : "behind") AWS's",
            fix: "set the system clock right (e.g. timedatectl set-ntp true)")
    }
}
