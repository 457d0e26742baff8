import ArgumentParser
import VaultCore

extension Vault {
    struct SSOLogout: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logout",
            abstract: "Sign out of IAM Identity Center and delete the cached token (all cached tokens without a target).",
            discussion: """
                While a token still works, Logout ends its session at IAM Identity Center; the token file is \
                deleted in any case, and vault says what it could not revoke.
                """)

        @OptionGroup var target: SSOTarget

        func run() throws {
            let settings = Settings.process()
            let logout = VaultCore.SSOLogout(settings: settings, transport: CurlTransport.shared)
            let results: [VaultCore.SSOLogout.Result]
            if let session = try target.session(settings: settings) {
                guard let result = try logout.logout(session) else {
                    Diagnostics.say("no cached IAM Identity Center token for \(session.displayName); nothing to do")
                    return
                }
                results = [result]
            } else {
                results = try logout.logoutAll()
                if results.isEmpty { Diagnostics.say("no cached IAM Identity Center tokens; nothing to do") }
            }
            for result in results {
                if result.revoked {
                    Diagnostics.say("signed out of \(result.session): session ended at IAM Identity Center, cached token deleted")
                } else {
                    Diagnostics.say("deleted the cached token for \(result.session), but could not revoke it: \(result.note ?? "")")
                }
            }
        }
    }
}
