import ArgumentParser
import VaultCore

extension Vault {
    struct Env: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "env",
            abstract: "Print a script that puts a profile's credentials into this shell.",
            discussion: """
                bash/zsh: eval "$(vault env PROFILE)"   fish: vault env PROFILE | source
                xonsh: execx($(vault env PROFILE))
                The values there before are kept in unexported shell variables; \
                'vault env --unset' (or 'vault unset') puts them back.
                """)

        @Argument(help: "The profile (default: AWS_PROFILE, else pick one on the terminal).", completion: .profiles)
        var profile: String?

        @Option(help: ArgumentHelp(stringLiteral: ShellKind.names + " (default: the shell that runs vault, else $SHELL); or json, gha (GitHub Actions) or dotenv."))
        var shell: String?

        @Flag(help: "Print the script that restores what was there before.")
        var unset = false

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if let problem = Self.problem(profile: profile, unset: unset) { throw ValidationError(problem) }
        }

        /// Why this profile and `--unset` do not go together, if they don't.
        static func problem(profile: String?, unset: Bool) -> String? {
            unset && profile != nil ? "--unset takes no profile" : nil
        }

        var hot: HotCommand {
            .env(profile: profile, shell: shell, unset: unset, credentials: credentialOptions.arguments, store: storeOptions.choice)
        }

        func run() throws { try hot.run() }

        static func run(profile: String?, shell: String?, unset: Bool, credentials: CredentialArguments, store: KeyringChoice) throws {
            let settings = Settings.process()
            if let format = shell.flatMap(MachineFormat.init(rawValue:)) {
                try runMachineFormat(format, profile: profile, credentials: credentials, store: store, settings: settings)
                return
            }
            let kind = try ShellKind.detect(explicit: shell, settings: settings)
            let integration = ShellIntegration(
                settings: settings, shell: kind.shell, issuer: ShellIssuers.service(settings, store))
            if unset {
                Output.standardOutput(integration.deactivate())
                return
            }
            let profile = try ProfileArgument.resolve(profile, settings: settings.withoutActiveSession, store: store, command: "env")
            Output.standardOutput(try integration.activate(try credentials.request(profile: profile), origin: "env"))
        }
    }
}

extension Vault.Env {
    /// `--shell json|gha|dotenv`: the same variables, for a program; no shell state.
    static func runMachineFormat(
        _ format: MachineFormat, profile: String?, credentials: CredentialArguments, store: KeyringChoice, settings: Settings
    ) throws {
        let output: MachineFormat.Output
        if let profile {
            let issued = try ShellIssuers.service(settings, store).issue(try credentials.request(profile: profile))
            output = try format.render(issued.environmentChanges, settings: settings)
        } else {
            output = try format.renderUnset(settings: settings)
        }
        Output.standardOutput(output.standardOutput)
        try output.appendGitHubEnvironment()
    }
}

enum ShellIssuers {
    /// The credential service over the chosen store, opened on first use.
    /// While a session is active its own values are in the environment: the
    /// profile asked for must not take them for the person's settings.
    static func service(_ settings: Settings, _ store: KeyringChoice) -> DeferredIssuer {
        DeferredIssuer {
            let clean = settings.withoutActiveSession
            return CredentialService(settings: clean, keyring: try KeyringOpener.open(store, settings: clean))
        }
    }
}
