/// The environment variables that shape vault's requests to AWS.
extension Settings {
    /// `AWS_ENDPOINT_URL`: the endpoint for every service.
    package var awsEndpointURL: String? { self["AWS_ENDPOINT_URL"] }

    /// `AWS_ENDPOINT_URL_<SERVICE>` for a service id such as `sts` or `iam`
    /// (upper-cased, spaces and dashes as underscores, as the SDKs name it).
    package func awsEndpointURL(service: String) -> String? {
        let suffix = service.uppercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
        return self["AWS_ENDPOINT_URL_" + String(suffix)]
    }

    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`: ignore every configured endpoint URL.
    package var awsIgnoreConfiguredEndpointURLs: Bool? {
        self["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"].map { $0.lowercased() == "true" }
    }

    /// `AWS_STS_REGIONAL_ENDPOINTS`: `regional` or `legacy`.
    package var awsSTSRegionalEndpoints: String? { self["AWS_STS_REGIONAL_ENDPOINTS"]?.lowercased() }

    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    package var awsRegion: String? { self["AWS_REGION"] ?? self["AWS_DEFAULT_REGION"] }

    /// `AWS_CA_BUNDLE`: a PEM file of CAs to trust (wins over `ca_bundle`).
    package var awsCABundle: String? { self["AWS_CA_BUNDLE"].map(expandTilde) }

    /// The proxy for a URL scheme as curl picks it: `https_proxy`,
    /// `HTTPS_PROXY` for https (only lower-case `http_proxy` for http, as
    /// curl does), then `all_proxy`, `ALL_PROXY`.
    package func proxy(forScheme scheme: String) -> String? {
        let names = scheme.lowercased() == "https"
            ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
            : ["http_proxy", "all_proxy", "ALL_PROXY"]
        return names.lazy.compactMap { self[$0] }.first
    }

    /// `no_proxy`, else `NO_PROXY`: hosts reached directly.
    package var noProxy: String? { self["no_proxy"] ?? self["NO_PROXY"] }
}
