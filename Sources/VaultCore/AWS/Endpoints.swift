/// What decides where STS and IAM requests go, filled by the credentials
/// code from a resolved profile.
package struct EndpointConfig: Sendable, Equatable {
    package var region: String?
    /// Profile key `sts_regional_endpoints`: `regional` (default) or `legacy`.
    package var stsRegionalEndpoints: String?
    /// Profile key `endpoint_url`: for every service.
    package var endpointURL: String?
    /// From the profile's `[services NAME]` section: service id (`sts`, `iam`) → `endpoint_url`.
    package var serviceEndpointURLs: [String: String]
    /// Profile key `ca_bundle`.
    package var caBundle: String?
    /// Profile key `ignore_configured_endpoint_urls`.
    package var ignoreConfiguredEndpointURLs: Bool?

    package init(
        region: String? = nil, stsRegionalEndpoints: String? = nil, endpointURL: String? = nil,
        serviceEndpointURLs: [String: String] = [:], caBundle: String? = nil,
        ignoreConfiguredEndpointURLs: Bool? = nil
    ) {
        self.region = region
        self.stsRegionalEndpoints = stsRegionalEndpoints
        self.endpointURL = endpointURL
        self.serviceEndpointURLs = serviceEndpointURLs
        self.caBundle = caBundle
        self.ignoreConfiguredEndpointURLs = ignoreConfiguredEndpointURLs
    }
}

/// Where a request goes and which region its signature names.
package struct Endpoint: Sendable, Equatable {
    package var url: String
    package var signingRegion: String
    /// Where the URL came from, for messages: `AWS_ENDPOINT_URL_STS`, `endpoint_url`…
    package var source: String

    package init(url: String, signingRegion: String, source: String) {
        self.url = url
        self.signingRegion = signingRegion
        self.source = source
    }
}

/// STS and IAM endpoints as the AWS SDKs choose them.
///
/// A configured URL wins, in the SDKs' order: `AWS_ENDPOINT_URL_<SERVICE>`,
/// `AWS_ENDPOINT_URL`, the profile's `[services]` entry, the profile's
/// `endpoint_url` (all ignored with `ignore_configured_endpoint_urls`).
/// Otherwise STS is regional (`https://sts.REGION.amazonaws.com`) unless no
/// region is known, or `sts_regional_endpoints = legacy` for one of the
/// regions that used the global endpoint before; IAM is global per partition.
package enum Endpoints {
    /// Regions that `sts_regional_endpoints = legacy` sends to the global endpoint (botocore's list).
    static let legacyGlobalSTSRegions: Set<String> = [
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    ]

    package static func sts(_ config: EndpointConfig, settings: Settings) throws -> Endpoint {
        let region = try validRegion(config.region)
        if let configured = try configured(service: "sts", config, settings) {
            return Endpoint(url: configured.url, signingRegion: region ?? "us-east-1", source: configured.source)
        }
        guard let region, region != "aws-global" else {
            return Endpoint(url: "https://sts.amazonaws.com", signingRegion: "us-east-1", source: "global STS endpoint")
        }
        let mode = settings.awsSTSRegionalEndpoints ?? config.stsRegionalEndpoints?.lowercased() ?? "regional"
        if mode == "legacy" && legacyGlobalSTSRegions.contains(region) {
            return Endpoint(
                url: "https://sts.amazonaws.com", signingRegion: "us-east-1",
                source: "global STS endpoint (sts_regional_endpoints = legacy)")
        }
        let partition = Partition(region: region)
        return Endpoint(url: "https://sts.\(region).\(partition.dnsSuffix)", signingRegion: region, source: "region \(region)")
    }

    package static func iam(_ config: EndpointConfig, settings: Settings) throws -> Endpoint {
        let region = try validRegion(config.region)
        let partition = Partition(region: region ?? "us-east-1")
        if let configured = try configured(service: "iam", config, settings) {
            return Endpoint(url: configured.url, signingRegion: region ?? partition.iamSigningRegion, source: configured.source)
        }
        return Endpoint(url: partition.iamURL, signingRegion: partition.iamSigningRegion, source: "\(partition.name) IAM endpoint")
    }

    private static func configured(service: String, _ config: EndpointConfig, _ settings: Settings) throws -> (url: String, source: String)? {
        let ignore = settings.awsIgnoreConfiguredEndpointURLs ?? config.ignoreConfiguredEndpointURLs ?? false
        if ignore { return nil }
        let candidates: [(String?, String)] = [
            (settings.awsEndpointURL(service: service), "AWS_ENDPOINT_URL_\(service.uppercased())"),
            (settings.awsEndpointURL, "AWS_ENDPOINT_URL"),
            (config.serviceEndpointURLs[service], "endpoint_url in the profile's [services] section for \(service)"),
            (config.endpointURL, "endpoint_url in the profile"),
        ]
        for case let (url?, source) in candidates where !url.isEmpty {
            guard let parts = URLParts(url), parts.scheme == "https" || parts.scheme == "http", !parts.hostname.isEmpty else {
                throw AWSError.invalidEndpoint(url: url, source: source)
            }
            // A trailing slash would double up with the request path.
            var trimmed = url
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            return (trimmed, source)
        }
        return nil
    }

    private static func validRegion(_ region: String?) throws -> String? {
        guard let region, !region.isEmpty else { return nil }
        let ok = region.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d }
        guard ok, region.utf8.count <= 64 else { throw AWSError.invalidRegion(region) }
        return region
    }
}

/// The AWS partition a region belongs to.
struct Partition {
    var name: String
    var dnsSuffix: String
    var iamURL: String
    var iamSigningRegion: String

    init(region: String) {
        if region.hasPrefix("cn-") {
            self.init(name: "aws-cn", dnsSuffix: "amazonaws.com.cn",
                      iamURL: "https://iam.cn-north-1.amazonaws.com.cn", iamSigningRegion: "cn-north-1")
        } else if region.hasPrefix("us-gov-") {
            self.init(name: "aws-us-gov", dnsSuffix: "amazonaws.com",
                      iamURL: "https://iam.us-gov.amazonaws.com", iamSigningRegion: "us-gov-west-1")
        } else if region.hasPrefix("us-isob-") {
            self.init(name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov",
                      iamURL: "https://iam.us-isob-east-1.sc2s.sgov.gov", iamSigningRegion: "us-isob-east-1")
        } else if region.hasPrefix("us-iso-") {
            self.init(name: "aws-iso", dnsSuffix: "c2s.ic.gov",
                      iamURL: "https://iam.us-iso-east-1.c2s.ic.gov", iamSigningRegion: "us-iso-east-1")
        } else {
            self.init(name: "aws", dnsSuffix: "amazonaws.com",
                      iamURL: "https://iam.amazonaws.com", iamSigningRegion: "us-east-1")
        }
    }

    init(name: String, dnsSuffix: String, iamURL: String, iamSigningRegion: String) {
        self.name = name
        self.dnsSuffix = dnsSuffix
        self.iamURL = iamURL
        self.iamSigningRegion = iamSigningRegion
    }
}
