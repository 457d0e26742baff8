import ArgumentParser
import VaultCore

extension CompletionKind {
    /// Profile names from the AWS config only; completion never opens a keyring.
    static var profiles: CompletionKind {
        .custom { _, _, _ in ProfileNames.list(settings: .process()) }
    }
}
