/// What can go wrong in `vault rotate`, `vault login` and `vault doctor`.
/// Key ids appear only redacted (`****ABCD`).
package enum OpsError: VaultError, Equatable {
    /// The profile's chain starts from a credential_process, not stored keys.
    /// `from` says where its credentials come from instead (the chain's source in words).
    case noKeysToRotate(profile: String, from: String)
    /// The chain starts at IAM Identity Center: short-lived credentials only.
    case ssoHasNoKeys(profile: String)
    /// The stored item holds temporary credentials.
    case temporaryKeys(profile: String)
    /// The caller is not an IAM user (root, a role…): no access key to rotate or federate.
    case notAnIAMUser(arn: String)
    /// IAM allows two keys per user; rotating needs a free slot.
    case twoKeysAlready(user: String, keys: [String], stored: String)
    /// CreateAccessKey worked but the new key could not be stored.
    case newKeyNotStored(newKey: String, user: String, reason: String, deletedAgain: Bool)
    /// AWS did not accept the new key in time; the old key was put back.
    case newKeyNotAccepted(newKey: String, oldKey: String, user: String, seconds: Int, reason: String, deletedAgain: Bool)
    /// The new key is stored and works, but the old key is still in IAM.
    case oldKeyNotDeleted(newKey: String, oldKey: String, user: String, profile: String, reason: String)
    /// `vault login` without a profile and without keys in the environment.
    case noEnvironmentCredentials
    case invalidSessionDuration(seconds: Int)
    case signinTokenFailed(endpoint: String, status: Int, detail: String)
    case invalidFederationEndpoint(String)
    /// `vault doctor` found problems (each already printed).
    case checksFailed(count: Int)

    package var message: String {
        switch self {
        case .noKeysToRotate(let profile, let from):
            return "profile '\(profile)' has no long-term key to rotate: its credentials come from \(from), not from the store; rotate them where they come from"
        case .ssoHasNoKeys(let profile):
            return "no long-term key to rotate for an SSO profile: profile '\(profile)' gets short-lived credentials from IAM Identity Center"
        case .temporaryKeys(let profile):
            return "the keys stored for profile '\(profile)' are temporary (they have a session token); only long-term IAM user keys can be rotated"
        case .notAnIAMUser(let arn):
            return "the keys belong to \(arn), not an IAM user; only an IAM user's access keys can be used here"
        case .twoKeysAlready(let user, let keys, let stored):
            let other = keys.first { $0 != stored }.map { "the other one, \($0)" } ?? "the one vault does not use"
            return "IAM user \(user) already has two access keys (\(keys.joined(separator: ", ")); vault uses \(stored)); nothing was changed; delete \(other) (aws iam delete-access-key --user-name \(user) --access-key-id …) if nothing else uses it, then run vault rotate again"
        case .newKeyNotStored(let newKey, let user, let reason, let deletedAgain):
            let left = deletedAgain
                ? "it was deleted again, so nothing changed"
                : "it is still in IAM with its secret lost: delete \(newKey) (aws iam list-access-keys --user-name \(user), then aws iam delete-access-key)"
            return "created access key \(newKey) but could not store it: \(reason); the old key is still stored and works; \(left)"
        case .newKeyNotAccepted(let newKey, let oldKey, let user, let seconds, let reason, let deletedAgain):
            let left = deletedAgain
                ? "the new key was deleted again"
                : "the new key \(newKey) is still in IAM: delete it (aws iam delete-access-key --user-name \(user) --access-key-id …)"
            return "AWS did not accept the new access key \(newKey) within \(seconds) s (\(reason)); the old key \(oldKey) is stored again and still works; \(left); try vault rotate again later"
        case .oldKeyNotDeleted(let newKey, let oldKey, let user, let profile, let reason):
            return "the new key \(newKey) is stored for profile '\(profile)' and works, but deleting the old key \(oldKey) failed: \(reason); it is still in IAM: delete it with aws iam delete-access-key --user-name \(user) --access-key-id (the id ending in \(oldKey.suffix(4)))"
        case .noEnvironmentCredentials:
            return "no profile given and no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in the environment; name a profile (vault login PROFILE) or run it inside vault exec"
        case .invalidSessionDuration(let seconds):
            return "a console session lasts 15 minutes to 12 hours, not \(seconds) s; pass -d between 15m and 12h"
        case .signinTokenFailed(let endpoint, let status, let detail):
            return "the federation endpoint \(endpoint) gave no sign-in token (HTTP \(status)): \(detail); the credentials may be expired or not allowed to sign in to the console"
        case .invalidFederationEndpoint(let url):
            return "VAULT_FEDERATION_ENDPOINT=\(URLRedaction.redact(url)) is not an http(s) URL; fix it or unset it"
        case .checksFailed(let count):
            return "\(count) check\(count == 1 ? "" : "s") failed; see the fixes above"
        }
    }
}
