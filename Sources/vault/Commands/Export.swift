import ArgumentParser
import VaultCore

extension ExportFormat: ExpressibleByArgument {}

extension Vault {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print a profile's temporary credentials (env, export-env, json, ini).",
            discussion: "`credential_process = vault export --format json PROFILE` in ~/.aws/config works for every AWS SDK.")

        @Argument(help: "The profile.", completion: .profiles)
        var profile: String

        @Option(help: "env, export-env, json (credential_process) or ini.")
        var format: ExportFormat = .env

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            let issued = try service.issue(credentialOptions.request(profile: profile))
            Output.standardOutput(try format.render(issued))
        }
    }
}
