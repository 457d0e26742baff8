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
                (`vault exec prod aws s3 ls --region eu-west-1` passes --region to aws). \
                With --server vault stays: the command gets a local URL and token instead of keys, \
                credentials are renewed while it runs, signals are passed on, and vault exits with its status.
                """)

        @Argument(help: "The profile (default: AWS_PROFILE, else pick one on the terminal; then put the command after --).", completion: .profiles)
        var profile: String?

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var modeOptions: ExecModeOptions

        @Argument(parsing: .captureForPassthrough, help: "[vault options] [--] command and its arguments.")
        var command: [String] = []

        /// vault's own options between the profile and the command, as aws-vault
        /// takes them: `vault exec prod -d 2h -- terraform plan`.
        struct Leading: ParsableArguments {
            @OptionGroup var credentialOptions: CredentialOptions
            @OptionGroup var storeOptions: StoreOptions
            @OptionGroup var modeOptions: ExecModeOptions
        }

        /// Every spelling of the `Leading` options that takes a value.
        static let optionsTakingValues = Set((OptionTable.credential + OptionTable.store).filter(\.takesValue)
            .flatMap { [$0.longName] + ($0.shortName.map { [$0] } ?? []) })

        /// `vault exec [opts] -- CMD` names no profile; ArgumentParser cannot
        /// tell an optional profile from the command after `--`, so an empty
        /// profile word is put before the `--` ("" means none, as it does
        /// for AWS_PROFILE).
        static func markingMissingProfile(_ arguments: [String]) -> [String] {
            guard arguments.first == "exec" else { return arguments }
            var index = 1
            while index < arguments.count {
                let word = arguments[index]
                if word == "--" { return Array(arguments[..<index]) + [""] + Array(arguments[index...]) }
                guard word.hasPrefix("-"), word.count > 1 else { return arguments }
                if optionsTakingValues.contains(word) { index += 1 }
                index += 1
            }
            return arguments
        }

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
            var modeOptions = self.modeOptions
            if !leadingWords.isEmpty {
                let leading: Leading
                do {
                    leading = try Leading.parse(leadingWords)
                } catch {
                    throw ValidationError(Leading.message(for: error))
                }
                credentialOptions.merge(leading.credentialOptions)
                modeOptions.merge(leading.modeOptions)
                storeOptions.backend = leading.storeOptions.backend ?? storeOptions.backend
                storeOptions.secretServiceCollection = leading.storeOptions.secretServiceCollection ?? storeOptions.secretServiceCollection
            }
            if let current = settings.activeVaultProfile {
                throw CredentialError.nested(current: current)
            }
            if modeOptions.json && (modeOptions.server || modeOptions.lazy || !commandWords.isEmpty) {
                throw ValidationError("--json prints credentials and runs no command; drop --server/--lazy and the command")
            }
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            let named = self.profile.flatMap { $0.isEmpty ? nil : $0 }
            let profile = try ProfileArgument.resolve(named, settings: settings, command: "exec") { service.keyring }
            let request = try credentialOptions.request(profile: profile)
            let argv = commandWords.isEmpty ? [settings["SHELL"] ?? "/bin/sh"] : commandWords
            if modeOptions.server || modeOptions.lazy {
                let served = try ServedCredentials(service: service, request: request, lazy: modeOptions.lazy)
                try served.exec(argv, base: settings.environment)
            }
            let issued = try service.issue(request)
            if modeOptions.json {
                Output.standardOutput(try ExportFormat.json.render(issued))
                return
            }
            let environment = EnvironmentChange.apply(issued.environmentChanges, to: settings.environment)
            try ProcessReplacement.exec(argv, environment: environment)
        }
    }
}
