import CShims

extension LibSecret {
    /// nil when libdbus and libsecret load; else why not.
    /// For `vault doctor`; the keyring loads them the same way on first use.
    package static func loadError() -> String? {
        vault_ss_load_error().map { String(cString: $0) }
    }
}
