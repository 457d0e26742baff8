#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `credential_source = Environment`: the keys in vault's own environment.
package struct EnvironmentSourceProvider: CredentialProvider {
    package let profile: String
    package let settings: Settings

    package func credentials() throws -> Credentials {
        guard let keys = settings.environmentCredentials else {
            throw CredentialError.sourceFailed(
                profile: profile, source: "Environment", endpoint: "environment", detail: "AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set",
                fix: "set both (and AWS_SESSION_TOKEN for temporary keys) before running vault")
        }
        return keys
    }
}

/// `credential_source = Ec2InstanceMetadata`: the instance role's keys over
/// IMDSv2, as botocore's `IMDSFetcher` asks: PUT a session token, then GET
/// the role name and its credentials with that token. No IMDSv1 fallback.
package struct InstanceMetadataProvider: CredentialProvider {
    package let profile: String
    package let settings: Settings
    package let transport: any HTTPTransport

    /// botocore's token lifetime (6h); the token is used at once and dropped.
    static let tokenTTL = "21600"
    static let rolesPath = "/latest/meta-data/iam/security-credentials/"

    package func credentials() throws -> Credentials {
        let base = settings.instanceMetadataEndpoint
        let fetcher = MetadataFetcher(
            profile: profile, source: "Ec2InstanceMetadata", timeout: settings.metadataTimeout, transport: transport,
            fix: "run vault on an EC2 instance with a role, or point AWS_EC2_METADATA_SERVICE_ENDPOINT at the metadata service")
        if settings.instanceMetadataDisabled {
            throw fetcher.failure(base, "AWS_EC2_METADATA_DISABLED is true")
        }
        let token = try fetcher.text(base + "/latest/api/token", method: "PUT", headers: [("x-aws-ec2-metadata-token-ttl-seconds", Self.tokenTTL)])
        let auth = [("x-aws-ec2-metadata-token", token)]
        let roles = try fetcher.text(base + Self.rolesPath, headers: auth)
        guard let role = roles.split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else {
            throw fetcher.failure(base + Self.rolesPath, "the instance has no IAM role attached")
        }
        let url = base + Self.rolesPath + SigV4Signer.percentEncode(role, spaceAsPlus: false)
        return try fetcher.credentials(url, headers: auth)
    }
}

/// `credential_source = EcsContainer`: botocore's `ContainerProvider`:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on 169.254.170.2, else
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https anywhere; http only to a
/// loopback address or the ECS/EKS agents), with the `Authorization` header
/// from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read each time) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
package struct ContainerCredentialsProvider: CredentialProvider {
    package let profile: String
    package let settings: Settings
    package let transport: any HTTPTransport

    static let agentAddress = "169.254.170.2"
    /// botocore's `ContainerMetadataFetcher._ALLOWED_HOSTS`.
    static let allowedHosts: Set<String> = ["169.254.170.2", "localhost", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"]

    package func credentials() throws -> Credentials {
        let fetcher = MetadataFetcher(
            profile: profile, source: "EcsContainer", timeout: max(settings.metadataTimeout, 2), transport: transport,
            fix: "run vault in an ECS task or EKS pod, or set AWS_CONTAINER_CREDENTIALS_FULL_URI")
        let url: String
        if let relative = settings.containerCredentialsRelativeURI {
            url = "http://\(Self.agentAddress)" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = settings.containerCredentialsFullURI {
            guard Self.allowed(full) else {
                throw fetcher.failure(
                    URLRedaction.redact(full),
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address or one of \(Self.allowedHosts.sorted().joined(separator: ", "))")
            }
            url = full
        } else {
            throw fetcher.failure("environment", "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
        }
        var headers: [(String, String)] = []
        if let token = try authorizationToken(fetcher) { headers.append(("Authorization", token)) }
        return try fetcher.credentials(url, headers: headers)
    }

    private func authorizationToken(_ fetcher: MetadataFetcher) throws -> String? {
        let token: String
        if let path = settings.containerAuthorizationTokenFile {
            token = try TokenFile.read(path, profile: profile, key: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", limit: 16 * 1024)
        } else if let value = settings.containerAuthorizationToken {
            token = value
        } else {
            return nil
        }
        guard !token.contains("\r"), !token.contains("\n") else {
            throw fetcher.failure("environment", "the container authorization token holds a line break, which no header may carry")
        }
        return token
    }

    /// botocore's `_validate_allowed_url`.
    static func allowed(_ url: String) -> Bool {
        guard let parts = URLParts(url) else { return false }
        if parts.scheme == "https" { return true }
        guard parts.scheme == "http" else { return false }
        var host = parts.netloc
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if host.hasPrefix("[") {
            host = String(host.dropFirst().prefix { $0 != "]" })
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        host = host.lowercased()
        if allowedHosts.contains(host) || host == "::1" { return true }
        // Any 127.0.0.0/8 address is loopback (Python's ip_address().is_loopback).
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// The metadata services' shared wire: one bounded attempt, JSON answers as
/// botocore reads them, errors naming the endpoint and never the token.
struct MetadataFetcher {
    let profile: String
    let source: String
    let timeout: Double
    let transport: any HTTPTransport
    let fix: String

    struct Answer: Decodable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    func failure(_ endpoint: String, _ detail: String) -> CredentialError {
        .sourceFailed(profile: profile, source: source, endpoint: endpoint, detail: detail, fix: fix)
    }

    func send(_ url: String, method: String = "GET", headers: [(String, String)]) throws -> Data {
        let request = HTTPRequest(
            method: method, url: url, headers: headers + [("User-Agent", "vault/\(VaultVersion.current)")],
            connectTimeout: timeout, timeout: timeout)
        let shown = URLRedaction.redact(url)
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch let error as TransportError {
            throw failure(shown, error.kind == .timeout ? "no answer within \(Int(timeout)) s" : "\(error.kind): \(error.detail)")
        }
        guard response.status == 200 else {
            throw failure(shown, "HTTP \(response.status)")
        }
        return response.body
    }

    func text(_ url: String, method: String = "GET", headers: [(String, String)]) throws -> String {
        String(decoding: try send(url, method: method, headers: headers), as: UTF8.self)
    }

    func credentials(_ url: String, headers: [(String, String)]) throws -> Credentials {
        let body = try send(url, headers: headers)
        let shown = URLRedaction.redact(url)
        guard let answer = try? JSONDecoder().decode(Answer.self, from: body) else {
            throw failure(shown, "the answer is not JSON with AccessKeyId and SecretAccessKey")
        }
        var expiration: Date?
        if let stamp = answer.Expiration {
            guard let date = RFC3339.date(from: stamp) else { throw failure(shown, "its Expiration is not an RFC 3339 time") }
            expiration = date
        }
        return Credentials(
            accessKeyID: answer.AccessKeyId, secretAccessKey: answer.SecretAccessKey,
            sessionToken: answer.Token.flatMap { $0.isEmpty ? nil : $0 }, expiration: expiration)
    }
}
