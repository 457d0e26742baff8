/// vault's version, printed by `vault --version` and sent as `User-Agent: vault/VERSION`.
package enum VaultVersion {
    package static let current = "0.1.0"
}
