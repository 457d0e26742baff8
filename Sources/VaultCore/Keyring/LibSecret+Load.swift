import CShims

extension LibSecret {
    /// nil when libdbus, which every Secret Service call (and prompt) goes through, loads; else why not.
    /// For `vault doctor`; the keyring loads it the same way on first use.
    package static func busLoadError() -> String? {
        vault_ss_bus_load_error().map { String(cString: $0) }
    }
}
