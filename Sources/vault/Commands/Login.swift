import ArgumentParser
import VaultCore

extension Vault {
    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: "Open the AWS console signed in with a profile's credentials.",
            discussion: """
                A role's credentials sign in as they are; an IAM user's keys go through GetFederationToken first. \
                Without a profile, the credentials in the environment are used. The URL opens with $BROWSER or \
                xdg-open; --stdout prints it instead (it signs in whoever opens it, for about 15 minutes).
                """)

        @Argument(help: "The profile (default: the credentials in the environment).", completion: .profiles)
        var profile: String?

        @OptionGroup var credentialOptions: CredentialOptions

        @Option(help: ArgumentHelp("The console page to open, e.g. s3/home (default: the console home of the region).", valueName: "path"))
        var path: String?

        @Flag(name: .shortAndLong, help: "Print the URL instead of opening it.")
        var stdout = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            // Credentials in the environment sign in as they are; otherwise a profile is needed.
            var profile = self.profile
            if profile == nil && settings["AWS_ACCESS_KEY_ID"] == nil {
                do {
                    profile = try ProfileArgument.resolve(nil, settings: settings, store: storeOptions.choice, command: "login")
                } catch ProfileChoiceError.noProfile {
                    // No terminal: ConsoleLogin explains both ways out, as before.
                }
            }
            let parsed = try credentialOptions.request(profile: profile ?? "")
            let login = ConsoleLogin(settings: settings, keyring: { try storeOptions.open(settings) })
            let url = try login.url(ConsoleLogin.Request(
                profileName: profile, duration: parsed.duration, path: path, region: parsed.region, mfaToken: parsed.mfaToken,
                noSession: parsed.noSession, prompt: parsed.prompt))
            if stdout {
                Output.standardOutput(url + "\n")
                return
            }
            switch Browser.open(url, settings: settings) {
            case .opened(let command):
                Diagnostics.say("opened the console sign-in URL with \(command)")
            case .notOpened(let reasons):
                Output.standardOutput(url + "\n")
                Diagnostics.say("no browser could be opened (\(reasons.joined(separator: "; "))); open the URL above yourself (set BROWSER, or use --stdout)")
            }
        }
    }
}
