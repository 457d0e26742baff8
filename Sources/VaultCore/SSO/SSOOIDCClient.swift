#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The SSO OIDC service (`oidc.REGION.amazonaws.com`): client registration,
/// the device authorization grant (RFC 8628) and token refresh.
package struct SSOOIDCClient: Sendable {
    let wire: SSOWire

    package init(region: String, settings: Settings, transport: HTTPTransport) throws(SSOError) {
        wire = try SSOWire(host: "oidc", region: region, override: settings.ssoOIDCEndpointOverride, settings: settings, transport: transport)
    }

    /// What StartDeviceAuthorization returns: what the person must see and the code to poll with.
    package struct DeviceAuthorization: Sendable {
        package var deviceCode: String
        package var userCode: String
        package var verificationURI: String
        package var verificationURIComplete: String
        package var expiresIn: Int
        /// Seconds between polls; RFC 8628's default is 5.
        package var interval: Int
    }

    /// What CreateToken returns.
    package struct TokenGrant: Sendable {
        package var accessToken: String
        package var expiresIn: Int
        package var refreshToken: String?
    }

    package func registerClient(name: String, scopes: [String], now: Date) throws -> SSORegistration {
        var members: [(String, SSOWire.JSONMember)] = [("clientName", .string(name)), ("clientType", .string("public"))]
        if !scopes.isEmpty { members.append(("scopes", .strings(scopes))) }
        let answer = try wire.call("RegisterClient", method: "POST", path: "/client/register", body: SSOWire.body(members))
        guard let id = answer["clientId"]?.string, let secret = answer["clientSecret"]?.string,
              let expires = answer["clientSecretExpiresAt"]?.double else {
            throw malformed("RegisterClient", "clientId, clientSecret or clientSecretExpiresAt missing")
        }
        return SSORegistration(
            clientID: id, clientSecret: secret, expiresAt: Date(timeIntervalSince1970: expires.rounded(.down)),
            scopes: scopes.isEmpty ? nil : scopes)
    }

    package func startDeviceAuthorization(_ registration: SSORegistration, startURL: String) throws -> DeviceAuthorization {
        let body = SSOWire.body([
            ("clientId", .string(registration.clientID)), ("clientSecret", .string(registration.clientSecret)),
            ("startUrl", .string(startURL)),
        ])
        let answer = try wire.call("StartDeviceAuthorization", method: "POST", path: "/device_authorization", body: body)
        guard let deviceCode = answer["deviceCode"]?.string, let userCode = answer["userCode"]?.string,
              let uri = answer["verificationUri"]?.string else {
            throw malformed("StartDeviceAuthorization", "deviceCode, userCode or verificationUri missing")
        }
        return DeviceAuthorization(
            deviceCode: deviceCode, userCode: userCode, verificationURI: uri,
            verificationURIComplete: answer["verificationUriComplete"]?.string ?? uri,
            expiresIn: answer["expiresIn"]?.int ?? 600, interval: max(answer["interval"]?.int ?? 5, 1))
    }

    /// One poll of the device grant. `SSOFailure` with the OAuth exception
    /// code (`AuthorizationPendingException`, `SlowDownException`,
    /// `ExpiredTokenException`…) when there is no token yet.
    package func createToken(deviceCode: String, registration: SSORegistration) throws -> TokenGrant {
        try createToken([
            ("clientId", .string(registration.clientID)), ("clientSecret", .string(registration.clientSecret)),
            ("grantType", .string("urn:ietf:params:oauth:grant-type:device_code")), ("deviceCode", .string(deviceCode)),
        ])
    }

    package func createToken(refreshToken: String, registration: SSORegistration) throws -> TokenGrant {
        try createToken([
            ("clientId", .string(registration.clientID)), ("clientSecret", .string(registration.clientSecret)),
            ("grantType", .string("refresh_token")), ("refreshToken", .string(refreshToken)),
        ])
    }

    private func createToken(_ members: [(String, SSOWire.JSONMember)]) throws -> TokenGrant {
        let answer = try wire.call("CreateToken", method: "POST", path: "/token", body: SSOWire.body(members))
        guard let access = answer["accessToken"]?.string, let expiresIn = answer["expiresIn"]?.int else {
            throw malformed("CreateToken", "accessToken or expiresIn missing")
        }
        return TokenGrant(accessToken: access, expiresIn: expiresIn, refreshToken: answer["refreshToken"]?.string)
    }

    private func malformed(_ operation: String, _ detail: String) -> SSOError {
        .malformedResponse(operation: operation, endpoint: wire.displayEndpoint, detail: detail)
    }
}
