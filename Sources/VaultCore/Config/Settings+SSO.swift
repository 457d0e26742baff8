/// The variables IAM Identity Center (SSO) sign-in reads.
///
/// The endpoints are overridden with the variables the AWS SDKs and CLI v2
/// (botocore ≥ 1.31) honour for these two services — `AWS_ENDPOINT_URL_SSO`
/// (the portal: GetRoleCredentials, ListAccounts…) and
/// `AWS_ENDPOINT_URL_SSO_OIDC` (sign-in and tokens), then `AWS_ENDPOINT_URL`
/// — rather than a vault-only variable, so one setting points vault, boto3
/// and the AWS CLI at the same place (a test server, a VPC endpoint).
extension Settings {
    /// Where the SSO OIDC service is: the configured URL and the variable
    /// that set it, or nil for the region's public endpoint.
    package var ssoOIDCEndpointOverride: (url: String, source: String)? {
        configuredEndpoint(service: "sso-oidc")
    }

    /// Where the SSO portal is, as `ssoOIDCEndpointOverride`.
    package var ssoPortalEndpointOverride: (url: String, source: String)? {
        configuredEndpoint(service: "sso")
    }

    /// `~/.aws/sso/cache`: botocore's fixed token cache (it has no variable).
    package var ssoCacheDirectory: String { home + "/.aws/sso/cache" }

    private func configuredEndpoint(service: String) -> (url: String, source: String)? {
        if awsIgnoreConfiguredEndpointURLs == true { return nil }
        if let url = awsEndpointURL(service: service) {
            let suffix = service.uppercased().map { $0 == "-" ? "_" : $0 }
            return (url, "AWS_ENDPOINT_URL_" + String(suffix))
        }
        if let url = awsEndpointURL { return (url, "AWS_ENDPOINT_URL") }
        return nil
    }
}
