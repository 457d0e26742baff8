import ArgumentParser
import VaultCore

extension Vault {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show how vault reads your AWS config.",
            subcommands: [Show.self, Dump.self])
    }
}

extension Vault.Config {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a resolved profile: each value with where it came from, and its credential chain.")

        @Argument(help: "The profile to show.", completion: .profiles)
        var profile: String

        @Flag(help: "Print JSON.")
        var json = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Plan for this --duration, as exec would run it, e.g. 12h.", valueName: "duration"))
        var duration: String?

        @Flag(name: .shortAndLong, help: "Plan for --no-session, as exec would run it.")
        var noSession = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let resolved = try ProfileResolver(file: settings.loadConfig(), settings: settings).resolve(profile)
            let request = try CredentialArguments(duration: duration, noSession: noSession).request(profile: profile)
            // The store says which profiles hold keys, which decides where the
            // chain starts; without one the settings are still shown.
            let plan = Result {
                let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
                return try service.plan(for: resolved, options: .init(duration: request.duration, noSession: noSession))
            }
            let report = ProfileReport(profile: resolved, plan: plan)
            Output.standardOutput(json ? report.json() : report.text())
        }
    }

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump",
            abstract: "Print the config as parsed, in the shape of botocore's profile map.")

        @Flag(help: "Print JSON (the only format).")
        var json = false

        func run() throws {
            Output.standardOutput(try Settings.process().loadConfig().dumpJSON())
        }
    }
}
