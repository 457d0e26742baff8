/// What can go wrong with IAM Identity Center (SSO): its config, the token
/// cache shared with the AWS CLI, sign-in, and the portal's answers. Each
/// message says what to do; none holds a token, a client secret or a key.
package enum SSOError: VaultError, Equatable {
    /// An SSO setting is missing or wrong; `location` is where to fix it.
    case incompleteConfig(what: String, location: SourceLocation?, fix: String)
    /// `--sso-session NAME` or `sso_session = NAME` names no `[sso-session NAME]`.
    case unknownSession(name: String, location: SourceLocation?, path: String)
    /// The profile is not an SSO profile.
    case notSSOProfile(profile: String)
    /// No usable token and signing in is not allowed here.
    case signInNeeded(session: String, reason: String, command: String)
    /// The refresh token was refused and signing in is not allowed here.
    case refreshRejected(session: String, command: String)
    /// StartDeviceAuthorization refused the start URL.
    case wrongStartURL(startURL: String, location: SourceLocation?, detail: String)
    /// The device code expired (or was denied) before it was approved.
    case signInExpired(session: String, command: String)
    case signInDenied(session: String, detail: String)
    /// GetRoleCredentials: the token's user may not use this account/role (any more).
    case roleNotAssigned(account: String, role: String, profile: String, code: String)
    /// The portal refused the token (revoked, logged out, expired early).
    case tokenRejected(session: String, operation: String, command: String)
    /// Any other error answer from the OIDC service or the portal.
    case service(code: String, message: String, operation: String, endpoint: String, status: Int)
    /// An answer vault cannot read.
    case malformedResponse(operation: String, endpoint: String, detail: String)
    /// The token cache could not be read or written.
    case cache(path: String, operation: String, reason: String)
    /// The AWS config could not be updated (`vault sso populate`).
    case configWrite(path: String, reason: String)
    /// libcrypto could not be loaded (file names are SHA-1 hashes).
    case crypto(String)

    package var message: String {
        switch self {
        case .incompleteConfig(let what, let location, let fix):
            return "\(location.map { "\($0): " } ?? "")\(what); \(fix)"
        case .unknownSession(let name, let location, let path):
            let place = location.map { "\($0): " } ?? ""
            return "\(place)there is no [sso-session \(ConfigError.clip(name))] in \(path); add one with sso_start_url and sso_region, or fix the name"
        case .notSSOProfile(let profile):
            return "profile '\(ConfigError.clip(profile))' is not an IAM Identity Center (SSO) profile: it has neither sso_session nor sso_start_url; name an SSO profile or use --sso-session NAME"
        case .signInNeeded(let session, let reason, let command):
            return "no valid IAM Identity Center token for \(session) (\(reason)); run `\(command)`"
        case .refreshRejected(let session, let command):
            return "the IAM Identity Center refresh token for \(session) has expired or was revoked; run `\(command)`"
        case .wrongStartURL(let startURL, let location, let detail):
            return "IAM Identity Center refused the start URL \(ConfigError.clip(startURL))\(location.map { " (\($0))" } ?? ""): \(ConfigError.clip(detail)); check sso_start_url (it looks like https://d-xxxxxxxxxx.awsapps.com/start) and sso_region (the Identity Center's region)"
        case .signInExpired(let session, let command):
            return "the sign-in code for \(session) expired before it was approved; run `\(command)` again and approve it in the browser"
        case .signInDenied(let session, let detail):
            return "the sign-in for \(session) was denied: \(ConfigError.clip(detail)); run the login again and approve the request"
        case .roleNotAssigned(let account, let role, let profile, let code):
            return "\(code): IAM Identity Center gives you no role \(ConfigError.clip(role)) in account \(account) (profile \(ConfigError.clip(profile))); the assignment may have been removed: `vault sso populate --dry-run` lists the roles you have; fix sso_role_name/sso_account_id or ask your administrator"
        case .tokenRejected(let session, let operation, let command):
            return "IAM Identity Center no longer accepts the token for \(session) (\(operation)); run `\(command)`"
        case .service(let code, let message, let operation, let endpoint, let status):
            let what = code.isEmpty ? "HTTP \(status)" : code
            return "\(what): \(message.isEmpty ? "(no message)" : ConfigError.clip(message)) (\(operation) at \(endpoint))"
        case .malformedResponse(let operation, let endpoint, let detail):
            return "unreadable answer from \(endpoint) (\(operation)): \(detail); is AWS_ENDPOINT_URL_SSO/AWS_ENDPOINT_URL_SSO_OIDC an IAM Identity Center endpoint?"
        case .cache(let path, let operation, let reason):
            return "cannot \(operation) \(path): \(reason); check the folder's owner and permissions (it should be yours, mode 0700)"
        case .configWrite(let path, let reason):
            return "cannot update \(path): \(reason); nothing was changed"
        case .crypto(let problem):
            return "cannot name the SSO cache files: \(problem)"
        }
    }
}
