#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault login`: a sign-in URL for the AWS console, through the federation
/// endpoint (AWS's "custom identity broker" flow, as aws-vault does it).
package struct ConsoleLogin {
    package struct Request: Sendable {
        /// nil: the keys in the environment.
        package var profileName: String?
        /// `-d`: the role's session and the console session (or the federation token).
        package var duration: TimeInterval?
        package var path: String?
        package var region: String?
        package var mfaToken: String?
        /// `--prompt`: the MFA prompt driver.
        package var prompt: String?
        /// `-n`: a role is assumed straight from the stored keys (no GetSessionToken).
        package var noSession: Bool

        package init(
            profileName: String?, duration: TimeInterval? = nil, path: String? = nil, region: String? = nil, mfaToken: String? = nil,
            noSession: Bool = false, prompt: String? = nil
        ) {
            self.prompt = prompt
            self.profileName = profileName
            self.noSession = noSession
            self.duration = duration
            self.path = path
            self.region = region
            self.mfaToken = mfaToken
        }
    }

    package let settings: Settings
    /// Opens the store; called only when a profile is named.
    package let keyring: () throws -> any Keyring
    package let transport: any HTTPTransport
    package var progress: (String) -> Void = Diagnostics.say

    package init(settings: Settings, keyring: @escaping () throws -> any Keyring, transport: any HTTPTransport = CurlTransport.shared) {
        self.settings = settings
        self.keyring = keyring
        self.transport = transport
    }

    /// aws-vault's session policy for GetFederationToken: without one the
    /// federated user has no permissions at all; this lets the user's own
    /// policies decide.
    static let allowAllPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#

    /// The login URL.
    package func url(_ request: Request) throws -> String {
        let seconds = request.duration.map { Int($0) }
        if let seconds, !(900...43200).contains(seconds) { throw OpsError.invalidSessionDuration(seconds: seconds) }

        var credentials: Credentials
        var region = request.region
        var endpointConfig: EndpointConfig
        if let name = request.profileName {
            let service = CredentialService(settings: settings, keyring: try keyring(), transport: transport)
            let target = try service.profile(name)
            // A profile without a role signs in with its user's own keys
            // (through GetFederationToken): a GetSessionToken session cannot sign in.
            let issued = try service.issue(CredentialRequest(
                profileName: name, duration: request.duration, noSession: request.noSession || target.roleARN == nil, mfaToken: request.mfaToken,
                region: request.region, prompt: request.prompt))
            credentials = issued.credentials
            region = issued.region
            endpointConfig = ProviderResolver.endpointConfig(target.keyHolder, target: target)
        } else {
            guard let environment = settings.environmentCredentials else { throw OpsError.noEnvironmentCredentials }
            credentials = environment
            region = region ?? settings.awsRegion
            endpointConfig = EndpointConfig(region: region)
        }

        var sessionDuration = seconds
        if !credentials.isTemporary {
            progress("creating a federated session from the IAM user's keys…")
            let sts = try STSClient(config: endpointConfig, settings: settings, transport: transport)
            let caller = try sts.getCallerIdentity(with: credentials)
            guard let user = IAMUserName.from(arn: caller.arn) else { throw OpsError.notAnIAMUser(arn: caller.arn) }
            credentials = try sts.getFederationToken(
                with: credentials, name: ConsoleURL.federatedUserName(user), durationSeconds: try seconds ?? Int(settings.federationTokenTTL()),
                policy: Self.allowAllPolicy).0
            // A federation token's console session lasts as long as the token.
            sessionDuration = nil
        }

        let endpoints = try ConsoleURL.endpoints(region: region, override: settings.federationEndpoint)
        let token = try signinToken(credentials, federation: endpoints.federation, sessionDuration: sessionDuration)
        return ConsoleURL.login(
            federation: endpoints.federation, destination: ConsoleURL.destination(region: region, path: request.path), token: token)
    }

    /// `Action=getSigninToken`: trades the credentials for a sign-in token.
    /// The endpoint takes them in the query of a GET (as every client sends
    /// it), so this is the one request whose URL holds a secret: only the
    /// endpoint without its query ever goes into a message.
    func signinToken(_ credentials: Credentials, federation: String, sessionDuration: Int?) throws -> String {
        let url = try ConsoleURL.signinTokenRequest(federation: federation, credentials: credentials, sessionDuration: sessionDuration)
        let scheme = URLParts(federation)?.scheme ?? "https"
        let request = HTTPRequest(
            method: "GET", url: url, headers: [("User-Agent", "vault/\(VaultVersion.current)"), ("Accept", "application/json")],
            caBundle: settings.awsCABundle, proxy: settings.proxy(forScheme: scheme), noProxy: settings.noProxy)
        let shown = URLRedaction.redact(federation)
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch let error as TransportError {
            throw AWSError.network(error, endpoint: shown, proxy: request.proxy.map(URLRedaction.redact), attempts: 1)
        }
        guard response.status == 200 else {
            let body = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw OpsError.signinTokenFailed(endpoint: shown, status: response.status, detail: body.isEmpty ? "empty answer" : String(body.trimmedWhitespace))
        }
        struct Answer: Decodable { var SigninToken: String }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: response.body), !answer.SigninToken.isEmpty else {
            throw OpsError.signinTokenFailed(endpoint: shown, status: response.status, detail: "no SigninToken in the answer")
        }
        return answer.SigninToken
    }
}

