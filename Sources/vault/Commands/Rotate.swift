import ArgumentParser
import VaultCore

extension Vault {
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Replace a profile's stored access key with a new one and delete the old one in IAM.",
            discussion: """
                The key rotated is the one stored for the profile, or for the profile up its source_profile chain \
                that holds the keys. The new key is stored before the old one is deleted, so a failure midway \
                leaves a key that works; the message then says what is left to clean up.
                """)

        @Argument(help: "The profile.", completion: .profiles)
        var profile: String

        @Flag(name: .shortAndLong, help: "Call IAM with the stored keys (or the role assumed from them), without GetSessionToken.")
        var noSession = false

        @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The MFA code, instead of asking.", valueName: "code"))
        var mfaToken: String?

        @Option(help: ArgumentHelp("How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT).", valueName: "driver"))
        var prompt: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            _ = try KeyRotation(service: service).rotate(profile: profile, noSession: noSession, mfaToken: mfaToken, prompt: prompt)
        }
    }
}
