/// The variables botocore reads for the credential sources a role profile
/// may name (`credential_source`) and for web identity.
extension Settings {
    /// `AWS_EC2_METADATA_DISABLED=true`: never ask the instance metadata service.
    package var instanceMetadataDisabled: Bool {
        self["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
    }

    /// `AWS_EC2_METADATA_SERVICE_ENDPOINT`, else IMDS's link-local address
    /// (botocore's default; vault asks over IPv4 only).
    package var instanceMetadataEndpoint: String {
        var url = self["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254/"
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `AWS_METADATA_SERVICE_TIMEOUT` (botocore: 1 s), bounded to 1…30 s so a
    /// stray value neither hangs vault nor gives up at once.
    package var metadataTimeout: Double {
        min(max(self["AWS_METADATA_SERVICE_TIMEOUT"].flatMap(Double.init) ?? 1, 1), 30)
    }

    /// `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
    package var containerCredentialsFullURI: String? { self["AWS_CONTAINER_CREDENTIALS_FULL_URI"] }

    /// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (appended to 169.254.170.2).
    package var containerCredentialsRelativeURI: String? { self["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] }

    /// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (wins, as in botocore), re-read each time.
    package var containerAuthorizationTokenFile: String? { self["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] }

    /// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
    package var containerAuthorizationToken: String? { self["AWS_CONTAINER_AUTHORIZATION_TOKEN"] }
}
