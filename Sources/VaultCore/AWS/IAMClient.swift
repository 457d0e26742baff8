#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An IAM user (`iam:GetUser`).
package struct IAMUser: Sendable, Equatable {
    package var userName: String
    package var userID: String
    package var arn: String
    package var createDate: Date?
}

/// An access key's metadata (`iam:ListAccessKeys`); never the secret.
package struct AccessKeyMetadata: Sendable, Equatable {
    package var userName: String
    package var accessKeyID: String
    /// `Active` or `Inactive`.
    package var status: String
    package var createDate: Date?
}

/// The parts of IAM vault uses: who am I, and rotating my access keys.
package struct IAMClient: Sendable {
    package static let apiVersion = "2010-05-08"
    let client: QueryClient

    package var endpoint: Endpoint { client.endpoint }

    package init(
        config: EndpointConfig, settings: Settings, transport: HTTPTransport = CurlTransport.shared,
        options: HTTPOptions = .standard
    ) throws {
        client = QueryClient(
            service: "iam", version: Self.apiVersion, endpoint: try Endpoints.iam(config, settings: settings),
            config: config, settings: settings, transport: transport, options: options)
    }

    /// The user the credentials belong to (or `userName`).
    package func getUser(with credentials: Credentials, userName: String? = nil) throws -> IAMUser {
        let (result, _) = try client.call("GetUser", userName.map { [("UserName", $0)] } ?? [], credentials: credentials)
        let endpoint = client.displayEndpoint
        guard let user = result.child("User") else {
            throw AWSError.malformedResponse(endpoint: endpoint, action: "GetUser", status: 200, detail: "no <User> in the answer")
        }
        return IAMUser(
            userName: try user.required("UserName", in: "GetUser", endpoint: endpoint),
            userID: try user.required("UserId", in: "GetUser", endpoint: endpoint),
            arn: try user.required("Arn", in: "GetUser", endpoint: endpoint),
            createDate: user.optional("CreateDate").flatMap(AWSTime.parseISO8601))
    }

    /// A new access key (with its secret) for `userName` (nil: the caller).
    package func createAccessKey(with credentials: Credentials, userName: String? = nil) throws -> (Credentials, AccessKeyMetadata) {
        let (result, _) = try client.call("CreateAccessKey", userName.map { [("UserName", $0)] } ?? [], credentials: credentials)
        let endpoint = client.displayEndpoint
        guard let key = result.child("AccessKey") else {
            throw AWSError.malformedResponse(endpoint: endpoint, action: "CreateAccessKey", status: 200, detail: "no <AccessKey> in the answer")
        }
        let id = try key.required("AccessKeyId", in: "CreateAccessKey", endpoint: endpoint)
        let secret = try key.required("SecretAccessKey", in: "CreateAccessKey", endpoint: endpoint)
        let metadata = AccessKeyMetadata(
            userName: key.optional("UserName") ?? userName ?? "", accessKeyID: id,
            status: key.optional("Status") ?? "Active", createDate: key.optional("CreateDate").flatMap(AWSTime.parseISO8601))
        return (Credentials(accessKeyID: id, secretAccessKey: secret), metadata)
    }

    package func deleteAccessKey(with credentials: Credentials, userName: String? = nil, accessKeyID: String) throws {
        var parameters = [("AccessKeyId", accessKeyID)]
        if let userName { parameters.append(("UserName", userName)) }
        _ = try client.call("DeleteAccessKey", parameters, credentials: credentials)
    }

    /// Every access key of `userName` (nil: the caller), following pagination.
    package func listAccessKeys(with credentials: Credentials, userName: String? = nil) throws -> [AccessKeyMetadata] {
        var keys: [AccessKeyMetadata] = []
        var marker: String?
        for _ in 0..<100 {
            var parameters: [(String, String)] = []
            if let userName { parameters.append(("UserName", userName)) }
            if let marker { parameters.append(("Marker", marker)) }
            let (result, _) = try client.call("ListAccessKeys", parameters, credentials: credentials)
            let endpoint = client.displayEndpoint
            for member in result.child("AccessKeyMetadata")?.children ?? [] where member.localName == "member" {
                keys.append(AccessKeyMetadata(
                    userName: member.optional("UserName") ?? userName ?? "",
                    accessKeyID: try member.required("AccessKeyId", in: "ListAccessKeys", endpoint: endpoint),
                    status: member.optional("Status") ?? "",
                    createDate: member.optional("CreateDate").flatMap(AWSTime.parseISO8601)))
            }
            guard result.optional("IsTruncated") == "true", let next = result.optional("Marker"), !next.isEmpty else { break }
            marker = next
        }
        return keys
    }
}
