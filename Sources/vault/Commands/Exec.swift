import ArgumentParser
import VaultCore

extension Vault {
    struct Exec: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exec",
            abstract: "Run a command with a profile's temporary credentials in its environment.",
            discussion: """
                The command replaces vault (its exit status is the command's). Without one, runs $SHELL. \
                vault's options go before the command; everything from the command on is the command's own \
                (`vault exec prod aws s3 ls --region eu-west-1` passes --region to aws).
                """)

        @Argument(help: "The profile.", completion: .profiles)
        var profile: String

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(parsing: .captureForPassthrough, help: "[vault options] [--] command and its arguments.")
        var command: [String] = []

        /// vault's own options between the profile and the command, as aws-vault
        /// takes them: `vault exec prod -d 2h -- terraform plan`.
        struct Leading: ParsableArguments {
            @OptionGroup var credentialOptions: CredentialOptions
            @OptionGroup var storeOptions: StoreOptions
        }

        /// Every spelling of the `Leading` options that takes a value.
        static let optionsTakingValues = Set((OptionTable.credential + OptionTable.store).filter(\.takesValue)
            .flatMap { [$0.longName] + ($0.shortName.map { [$0] } ?? []) })

        /// Splits the captured words into vault's leading options and the command.
        static func split(_ words: [String]) -> (options: [String], command: [String]) {
            var options: [String] = []
            var index = 0
            while index < words.count {
                let word = words[index]
                if word == "--" { return (options, Array(words[(index + 1)...])) }
                guard word.hasPrefix("-"), word.count > 1 else { break }
                options.append(word)
                let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
                if optionsTakingValues.contains(name), !word.contains("="), index + 1 < words.count {
                    options.append(words[index + 1])
                    index += 1
                }
                index += 1
            }
            return (options, Array(words[index...]))
        }

        func run() throws {
            let settings = Settings.process()
            let (leadingWords, commandWords) = Self.split(command)
            var credentialOptions = self.credentialOptions
            var storeOptions = self.storeOptions
            if !leadingWords.isEmpty {
                let leading: Leading
                do {
                    leading = try Leading.parse(leadingWords)
                } catch {
                    throw ValidationError(Leading.message(for: error))
                }
                credentialOptions.merge(leading.credentialOptions)
                storeOptions.backend = leading.storeOptions.backend ?? storeOptions.backend
                storeOptions.secretServiceCollection = leading.storeOptions.secretServiceCollection ?? storeOptions.secretServiceCollection
            }
            if let current = settings.activeVaultProfile {
                throw CredentialError.nested(current: current)
            }
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            let issued = try service.issue(credentialOptions.request(profile: profile))
            let argv = commandWords.isEmpty ? [settings["SHELL"] ?? "/bin/sh"] : commandWords
            let environment = EnvironmentChange.apply(issued.environmentChanges, to: settings.environment)
            try ProcessReplacement.exec(argv, environment: environment)
        }
    }
}
