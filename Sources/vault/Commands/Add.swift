#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import VaultCore

extension Vault {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Store a profile's long-term AWS keys in the keyring.",
            discussion: "Asks for the Access Key ID and the Secret Access Key on the terminal (the secret is not echoed), or takes AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with --env.")

        @Argument(help: "The profile's name.", completion: .profiles)
        var profile: String

        @Flag(help: "Take the keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
        var env = false

        @Flag(name: .customLong("no-add-config"), help: "Do not add [profile NAME] to the AWS config file.")
        var noAddConfig = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let inConfig = try ManageCredentials.checkConfig(try settings.loadConfig(), profile: profile)
            let keyring = try store.open(settings)
            let credentials = try env ? fromEnvironment(settings) : fromTerminal()
            try ManageCredentials.add(credentials, profile: profile, store: CredentialStore(keyring: keyring))
            if !noAddConfig && !inConfig {
                // Checked again under the lock: a parallel `vault add` may have added it.
                let path = settings.configFilePath
                try ConfigEditor(path: path, settings: settings).edit { bytes in
                    let current = try ConfigFile.parse(bytes ?? Data(), path: path)
                    return current.profiles[profile] == nil ? ConfigEditor.appendingSection(for: profile, to: bytes) : nil
                }
            }
            Output.standardError("Added credentials to profile \"\(profile)\" in the store.\n")
        }

        private func fromEnvironment(_ settings: Settings) throws -> Credentials {
            guard let id = settings["AWS_ACCESS_KEY_ID"] else { throw CredentialCommandError.missingVariable("AWS_ACCESS_KEY_ID") }
            guard let secret = settings["AWS_SECRET_ACCESS_KEY"] else { throw CredentialCommandError.missingVariable("AWS_SECRET_ACCESS_KEY") }
            return Credentials(accessKeyID: id, secretAccessKey: secret)
        }

        private func fromTerminal() throws -> Credentials {
            let terminal = try Terminal.open()
            let id = try terminal.ask("Enter Access Key ID: ", hidden: false)
            try ManageCredentials.validate(accessKeyID: id, secretAccessKey: String(repeating: "A", count: 40))
            let secret = try terminal.ask("Enter Secret Access Key: ", hidden: true)
            return Credentials(accessKeyID: id, secretAccessKey: secret)
        }
    }
}