/// The URLs of console sign-in, per partition.
package enum ConsoleURL {
    package struct Endpoints: Sendable, Equatable {
        package var federation: String
        package var consoleDomain: String
    }

    /// The federation endpoint and console domain of the region's partition
    /// (`VAULT_FEDERATION_ENDPOINT` replaces the former).
    package static func endpoints(region: String?, override: String? = nil) throws -> Endpoints {
        let region = region ?? ""
        var result: Endpoints
        if region.hasPrefix("cn-") {
            result = Endpoints(federation: "https://signin.amazonaws.cn/federation", consoleDomain: "console.amazonaws.cn")
        } else if region.hasPrefix("us-gov-") {
            result = Endpoints(federation: "https://signin.amazonaws-us-gov.com/federation", consoleDomain: "console.amazonaws-us-gov.com")
        } else {
            result = Endpoints(federation: "https://signin.aws.amazon.com/federation", consoleDomain: "console.aws.amazon.com")
        }
        if let override {
            guard let parts = URLParts(override), parts.scheme == "https" || parts.scheme == "http", !parts.hostname.isEmpty else {
                throw OpsError.invalidFederationEndpoint(override)
            }
            result.federation = override
        }
        return result
    }

    /// Where the console opens: the region's console home, or `path` on the region's console.
    package static func destination(region: String?, path: String?) -> String {
        let domain = (try? endpoints(region: region).consoleDomain) ?? "console.aws.amazon.com"
        let trimmed = path.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        guard let region, !region.isEmpty else {
            return "https://\(domain)/" + (trimmed ?? "")
        }
        if let trimmed, !trimmed.isEmpty {
            return "https://\(region).\(domain)/\(trimmed)"
        }
        return "https://\(region).\(domain)/console/home?region=\(region)"
    }

    /// The session JSON the federation endpoint takes: `sessionId`, `sessionKey`, `sessionToken`.
    package static func sessionJSON(_ credentials: Credentials) -> String {
        struct Session: Encodable {
            var sessionId: String
            var sessionKey: String
            var sessionToken: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let session = Session(
            sessionId: credentials.accessKeyID, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken ?? "")
        let data = (try? encoder.encode(session)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `FEDERATION?Action=getSigninToken[&SessionDuration=N]&Session=JSON`.
    package static func signinTokenRequest(federation: String, credentials: Credentials, sessionDuration: Int?) throws -> String {
        var query = "Action=getSigninToken"
        if let sessionDuration { query += "&SessionDuration=\(sessionDuration)" }
        query += "&Session=" + encode(sessionJSON(credentials))
        return federation + (federation.contains("?") ? "&" : "?") + query
    }

    /// `FEDERATION?Action=login&Issuer=vault&Destination=…&SigninToken=…`.
    package static func login(federation: String, destination: String, token: String) -> String {
        federation + (federation.contains("?") ? "&" : "?")
            + "Action=login&Issuer=vault&Destination=\(encode(destination))&SigninToken=\(encode(token))"
    }

    /// GetFederationToken takes names of 2 to 32 characters: the user name cut to 32.
    package static func federatedUserName(_ user: String) -> String {
        String(user.prefix(32))
    }

    static func encode(_ text: String) -> String {
        SigV4Signer.percentEncode(text)
    }
}
