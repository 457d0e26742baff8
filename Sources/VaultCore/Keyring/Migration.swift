/// Moves long-term keys from one store to another (`vault migrate`,
/// aws-vault's `migrate-backend`).
///
/// Each profile is a fixed sequence whose every state is safe to stop in:
/// read the source, write the target, read the target back and compare, and
/// only then (with `delete`) remove the source. Run again after a kill, a
/// profile already in the target with the same keys is not written twice, and
/// its source is removed if asked: the same end state, nothing lost. Keys in the
/// target that differ from the source's are never overwritten.
package enum Migration {
    package enum Step: Equatable, Sendable {
        /// Written to the target and read back equal.
        case copied
        /// The target already held the same keys.
        case alreadyThere
        /// Removed from the source, after the target was checked.
        case removedFromSource
        /// `--dry-run`: what would happen.
        case wouldCopy, wouldRemoveFromSource
    }

    package enum Failure: VaultError, Equatable {
        case notInSource(profile: String, source: String)
        case conflict(profile: String, target: String)
        case readBackDiffers(profile: String, target: String)
        case sameStore(String)
        case incomplete(failed: Int)

        package var message: String {
            switch self {
            case .notInSource(let profile, let source):
                "profile '\(ConfigError.clip(profile))' has no keys in \(source); see vault list --backend \(source)"
            case .conflict(let profile, let target):
                "profile '\(ConfigError.clip(profile))' already has different keys in \(target); nothing was changed for it (remove them there with vault remove --backend \(target) first if the source's are the ones to keep)"
            case .readBackDiffers(let profile, let target):
                "profile '\(ConfigError.clip(profile))' did not read back the same from \(target) after writing; its source keys were kept"
            case .sameStore(let name):
                "--from and --to are both \(name); name two different stores"
            case .incomplete(let failed):
                "\(failed) profile\(failed == 1 ? " was" : "s were") not moved (see above); what moved stays moved, and running the same vault migrate again after fixing them finishes the rest"
            }
        }
    }

    /// Moves `profiles` (every profile with keys in the source when nil),
    /// calling `report` after each step and `fail` for each profile that could
    /// not be moved (the others go on). Store errors (locked, unreachable) throw.
    /// Returns how many profiles failed.
    package static func run(
        profiles: [String]?, from source: CredentialStore, named sourceName: String,
        to target: CredentialStore, named targetName: String, delete: Bool, dryRun: Bool,
        report: (String, Step) -> Void, fail: (Failure) -> Void
    ) throws -> Int {
        var failures = 0
        for profile in try profiles ?? source.profilesWithKeys() {
            let original = try source.get(profile)
            let present = try target.get(profile)
            guard let original else {
                // Moved by an earlier run that was stopped or finished: nothing left to do.
                if present != nil { report(profile, .alreadyThere) } else {
                    fail(.notInSource(profile: profile, source: sourceName))
                    failures += 1
                }
                continue
            }
            if let present, present != original {
                fail(.conflict(profile: profile, target: targetName))
                failures += 1
                continue
            }
            if dryRun {
                report(profile, present == nil ? .wouldCopy : .alreadyThere)
                if delete { report(profile, .wouldRemoveFromSource) }
                continue
            }
            if present == nil {
                try target.set(profile, original)
                guard try target.get(profile) == original else {
                    fail(.readBackDiffers(profile: profile, target: targetName))
                    failures += 1
                    continue
                }
                report(profile, .copied)
            } else {
                report(profile, .alreadyThere)
            }
            if delete {
                try source.remove(profile)
                report(profile, .removedFromSource)
            }
        }
        return failures
    }
}
