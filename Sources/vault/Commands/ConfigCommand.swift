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

        func run() throws {
            let settings = Settings.process()
            let resolved = try ProfileResolver(file: settings.loadConfig(), settings: settings).resolve(profile)
            let report = ProfileReport(profile: resolved)
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
