import ArgumentParser
import VaultCore

extension Vault {
    struct SSOPopulateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "populate",
            abstract: "Write a profile for every account and role an sso-session can reach into the AWS config.",
            discussion: """
                Lists the accounts and roles (ListAccounts, ListAccountRoles) and appends a [profile \
                PREFIX<account name>-<role>] per pair, under a lock and atomically. Existing profiles are left \
                alone, as are pairs some profile of the session already uses. --dry-run prints the change as a \
                unified diff instead.
                """)

        @Option(name: .customLong("sso-session"), help: ArgumentHelp("The [sso-session NAME] (default: the config's only one).", valueName: "name"))
        var ssoSession: String?

        @Option(help: ArgumentHelp("Put this before every new profile's name.", valueName: "prefix"))
        var prefix = ""

        @Option(help: ArgumentHelp("Set this region in every new profile.", valueName: "region"))
        var region: String?

        @Flag(help: "Print the change as a diff; write nothing.")
        var dryRun = false

        @Flag(help: "Print the sign-in URL and code instead of opening a browser, if a sign-in is needed.")
        var noBrowser = false

        func validate() throws {
            if !prefix.isEmpty && !prefix.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) {
                throw ValidationError("--prefix may hold letters, digits and -_. only")
            }
            if let region, region.isEmpty || !region.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                throw ValidationError("--region \(region) is not a region name")
            }
        }

        func run() throws {
            let settings = Settings.process()
            let outcome = try VaultCore.SSOPopulate(settings: settings, transport: CurlTransport.shared).run(
                .init(sessionName: ssoSession, prefix: prefix, region: region, dryRun: dryRun, openBrowser: !noBrowser))
            for (profile, reason) in outcome.skipped {
                Diagnostics.say("left \(profile) alone: \(reason)")
            }
            if dryRun {
                if let diff = outcome.diff { Output.standardOutput(diff) }
                Diagnostics.say("would add \(outcome.added.count) profile\(outcome.added.count == 1 ? "" : "s") to \(settings.configFilePath) (dry run: nothing written)")
            } else {
                Diagnostics.say("added \(outcome.added.count) profile\(outcome.added.count == 1 ? "" : "s") to \(settings.configFilePath)\(outcome.added.isEmpty ? "" : ": " + outcome.added.joined(separator: ", "))")
            }
        }
    }
}
