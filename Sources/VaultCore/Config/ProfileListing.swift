/// `vault list`: one row a profile with what the store holds for it.
package struct ProfileListing {
    package struct Row {
        package var profile: String
        /// The store item holding long-term keys for it, if any.
        package var credentials: String?
        /// Cached sessions, e.g. `GetSessionToken 7h59m`.
        package var sessions: [String]

        package init(profile: String, credentials: String?, sessions: [String]) {
            self.profile = profile
            self.credentials = credentials
            self.sessions = sessions
        }
    }

    package var rows: [Row]

    package init(rows: [Row]) {
        self.rows = rows
    }

    package func table() -> String {
        let header = ["Profile", "Credentials", "Sessions"]
        let cells = rows.map { [$0.profile, $0.credentials ?? "-", $0.sessions.isEmpty ? "-" : $0.sessions.joined(separator: ", ")] }
        let widths = (0..<2).map { column in ([header] + cells).map { $0[column].count }.max()! + 2 }
        let line = { (row: [String]) in row[0].padding(widths[0]) + row[1].padding(widths[1]) + row[2] + "\n" }
        let rule = [String(repeating: "=", count: widths[0] - 2), String(repeating: "=", count: widths[1] - 2), "========"]
        return ([header, rule] + cells).map(line).joined()
    }

    package func json() -> String {
        "[" + rows.map { row in
            "\n  " + JSONText.object([
                ("profile", JSONText.quote(row.profile)),
                ("credentials", row.credentials.map(JSONText.quote) ?? "null"),
                ("sessions", "[" + row.sessions.map(JSONText.quote).joined(separator: ", ") + "]"),
            ], level: 1)
        }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")
    }
}
