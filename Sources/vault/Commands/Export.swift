import ArgumentParser
import VaultCore

extension ExportFormat: ExpressibleByArgument {}

extension Vault {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print a profile's temporary credentials (env, export-env, json, ini).",
            discussion: "`credential_process = vault export --format json PROFILE` in ~/.aws/config works for every AWS SDK.")

        @Argument(help: "The profile (default: AWS_PROFILE, else pick one on the terminal).", completion: .profiles)
        var profile: String?

        @Option(help: "env, export-env, json (credential_process) or ini.")
        var format: ExportFormat = .env

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions

        var hot: HotCommand {
            .export(profile: profile, format: format, credentials: credentialOptions.arguments, store: storeOptions.choice)
        }

        func run() throws { try hot.run() }

        static func run(profile: String?, format: ExportFormat, credentials: CredentialArguments, store: KeyringChoice) throws {
            let settings = Settings.process()
            let profile = try ProfileArgument.resolve(profile, settings: settings, store: store, command: "export")
            let service = CredentialService(settings: settings, keyring: try KeyringOpener.open(store, settings: settings))
            let issued = try service.issue(credentials.request(profile: profile))
            Output.standardOutput(try format.render(issued))
        }
    }
}
