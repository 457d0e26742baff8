#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault list --sessions` and `--credentials`: what the store holds, one
/// item a line (as aws-vault lists them) or as JSON. Names, kinds and
/// expiry only: no key id, no secret.
package enum StoreListing {
    /// `PROFILE KIND EXPIRATION TIME-LEFT`, soonest first within a profile.
    package static func sessionsText(_ sessions: [SessionKey], now: Date = Date()) -> String {
        sorted(sessions).map { session in
            "\(session.profile) \(kind(session)) \(RFC3339.string(from: session.expiration)) "
                + PromptSegment.timeLeft(
                    expiration: Int(session.expiration.timeIntervalSince1970), minimumTTL: 0, now: Int(now.timeIntervalSince1970))
                + "\n"
        }.joined()
    }

    package static func sessionsJSON(_ sessions: [SessionKey]) -> String {
        array(sorted(sessions).map { session in
            var members = [("profile", JSONText.quote(session.profile)), ("kind", JSONText.quote(kind(session)))]
            members.append(("mfa_serial", session.mfaSerial.isEmpty ? "null" : JSONText.quote(session.mfaSerial)))
            members.append(("expiration", JSONText.quote(RFC3339.string(from: session.expiration))))
            return JSONText.object(members, level: 1)
        })
    }

    package static func credentialsText(_ profiles: [String]) -> String {
        profiles.map { $0 + "\n" }.joined()
    }

    package static func credentialsJSON(_ profiles: [String]) -> String {
        array(profiles.map(JSONText.quote))
    }

    /// AssumeRole kinds carry a fingerprint after `~`; people need the kind only.
    static func kind(_ session: SessionKey) -> String {
        session.displayKind.split(separator: "~").first.map(String.init) ?? session.displayKind
    }

    static func sorted(_ sessions: [SessionKey]) -> [SessionKey] {
        sessions.sorted { ($0.profile, $0.expiration) < ($1.profile, $1.expiration) }
    }

    static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]\n" : "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
    }
}
