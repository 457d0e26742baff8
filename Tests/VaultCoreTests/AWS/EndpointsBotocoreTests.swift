import Foundation
import Testing
@testable import VaultCore

/// Endpoints against botocore on cases test_wire_endpoints.py generates and
/// resolves with botocore (`VAULT_TEST_ENDPOINT_VECTORS`); skipped otherwise.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["VAULT_TEST_ENDPOINT_VECTORS"] != nil,
                "needs VAULT_TEST_ENDPOINT_VECTORS (run by test_wire_endpoints.py)"))
struct EndpointsBotocore {
    struct Case: Decodable {
        var service: String
        var region: String?
        var profileMode: String?
        var env: [String: String]
        var endpointURL: String?
        var serviceEndpointURLs: [String: String]
        var ignoreInProfile: Bool
        var expectedURL: String
        var expectedSigningRegion: String
    }

    @Test func resolutionMatchesBotocore() throws {
        let path = ProcessInfo.processInfo.environment["VAULT_TEST_ENDPOINT_VECTORS"]!
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        var mismatches = 0
        for c in cases {
            let config = EndpointConfig(
                region: c.region, stsRegionalEndpoints: c.profileMode, endpointURL: c.endpointURL,
                serviceEndpointURLs: c.serviceEndpointURLs, ignoreConfiguredEndpointURLs: c.ignoreInProfile ? true : nil)
            let settings = Settings(environment: c.env)
            let endpoint = try c.service == "sts" ? Endpoints.sts(config, settings: settings) : Endpoints.iam(config, settings: settings)
            if endpoint.url != c.expectedURL || endpoint.signingRegion != c.expectedSigningRegion {
                mismatches += 1
                Issue.record("\(c.service) region \(c.region ?? "-") mode \(c.profileMode ?? "-") env \(c.env) profile \(c.endpointURL ?? "-") services \(c.serviceEndpointURLs): got \(endpoint.url) \(endpoint.signingRegion), botocore \(c.expectedURL) \(c.expectedSigningRegion)")
            }
        }
        print("endpoint cases compared with botocore: \(cases.count), mismatches \(mismatches)")
    }
}
