import ArgumentParser
import VaultCore

extension Vault {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve a profile's credentials on a local URL, renewed as they near expiry.",
            discussion: """
                Prints AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN, one NAME=value a line, \
                for `docker run --network host -e …` or any SDK; serves until interrupted. It listens on 127.0.0.1 \
                unless --bind says otherwise (SDKs accept a plain-http URL on loopback only).
                """)

        @Argument(help: "The profile.", completion: .profiles)
        var profile: String

        @Option(help: "The port to listen on (default: a free one).")
        var port: UInt16 = 0

        @Option(help: ArgumentHelp("The address to listen on; anything but loopback lets other machines ask.", valueName: "address"))
        var bind = "127.0.0.1"

        @Flag(help: "Fetch credentials on the first request, not before serving.")
        var lazy = false

        @OptionGroup var credentialOptions: CredentialOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            let served = try ServedCredentials(service: service, request: try credentialOptions.request(profile: profile), lazy: lazy)
            let server = try CredentialServer(address: bind, port: port)
            if !CredentialServer.isLoopback(bind) {
                Output.error("warning: serving credentials on \(bind):\(server.port): anyone who can reach it and has the token gets them")
            }
            SupervisedChild.blockSignals()
            server.start(served.renewing)
            Output.standardOutput(server.environment.map { "\($0.0)=\(POSIXQuote.quote($0.1))\n" }.joined())
            SupervisedChild.waitForTermination()
            server.stop()
        }
    }
}
