import ArgumentParser
import VaultCore

extension CompletionKind {
    /// Profile names from the AWS config only (`vault list --profiles`, which
    /// never opens a keyring and skips the command tree: it runs on every Tab).
    static var profiles: CompletionKind {
        .shellCommand("vault list --profiles 2>/dev/null")
    }
}
