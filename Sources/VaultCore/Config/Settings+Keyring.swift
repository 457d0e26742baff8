#if canImport(Glibc)
import Glibc
#endif

/// The variables that choose and open the store (aws-vault's names).
extension Settings {
    /// `AWS_VAULT_BACKEND`: `secret-service` or `file`; nil lets vault choose.
    package var keyringBackend: String? { self["AWS_VAULT_BACKEND"] }

    /// `AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME`: the Secret Service collection to use.
    package var secretServiceCollectionName: String? { self["AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME"] }

    /// vault's own file store: `VAULT_FILE_DIR`, else `${XDG_DATA_HOME:-~/.local/share}/vault/keys`.
    /// Not `AWS_VAULT_FILE_DIR`: that names aws-vault's store, in another format (README, "Stores").
    package var fileStoreDirectory: String {
        fileStoreDirectoryVariable ?? vaultDataDirectory + "/keys"
    }

    /// `VAULT_FILE_DIR` when set.
    package var fileStoreDirectoryVariable: String? { self["VAULT_FILE_DIR"].map(expandTilde) }

    /// `AWS_VAULT_FILE_DIR` when set: aws-vault's file store (read by the `aws-vault-file` backend).
    package var awsVaultFileDirectoryVariable: String? { self["AWS_VAULT_FILE_DIR"].map(expandTilde) }

    /// aws-vault's file store: `AWS_VAULT_FILE_DIR`, else `~/.awsvault/keys` (aws-vault's default).
    package var awsVaultFileDirectory: String { awsVaultFileDirectoryVariable ?? home + "/.awsvault/keys" }

    /// The `pass` store's folder, as aws-vault finds it: `AWS_VAULT_PASS_PASSWORD_STORE_DIR`,
    /// else `PASSWORD_STORE_DIR`, else `~/.password-store`.
    package var passStoreDirectory: String {
        expandTilde(self["AWS_VAULT_PASS_PASSWORD_STORE_DIR"] ?? self["PASSWORD_STORE_DIR"] ?? "~/.password-store")
    }

    /// `AWS_VAULT_PASS_CMD`: the pass program (default `pass`, found on `PATH`).
    package var passCommand: String { self["AWS_VAULT_PASS_CMD"] ?? "pass" }

    /// `AWS_VAULT_PASS_PREFIX`: the folder inside the store that holds vault's (and aws-vault's) entries.
    package var passPrefix: String { self["AWS_VAULT_PASS_PREFIX"] ?? "" }

    /// `AWS_VAULT_FILE_PASSPHRASE`: the file store's passphrase, instead of asking.
    package var fileStorePassphrase: String? { self["AWS_VAULT_FILE_PASSPHRASE"] }

    /// The variables that hold a secret of vault's own: never passed to a
    /// process vault starts (`vault exec`'s command, credential_process,
    /// mfa_process, the browser).
    package static let secretVariables: Set<String> = ["AWS_VAULT_FILE_PASSPHRASE"]

    /// `environment` without vault's secret variables: what every child gets.
    package static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { !secretVariables.contains($0.key) }
    }

    /// The `envp` of a process vault starts: `childEnvironment(environment)`,
    /// sorted by name, each entry a `strdup` the caller frees. An entry vault
    /// passes on unchanged is copied byte for byte from `own` (vault's own
    /// block), so a name or value that is not UTF-8, which a String holds
    /// only with U+FFFD in place of the bytes, reaches the command as it came.
    package static func childEnvironmentBlock(
        _ environment: [String: String], own: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    ) -> [UnsafeMutablePointer<CChar>?] {
        let child = childEnvironment(environment)
        var first: [String: (value: String, entry: UnsafeMutablePointer<CChar>)] = [:]
        forEachEntry(of: own) { name, value, entry in
            if first[name] == nil { first[name] = (value, entry) }
        }
        return child.sorted { $0.key < $1.key }.map { name, value in
            if let own = first[name], own.value == value { return strdup(own.entry) }
            return strdup(name + "=" + value)
        } + [nil]
    }

    /// `AWS_VAULT_FILE_UNLOCK_TTL` in seconds (default 15m); 0 disables the unlock cache.
    package func fileStoreUnlockTTL() throws -> UInt32 {
        guard let text = self["AWS_VAULT_FILE_UNLOCK_TTL"] else { return 15 * 60 }
        guard let seconds = DurationText.parse(text), seconds >= 0, seconds <= Double(Int32.max) else {
            throw KeyringError.invalidUnlockTTL(text)
        }
        return UInt32(seconds)
    }

    /// `VAULT_SECRET_SERVICE_PROMPT_TIMEOUT` in seconds: how long vault waits
    /// for the Secret Service to complete a prompt. Default 60 s where a
    /// display shows its dialogs (`DISPLAY`, `WAYLAND_DISPLAY`); 10 s headless,
    /// where a prompt that needs no person completes at once and one that
    /// needs a person cannot be answered.
    package func secretServicePromptTimeout() throws -> Double {
        guard let text = self["VAULT_SECRET_SERVICE_PROMPT_TIMEOUT"] else {
            return hasDisplay ? 60 : 10
        }
        guard let seconds = DurationText.parse(text), seconds > 0, seconds <= 3600 else { throw KeyringError.invalidPromptTimeout(text) }
        return seconds
    }

    /// Whether a display may show a keyring daemon's dialogs to a person (`DISPLAY`, `WAYLAND_DISPLAY`).
    package var hasDisplay: Bool { self["DISPLAY"] != nil || self["WAYLAND_DISPLAY"] != nil }

    /// Where the session bus is: `DBUS_SESSION_BUS_ADDRESS`, else the
    /// `$XDG_RUNTIME_DIR/bus` socket that systemd user sessions provide.
    package var sessionBusAddress: String? {
        if let address = self["DBUS_SESSION_BUS_ADDRESS"] { return address }
        if let runtime = self["XDG_RUNTIME_DIR"], access(runtime + "/bus", F_OK) == 0 {
            return "unix:path=" + Self.escapeBusAddressValue(runtime + "/bus")
        }
        return nil
    }

    /// A value in a D-Bus address: bytes outside `[-0-9A-Za-z_/.*]` as `%XX`
    /// (as dbus_address_escape_value does).
    static func escapeBusAddressValue(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16).uppercased().leftPaddedToTwo
            }
        }
        return out
    }
}

extension String {
    fileprivate var leftPaddedToTwo: String { count >= 2 ? self : "0" + self }
}
