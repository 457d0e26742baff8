#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault rotate`: replaces the stored long-term key of a profile's chain
/// with a new one, in the order that never leaves the store without a key
/// that works: create, store, wait until AWS accepts it, then delete the old.
package struct KeyRotation {
    package struct Outcome: Sendable, Equatable {
        package var profile: String
        package var userName: String
        package var oldKey: String
        package var newKey: String
        package var sessionsDropped: Int
    }

    package let service: CredentialService
    /// One line of progress (never a whole key): `vault: …` on stderr.
    package var progress: (String) -> Void = Diagnostics.say
    /// How long to wait for IAM's eventual consistency before giving up.
    package var acceptanceTimeout: TimeInterval = 30
    /// The pause between two tries of the new key.
    package var pause: (Double) -> Void = QueryClient.pause

    package init(service: CredentialService) {
        self.service = service
    }

    package func rotate(profile name: String, noSession: Bool, mfaToken: String?, prompt: String? = nil) throws -> Outcome {
        let target = try service.profile(name)
        // The keys rotated are the ones the chain starts from (the first
        // profile down the source_profile links with stored keys).
        let plan = try service.plan(for: target, options: .init(noSession: noSession))
        let holder: Profile
        switch plan.source {
        case .storedKeys(let profile): holder = profile
        case .sso(let profile, _): throw OpsError.ssoHasNoKeys(profile: profile.name)
        case .credentialProcess, .webIdentity, .metadata:
            throw OpsError.noKeysToRotate(profile: plan.source.profile.name, from: ChainPlan.words(plan.source))
        }
        let store = service.store
        guard let old = try store.get(holder.name) else { throw CredentialError.noStoredKeys(profile: holder.name) }
        guard !old.isTemporary else { throw OpsError.temporaryKeys(profile: holder.name) }

        let via = target.name == holder.name ? "" : " through profile '\(target.name)'"
        progress("rotating access key \(old.redactedKeyID) stored for profile '\(holder.name)'\(via)")
        // Whose keys: GetCallerIdentity needs no permission and no MFA, and
        // works with the stored keys whatever the chain assumes on top.
        let sts = try STSClient(
            config: ProviderResolver.endpointConfig(holder, target: target), settings: service.settings, transport: service.transport)
        let caller = try sts.getCallerIdentity(with: old)
        guard let userName = IAMUserName.from(arn: caller.arn) else { throw OpsError.notAnIAMUser(arn: caller.arn) }

        // The credentials that call IAM: a session (with MFA) unless -n, or the role the profile assumes.
        let acting = try service.issue(CredentialRequest(profileName: target.name, noSession: noSession, mfaToken: mfaToken, prompt: prompt)).credentials
        let iam = try IAMClient(
            config: ProviderResolver.endpointConfig(target, target: target), settings: service.settings, transport: service.transport)
        let existing = try iam.listAccessKeys(with: acting, userName: userName)
        if existing.count >= 2 {
            throw OpsError.twoKeysAlready(user: userName, keys: existing.map { Credentials.redact($0.accessKeyID) }, stored: old.redactedKeyID)
        }

        progress("creating a new access key for IAM user \(userName)…")
        let (new, _) = try iam.createAccessKey(with: acting, userName: userName)
        do {
            try store.set(holder.name, new)
        } catch {
            let deleted = (try? iam.deleteAccessKey(with: acting, userName: userName, accessKeyID: new.accessKeyID)) != nil
            throw OpsError.newKeyNotStored(newKey: new.redactedKeyID, user: userName, reason: Self.describe(error), deletedAgain: deleted)
        }
        progress("created \(new.redactedKeyID) and stored it; waiting until AWS accepts it…")

        if let failure = waitUntilAccepted(new, sts: sts) {
            // Put the old key back: it still works, the new one may never.
            try store.set(holder.name, old)
            let deleted = (try? iam.deleteAccessKey(with: acting, userName: userName, accessKeyID: new.accessKeyID)) != nil
            throw OpsError.newKeyNotAccepted(
                newKey: new.redactedKeyID, oldKey: old.redactedKeyID, user: userName, seconds: Int(acceptanceTimeout),
                reason: Self.describe(failure), deletedAgain: deleted)
        }

        // Sessions from the old key would outlive it in the cache: drop them.
        let dropped = try service.cache().clear(profiles: Set(target.chain.map(\.name)))
        progress("deleting the old key \(old.redactedKeyID)…")
        do {
            try iam.deleteAccessKey(with: acting, userName: userName, accessKeyID: old.accessKeyID)
        } catch {
            throw OpsError.oldKeyNotDeleted(
                newKey: new.redactedKeyID, oldKey: old.redactedKeyID, user: userName, profile: holder.name, reason: Self.describe(error))
        }
        progress("done: \(old.redactedKeyID) deleted, \(new.redactedKeyID) in use; dropped \(dropped) cached session\(dropped == 1 ? "" : "s")")
        return Outcome(profile: holder.name, userName: userName, oldKey: old.redactedKeyID, newKey: new.redactedKeyID, sessionsDropped: dropped)
    }

    /// Tries the new key with GetCallerIdentity until AWS accepts it or the
    /// time runs out (IAM is eventually consistent: a new key can be refused
    /// for a few seconds). nil when accepted, else the last error.
    func waitUntilAccepted(_ keys: Credentials, sts: STSClient) -> Error? {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(acceptanceTimeout * 1000))
        var delay = 0.5
        while true {
            do {
                _ = try sts.getCallerIdentity(with: keys)
                return nil
            } catch {
                let left = deadline - clock.now
                guard left > .zero else { return error }
                let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
                pause(min(delay, seconds))
                delay = min(delay * 2, 4)
            }
        }
    }

    /// What happened, without the inner message's own advice (after "; "):
    /// the rotation's message says what to do.
    static func describe(_ error: Error) -> String {
        let message = (error as? VaultError)?.message ?? "\(error)"
        return message.ranges(of: "; ").first.map { String(message[..<$0.lowerBound]) } ?? message
    }
}

/// The IAM user name in an ARN: `arn:aws:iam::123456789012:user/path/alice` → `alice`.
package enum IAMUserName {
    package static func from(arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" else { return nil }
        let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        guard resource.count >= 2, resource[0] == "user", let name = resource.last, !name.isEmpty else { return nil }
        return String(name)
    }
}
