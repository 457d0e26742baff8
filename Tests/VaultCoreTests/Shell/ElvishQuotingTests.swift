import Testing
@testable import VaultCore

/// elvish: single quotes (`''` for a quote, nothing else special, a backslash
/// too is itself) and a double-quoted `"\xHH"` for each byte outside printable ASCII.
@Test(arguments: [
    ("dev", "dev"), ("", "''"), ("a b", "'a b'"), ("it's", "'it''s'"), ("a\\b", "'a\\b'"),
    ("l\nm", "'l'\"\\x0a\"'m'"), ("é", "\"\\xc3\"\"\\xa9\""), ("~/x", "'~/x'"), ("$x", "'$x'"), ("a:b", "'a:b'"),
])
func elvishUsesSingleQuotesWithByteBreakouts(value: String, expected: String) {
    #expect(Elvish().quote(value) == expected)
}

/// The session's scripts keep their bookkeeping in the holder, never in the environment.
@Test func elvishBookkeepingIsNeverSetInTheEnvironment() {
    let script = Elvish().activate([.set("AWS_VAULT", "dev")], session: ShellSession(profile: "dev", region: nil, origin: "env", expiration: 100, minimumTTL: 10, uptime: 5, now: 50))
    #expect(!script.contains("set-env __vault"))
    #expect(script.contains("$__vault_h[set] (assoc ($__vault_h[get]) __vault_profile dev)"))
    #expect(script.contains("__vault_expires_up 55"))
}
