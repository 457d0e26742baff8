import CShims

extension LibSecret {
    /// nil when libsecret (with GLib and GObject) loads; else why not.
    /// For `vault doctor`; the keyring loads it the same way on first use.
    package static func loadError() -> String? {
        var error: UnsafePointer<CChar>?
        guard vault_secret_load(&error) != 0 else { return nil }
        return error.map { String(cString: $0) } ?? "cannot be loaded"
    }
}
