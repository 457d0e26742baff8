import Foundation
import Testing
@testable import VaultCore

/// The signer against botocore's `SigV4Auth` on generated requests
/// (Tests/Integration/sigv4_vectors.py writes them; pytest also regenerates
/// them with other seeds and runs this suite on those through
/// `VAULT_TEST_SIGV4_VECTORS`).
@Suite struct SigV4BotocoreTests {
    struct Vector: Decodable {
        var index: Int
        var region: String
        var service: String
        var method: String
        var url: String
        var headers: [[String]]
        var body: String
        var accessKeyID: String
        var secretAccessKey: String
        var sessionToken: String?
        var epochSeconds: Double
        var canonicalRequest: String
        var authorization: String
    }

    struct File: Decodable {
        var seed: Int
        var vectors: [Vector]
    }

    static var vectorsPath: String {
        if let path = ProcessInfo.processInfo.environment["VAULT_TEST_SIGV4_VECTORS"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Integration/data/sigv4_vectors.json").path
    }

    @Test func signaturesMatchBotocoreOnGeneratedRequests() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.vectorsPath))
        let file = try JSONDecoder().decode(File.self, from: data)
        #expect(file.vectors.count >= 200)
        var mismatches: [Int] = []
        for vector in file.vectors {
            var request = HTTPRequest(
                method: vector.method, url: vector.url, headers: vector.headers.map { ($0[0], $0[1]) },
                body: Array(Data(base64Encoded: vector.body)!))
            let credentials = Credentials(
                accessKeyID: vector.accessKeyID, secretAccessKey: vector.secretAccessKey, sessionToken: vector.sessionToken)
            let signer = SigV4Signer(credentials: credentials, region: vector.region, service: vector.service)
            try signer.sign(&request, date: Date(timeIntervalSince1970: vector.epochSeconds))
            let authorization = request.header("Authorization")
            request.headers.removeAll { $0.0 == "Authorization" }
            let (canonical, _) = try signer.canonicalRequest(request)
            if authorization != vector.authorization || canonical != vector.canonicalRequest {
                mismatches.append(vector.index)
                if mismatches.count <= 3 {
                    Issue.record("vector \(vector.index) \(vector.url)\nexpected:\n\(vector.canonicalRequest)\ngot:\n\(canonical)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(file.vectors.count) differ (seed \(file.seed)): \(mismatches.prefix(20))")
        print("SigV4 vectors compared with botocore: \(file.vectors.count), seed \(file.seed), mismatches \(mismatches.count)")
    }
}
