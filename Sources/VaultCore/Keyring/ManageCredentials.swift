#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why `vault add` or `vault remove` refused.
package enum CredentialCommandError: VaultError, Equatable {
    case invalidAccessKeyID(String)
    case invalidSecretAccessKey(String)
    case missingVariable(String)
    case hasSourceProfile(profile: String, location: String)
    case noCredentials(String)
    case config(path: String, operation: String, errno: Int32)
    case configNotAsWritten(path: String)

    package var message: String {
        switch self {
        case .invalidAccessKeyID(let detail):
            "that is not an Access Key ID (\(detail)); it is 20 characters, A-Z and 0-9, starting with AKIA"
        case .invalidSecretAccessKey(let detail):
            "that is not a Secret Access Key (\(detail)); it is 40 characters of A-Z, a-z, 0-9, + and /"
        case .missingVariable(let name):
            "--env needs \(name) in the environment"
        case .hasSourceProfile(let profile, let location):
            "profile '\(profile)' has source_profile (\(location)), so it takes its keys from that profile; add the keys to the source profile instead"
        case .noCredentials(let profile):
            "no credentials stored for profile '\(profile)'; see vault list"
        case .config(let path, let operation, let errno):
            "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
        case .configNotAsWritten(let path):
            "\(path) does not hold what vault wrote to it (another program changed it at the same moment?); check it, then run the command again"
        }
    }
}

/// What `vault add` and `vault remove` do, without the terminal and flags.
package enum ManageCredentials {
    /// Checks the shape of a long-term key pair (never echoing the secret).
    package static func validate(accessKeyID: String, secretAccessKey: String) throws {
        let id = accessKeyID.utf8
        guard id.count >= 16, id.count <= 128, id.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) else {
            throw CredentialCommandError.invalidAccessKeyID("got \(id.count) characters")
        }
        guard accessKeyID.hasPrefix("AKIA") else {
            throw CredentialCommandError.invalidAccessKeyID(
                accessKeyID.hasPrefix("ASIA") ? "ASIA… keys are temporary and need a session token" : "it starts with \(accessKeyID.prefix(4))")
        }
        let secret = secretAccessKey.utf8
        let allowed: (UInt8) -> Bool = { c in
            (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x2B || c == 0x2F
        }
        guard secret.count == 40 else { throw CredentialCommandError.invalidSecretAccessKey("got \(secret.count) characters") }
        guard secret.allSatisfy(allowed) else { throw CredentialCommandError.invalidSecretAccessKey("it has other characters") }
    }

    /// Refuses a profile that takes its keys from another (`source_profile`);
    /// returns whether the config has a section for it.
    package static func checkConfig(_ config: ConfigFile, profile: String) throws -> Bool {
        guard let section = config.profiles[profile] else { return false }
        if let entry = section.options["source_profile"] {
            throw CredentialCommandError.hasSourceProfile(profile: profile, location: entry.location.description)
        }
        return true
    }

    /// Stores the keys of `profile` and drops its cached sessions.
    package static func add(_ credentials: Credentials, profile: String, store: CredentialStore) throws {
        try validate(accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey)
        try store.set(profile, credentials)
        try SessionCache(keyring: store.keyring, minimumTTL: 0).clear(profiles: [profile])
    }

    /// Removes the keys of `profile` and its cached sessions.
    package static func remove(profile: String, store: CredentialStore) throws {
        guard try store.remove(profile) else { throw CredentialCommandError.noCredentials(profile) }
        try SessionCache(keyring: store.keyring, minimumTTL: 0).clear(profiles: [profile])
    }
}
