#if canImport(Glibc)
import Glibc
#endif

/// The variables that choose and open the store (aws-vault's names).
extension Settings {
    /// `AWS_VAULT_BACKEND`: `secret-service` or `file`; nil lets vault choose.
    package var keyringBackend: String? { self["AWS_VAULT_BACKEND"] }

    /// `AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME`: the Secret Service collection to use.
    package var secretServiceCollectionName: String? { self["AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME"] }

    /// `AWS_VAULT_FILE_DIR`, else `${XDG_DATA_HOME:-~/.local/share}/vault/keys`.
    package var fileStoreDirectory: String {
        self["AWS_VAULT_FILE_DIR"].map(expandTilde) ?? vaultDataDirectory + "/keys"
    }

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

    /// `AWS_VAULT_FILE_UNLOCK_TTL` in seconds (default 15m); 0 disables the unlock cache.
    package func fileStoreUnlockTTL() throws -> UInt32 {
        guard let text = self["AWS_VAULT_FILE_UNLOCK_TTL"] else { return 15 * 60 }
        guard let seconds = DurationText.parse(text), seconds >= 0, seconds <= Double(Int32.max) else {
            throw KeyringError.invalidUnlockTTL(text)
        }
        return UInt32(seconds)
    }

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
