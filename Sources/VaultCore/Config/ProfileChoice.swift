#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which profile a command uses when none is named: `AWS_PROFILE` (as
/// aws-vault does), else one picked on the terminal, else an error.
package enum ProfileChoice {
    /// `given`, else `AWS_PROFILE`, else the picker on `/dev/tty` (never
    /// stdout: `eval "$(vault env)"` works). `sessions` is asked only for
    /// the picker; a store that cannot be read just shows no sessions.
    package static func resolve(
        _ given: String?, settings: Settings, command: String, sessions: () throws -> [SessionKey]
    ) throws -> String {
        if let given { return given }
        if let fromEnvironment = settings.awsProfile {
            Debug.log("profile", "none named: AWS_PROFILE is '\(fromEnvironment)'")
            return fromEnvironment
        }
        guard let terminal = PickerTerminal.open() else { throw ProfileChoiceError.noProfile(command: command) }
        let entries = try entries(settings: settings, sessions: (try? sessions()) ?? [])
        guard !entries.isEmpty else { throw ProfileChoiceError.noProfiles(path: settings.configFilePath) }
        guard let chosen = ProfilePicker(entries: entries).run(on: terminal) else { throw ProfileChoiceError.cancelled }
        return chosen
    }

    /// The config's profiles in file order, each with its kind and its
    /// cached session's time left.
    static func entries(settings: Settings, sessions: [SessionKey], now: Date = Date()) throws -> [PickerEntry] {
        let file = try settings.loadConfig()
        let resolver = ProfileResolver(file: file, settings: settings)
        return file.profiles.keys.map { name in
            let profile = try? resolver.resolve(name)
            let own = sessions.filter { $0.profile == name && $0.expiration > now }.map(\.expiration).max()
            return PickerEntry(
                name: name, kind: profile.map(kind) ?? "invalid",
                session: own.map { Debug.timeLeft($0.timeIntervalSince(now)) })
        }
    }

    /// What people call a profile's way to credentials.
    static func kind(_ profile: Profile) -> String {
        if profile.roleARN != nil { return "role" }
        if profile["sso_start_url"] != nil || profile["sso_session"] != nil { return "sso" }
        if profile["web_identity_token_file"] != nil { return "web identity" }
        if profile.credentialProcess != nil { return "process" }
        return "keys"
    }
}

package enum ProfileChoiceError: VaultError {
    case noProfile(command: String)
    case noProfiles(path: String)
    case cancelled

    package var message: String {
        switch self {
        case .noProfile(let command):
            "no profile given; name one (vault \(command) PROFILE) or set AWS_PROFILE (on a terminal vault offers a list)"
        case .noProfiles(let path):
            "no profile given and none in \(path); name one, or add one with 'vault add PROFILE'"
        case .cancelled:
            "no profile chosen"
        }
    }

    package var exitCode: Int32 {
        switch self {
        case .noProfile, .noProfiles: 64
        case .cancelled: 130
        }
    }
}
