#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `sts:AssumeRole` is asked for.
package struct AssumeRoleRequest: Sendable {
    package var roleARN: String
    package var roleSessionName: String
    package var durationSeconds: Int?
    package var externalID: String?
    package var serialNumber: String?
    package var tokenCode: String?
    package var tags: [(key: String, value: String)]
    package var transitiveTagKeys: [String]
    package var sourceIdentity: String?

    package init(
        roleARN: String, roleSessionName: String, durationSeconds: Int? = nil, externalID: String? = nil,
        serialNumber: String? = nil, tokenCode: String? = nil, tags: [(key: String, value: String)] = [],
        transitiveTagKeys: [String] = [], sourceIdentity: String? = nil
    ) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.externalID = externalID
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
        self.tags = tags
        self.transitiveTagKeys = transitiveTagKeys
        self.sourceIdentity = sourceIdentity
    }
}

/// Who the credentials belong to (`sts:GetCallerIdentity`).
package struct CallerIdentity: Sendable, Equatable {
    package var account: String
    package var arn: String
    package var userID: String
    /// AWS's clock when it answered (the `Date` header), for clock-skew checks.
    package var serverDate: Date?
}

/// The AWS Security Token Service over the query protocol.
package struct STSClient: Sendable {
    package static let apiVersion = "2011-06-15"
    let client: QueryClient

    package var endpoint: Endpoint { client.endpoint }

    package init(
        config: EndpointConfig, settings: Settings, transport: HTTPTransport = CurlTransport.shared,
        options: HTTPOptions = .standard
    ) throws {
        client = QueryClient(
            service: "sts", version: Self.apiVersion, endpoint: try Endpoints.sts(config, settings: settings),
            config: config, settings: settings, transport: transport, options: options)
    }

    /// Temporary credentials for the caller's own keys, with MFA when `serialNumber` is given.
    package func getSessionToken(
        with credentials: Credentials, durationSeconds: Int? = nil, serialNumber: String? = nil, tokenCode: String? = nil
    ) throws -> Credentials {
        var parameters: [(String, String)] = []
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        if let serialNumber { parameters.append(("SerialNumber", serialNumber)) }
        if let tokenCode { parameters.append(("TokenCode", tokenCode)) }
        let (result, _) = try client.call("GetSessionToken", parameters, credentials: credentials)
        return try temporaryCredentials(result, action: "GetSessionToken")
    }

    package func assumeRole(with credentials: Credentials, _ request: AssumeRoleRequest) throws -> Credentials {
        try assumeRoleWithUser(with: credentials, request).credentials
    }

    /// `assumeRole`, also returning the assumed-role ARN (`…:assumed-role/ROLE/SESSION`).
    package func assumeRoleWithUser(with credentials: Credentials, _ request: AssumeRoleRequest) throws -> (credentials: Credentials, assumedRoleARN: String) {
        var parameters: [(String, String)] = [("RoleArn", request.roleARN), ("RoleSessionName", request.roleSessionName)]
        if let value = request.durationSeconds { parameters.append(("DurationSeconds", String(value))) }
        if let value = request.externalID { parameters.append(("ExternalId", value)) }
        if let value = request.serialNumber { parameters.append(("SerialNumber", value)) }
        if let value = request.tokenCode { parameters.append(("TokenCode", value)) }
        for (index, tag) in request.tags.enumerated() {
            parameters.append(("Tags.member.\(index + 1).Key", tag.key))
            parameters.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        for (index, key) in request.transitiveTagKeys.enumerated() {
            parameters.append(("TransitiveTagKeys.member.\(index + 1)", key))
        }
        if let value = request.sourceIdentity { parameters.append(("SourceIdentity", value)) }
        let (result, _) = try client.call("AssumeRole", parameters, credentials: credentials)
        let credentials = try temporaryCredentials(result, action: "AssumeRole")
        let arn = result.child("AssumedRoleUser")?.optional("Arn") ?? ""
        return (credentials, arn)
    }

    /// `sts:AssumeRoleWithWebIdentity`: unsigned, the OIDC token is the
    /// authority. The token goes in the body only, never in an error.
    package func assumeRoleWithWebIdentity(
        roleARN: String, roleSessionName: String, token: String, durationSeconds: Int? = nil
    ) throws -> Credentials {
        var parameters: [(String, String)] = [("RoleArn", roleARN), ("RoleSessionName", roleSessionName), ("WebIdentityToken", token)]
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        let (result, _) = try client.call("AssumeRoleWithWebIdentity", parameters, credentials: nil)
        return try temporaryCredentials(result, action: "AssumeRoleWithWebIdentity")
    }

    package func getCallerIdentity(with credentials: Credentials) throws -> CallerIdentity {
        let (result, response) = try client.call("GetCallerIdentity", [], credentials: credentials)
        let endpoint = client.displayEndpoint
        return CallerIdentity(
            account: try result.required("Account", in: "GetCallerIdentity", endpoint: endpoint),
            arn: try result.required("Arn", in: "GetCallerIdentity", endpoint: endpoint),
            userID: try result.required("UserId", in: "GetCallerIdentity", endpoint: endpoint),
            serverDate: response.headers["date"].flatMap(AWSTime.parseHTTPDate))
    }

    /// Credentials for a federated user (for console sign-in from long-term keys).
    package func getFederationToken(
        with credentials: Credentials, name: String, durationSeconds: Int? = nil, policy: String? = nil
    ) throws -> (Credentials, federatedUserARN: String) {
        var parameters: [(String, String)] = [("Name", name)]
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        if let policy { parameters.append(("Policy", policy)) }
        let (result, _) = try client.call("GetFederationToken", parameters, credentials: credentials)
        let credentials = try temporaryCredentials(result, action: "GetFederationToken")
        let arn = result.child("FederatedUser")?.optional("Arn") ?? ""
        return (credentials, arn)
    }

    /// `<Credentials>` with key, secret, token and expiry, all required.
    private func temporaryCredentials(_ result: XMLElement, action: String) throws -> Credentials {
        let endpoint = client.displayEndpoint
        guard let element = result.child("Credentials") else {
            throw AWSError.malformedResponse(endpoint: endpoint, action: action, status: 200, detail: "no <Credentials> in the answer")
        }
        return Credentials(
            accessKeyID: try element.required("AccessKeyId", in: action, endpoint: endpoint),
            secretAccessKey: try element.required("SecretAccessKey", in: action, endpoint: endpoint),
            sessionToken: try element.required("SessionToken", in: action, endpoint: endpoint),
            expiration: try element.requiredDate("Expiration", in: action, endpoint: endpoint))
    }
}
