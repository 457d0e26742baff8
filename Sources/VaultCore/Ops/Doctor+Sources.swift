#if canImport(Glibc)
import Glibc
#endif

/// `vault doctor PROFILE` for a chain that starts elsewhere than stored keys:
/// what the source needs, checked without fetching anything or showing a token.
extension Doctor {
    func sourceCheck(_ source: CredentialSource) -> DoctorCheck? {
        switch source {
        case .storedKeys:
            return nil
        case .sso(_, let sso):
            return ssoToken(sso)
        case .credentialProcess(let profile, _):
            return .pass("source", "credential_process of '\(profile.name)' runs when credentials are needed; there are no stored keys to check")
        case .webIdentity(let profile, let web):
            guard access(web.tokenFile, R_OK) == 0 else {
                return .fail(
                    "source", "the web_identity_token_file \(web.tokenFile) of '\(profile.name)' cannot be read",
                    fix: "check the path (or AWS_WEB_IDENTITY_TOKEN_FILE) and that the file is readable by you")
            }
            return .pass("source", "web identity token file \(web.tokenFile) is readable; it is read again at every refresh")
        case .metadata(let profile, let kind):
            switch kind {
            case .environment:
                guard settings.environmentCredentials != nil else {
                    return .fail("source", "credential_source Environment of '\(profile.name)' needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                                 fix: "export both (and AWS_SESSION_TOKEN for temporary keys) before running vault")
                }
                return .pass("source", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set")
            case .ec2InstanceMetadata:
                guard !settings.instanceMetadataDisabled else {
                    return .fail("source", "credential_source Ec2InstanceMetadata of '\(profile.name)' but AWS_EC2_METADATA_DISABLED is true",
                                 fix: "unset AWS_EC2_METADATA_DISABLED or choose another credential_source")
                }
                return .pass("source", "the instance metadata service at \(settings.instanceMetadataEndpoint) is asked (IMDSv2) when credentials are needed")
            case .ecsContainer:
                guard let url = settings.containerCredentialsRelativeURI.map({ "http://\(ContainerCredentialsProvider.agentAddress)" + $0 })
                    ?? settings.containerCredentialsFullURI else {
                    return .fail("source", "credential_source EcsContainer of '\(profile.name)' but no container credentials endpoint is set",
                                 fix: "set AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI (ECS and EKS set them)")
                }
                return .pass("source", "the container credentials endpoint \(URLRedaction.redact(url)) is asked when credentials are needed")
            }
        }
    }
}
