#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault exec --server` and `vault serve`: credentials through a local
/// server instead of in the environment, renewed while the command runs.
package struct ServedCredentials {
    package let service: CredentialService
    package let request: CredentialRequest
    package let renewing: RenewingCredentials
    package let profile: Profile

    /// Resolves the profile now (a typo fails before anything starts); with
    /// `lazy` false, also fetches the first credentials now, so an MFA prompt
    /// comes before the command runs.
    package init(service: CredentialService, request: CredentialRequest, lazy: Bool) throws {
        self.service = service
        self.request = request
        profile = try service.profile(request.profileName)
        renewing = RenewingCredentials(minimumTTL: try service.settings.minimumTTL()) { [service, request] in
            try service.issue(request)
        }
        if !lazy { _ = try renewing.get() }
    }

    /// The command's environment: no keys, no profile, the server's two variables.
    package func environment(base: [String: String], server: CredentialServer) -> [String: String] {
        var changes: [EnvironmentChange] = (CredentialEnvironment.managed + ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]).map { .unset($0) }
        changes.append(.set("AWS_VAULT", profile.name))
        if let region = request.region ?? profile.region {
            changes.append(.set("AWS_REGION", region))
            changes.append(.set("AWS_DEFAULT_REGION", region))
        }
        for (name, value) in server.environment { changes.append(.set(name, value)) }
        return EnvironmentChange.apply(changes, to: base)
    }

    /// Serves while `argv` runs; ends vault with the command's status.
    package func exec(_ argv: [String], base: [String: String]) throws -> Never {
        let server = try CredentialServer()
        let environment = environment(base: base, server: server)
        Debug.log("server", "listening on 127.0.0.1:\(server.port) for profile '\(profile.name)'")
        SupervisedChild.blockSignals()
        let pid = try SupervisedChild.spawn(argv, environment: environment)
        SupervisedChild.forwardSignals(to: pid)
        server.start(renewing)
        let outcome = SupervisedChild.wait(pid)
        server.stop()
        Debug.log("exec", "command ended with status \(outcome.exitCode); server stopped")
        SupervisedChild.exitLikeChild(outcome)
    }
}
