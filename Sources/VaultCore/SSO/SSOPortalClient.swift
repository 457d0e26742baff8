#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The AWS access portal API (`portal.sso.REGION.amazonaws.com`): role
/// credentials, the accounts and roles a person may use, and logout. Every
/// call carries the access token in `x-amz-sso_bearer_token`.
package struct SSOPortalClient: Sendable {
    let wire: SSOWire

    package init(region: String, settings: Settings, transport: HTTPTransport) throws(SSOError) {
        wire = try SSOWire(host: "portal.sso", region: region, override: settings.ssoPortalEndpointOverride, settings: settings, transport: transport)
    }

    package struct Account: Sendable, Equatable {
        package var id: String
        package var name: String
        package var email: String?
    }

    package func roleCredentials(account: String, role: String, accessToken: String) throws -> Credentials {
        let answer = try wire.call(
            "GetRoleCredentials", method: "GET", path: "/federation/credentials",
            query: [("account_id", account), ("role_name", role)], headers: [("x-amz-sso_bearer_token", accessToken)])
        guard let role = answer["roleCredentials"], let id = role["accessKeyId"]?.string,
              let secret = role["secretAccessKey"]?.string, let token = role["sessionToken"]?.string,
              let expiration = role["expiration"]?.double else {
            throw SSOError.malformedResponse(operation: "GetRoleCredentials", endpoint: wire.displayEndpoint, detail: "roleCredentials incomplete")
        }
        // `expiration` is in milliseconds since the epoch.
        return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token,
                           expiration: Date(timeIntervalSince1970: (expiration / 1000).rounded(.down)))
    }

    /// Every account, following `nextToken`.
    package func accounts(accessToken: String) throws -> [Account] {
        try paginate("ListAccounts", path: "/assignment/accounts", query: [], list: "accountList", accessToken: accessToken).compactMap { item in
            guard let id = item["accountId"]?.string else { return nil }
            return Account(id: id, name: item["accountName"]?.string ?? id, email: item["emailAddress"]?.string)
        }
    }

    /// Every role the person has in `account`, following `nextToken`.
    package func roles(account: String, accessToken: String) throws -> [String] {
        try paginate("ListAccountRoles", path: "/assignment/roles", query: [("account_id", account)], list: "roleList", accessToken: accessToken)
            .compactMap { $0["roleName"]?.string }
    }

    /// Ends the portal session of this token (it stops working at once).
    package func logout(accessToken: String) throws {
        _ = try wire.call("Logout", method: "POST", path: "/logout", headers: [("x-amz-sso_bearer_token", accessToken)])
    }

    private func paginate(_ operation: String, path: String, query: [(String, String)], list: String, accessToken: String) throws -> [JSONValue] {
        var items: [JSONValue] = []
        var next: String?
        var pages = 0
        repeat {
            let answer = try wire.call(
                operation, method: "GET", path: path, query: query + (next.map { [("next_token", $0)] } ?? []),
                headers: [("x-amz-sso_bearer_token", accessToken)])
            if case .array(let page)? = answer[list] { items += page }
            let following = answer["nextToken"]?.string
            // A service that hands back the same token would loop forever.
            guard following != next else { break }
            next = following.flatMap { $0.isEmpty ? nil : $0 }
            pages += 1
        } while next != nil && pages < 1000
        return items
    }
}
