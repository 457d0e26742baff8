/// `vault list`: one row a profile with what the store holds for it.
package struct ProfileListing {
    package struct Row {
        package var profile: String
        /// The store item holding long-term keys for it, if any.
        package var credentials: String?
        /// Cached sessions, e.g. `GetSessionToken 7h59m`.
        package var sessions: [String]
        /// Where its credentials come from (`ChainPlan.kind`), nil when unknown.
        package var kind: String?

        package init(profile: String, credentials: String?, sessions: [String], kind: String? = nil) {
            self.profile = profile
            self.credentials = credentials
            self.sessions = sessions
            self.kind = kind
        }
    }

    package var rows: [Row]

    package init(rows: [Row]) {
        self.rows = rows
    }

    package func table() -> String {
        let header = ["Profile", "Kind", "Credentials", "Sessions"]
        let cells = rows.map {
            [$0.profile, $0.kind ?? "-", $0.credentials ?? "-", $0.sessions.isEmpty ? "-" : $0.sessions.joined(separator: ", ")]
        }
        let widths = (0..<3).map { column in ([header] + cells).map { $0[column].count }.max()! + 2 }
        let line = { (row: [String]) in row[0].padding(widths[0]) + row[1].padding(widths[1]) + row[2].padding(widths[2]) + row[3] + "\n" }
        let rule = (0..<3).map { String(repeating: "=", count: widths[$0] - 2) } + ["========"]
        return ([header, rule] + cells).map(line).joined()
    }

    package func json() -> String {
        "[" + rows.map { row in
            "\n  " + JSONText.object([
                ("profile", JSONText.quote(row.profile)), ("kind", row.kind.map(JSONText.quote) ?? "null"),
                ("credentials", row.credentials.map(JSONText.quote) ?? "null"),
                ("sessions", "[" + row.sessions.map(JSONText.quote).joined(separator: ", ") + "]"),
            ], level: 1)
        }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileListing {
    /// Rows for the config's profiles in file order, then profiles that are
    /// only in the store; sessions with their time left.
    package static func build(
        configProfiles: [String], store: CredentialStore, cache: SessionCache, now: Date = Date(),
        kind: (_ profile: String, _ hasStoredKeys: @escaping (String) -> Bool) -> String? = { _, _ in nil }
    ) throws -> ProfileListing {
        let withKeys = try store.profilesWithKeys()
        let sessions = try cache.sessions()
        let names = configProfiles + withKeys.filter { !configProfiles.contains($0) }
        let rows = names.map { name in
            let source = kind(name) { withKeys.contains($0) }
            let own = sessions.filter { $0.profile == name }.sorted { $0.expiration < $1.expiration }
            return Row(
                profile: name, credentials: withKeys.contains(name) ? name : nil,
                sessions: own.map { session in
                    let kind = StoreListing.kind(session)
                    let left = PromptSegment.timeLeft(
                        expiration: Int(session.expiration.timeIntervalSince1970), minimumTTL: 0, now: Int(now.timeIntervalSince1970))
                    return kind + " " + left
                }, kind: source)
        }
        return ProfileListing(rows: rows)
    }
}
