import Testing
@testable import VaultCore

/// The planner alone (no store, no STS): the end-to-end proof is in
/// Tests/Integration/test_chains_aws_vault.py.
@Suite struct ChainPlannerTests {
    func calls(_ text: String, target: String, keys: Set<String>, duration: Double? = nil, env: [String: String] = [:]) throws -> [String] {
        let profile = try resolver(text, env: env).resolve(target)
        let plan = try ChainPlanner(settings: Settings(environment: env), options: .init(duration: duration), hasStoredKeys: keys.contains)
            .plan(for: profile)
        return plan.steps.map { step in
            switch step {
            case .getSessionToken(let s): "GST \(s.profile.name) \(s.durationSeconds) \(s.mfa?.serial ?? "-")"
            case .assumeRole(let r): "AR \(r.profile.name) \(r.durationSeconds) \(r.mfa?.serial ?? "-")"
            }
        }
    }

    let sourceAndTarget = """
        [profile source]
        role_arn=arn:aws:iam::111111111111:role/source
        mfa_serial=m
        [profile target]
        source_profile=source
        role_arn=arn:aws:iam::222222222222:role/target
        mfa_serial=m

        """

    @Test func TestRoleChainingCapsAssumeRoleDurationToOneHour() throws {
        #expect(try calls(sourceAndTarget, target: "target", keys: ["source"], duration: 43200)
            == ["GST source 43200 m", "AR source 3600 -", "AR target 3600 -"])
    }

    @Test func storedKeysMidwayStartTheChain() throws {
        // aws-vault looks in the store at every level: target's own keys win over its source_profile.
        #expect(try calls(sourceAndTarget, target: "target", keys: ["source", "target"]) == ["AR target 3600 m"])
    }

    @Test func assumeRoleTTLBeatsDurationSecondsAndDurationBeatsBoth() throws {
        let text = "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nduration_seconds = 900\n"
        #expect(try calls(text, target: "a", keys: ["a"]) == ["AR a 900 -"])
        #expect(try calls(text, target: "a", keys: ["a"], env: ["AWS_ASSUME_ROLE_TTL": "30m"]) == ["AR a 1800 -"])
        #expect(try calls(text, target: "a", keys: ["a"], duration: 2700, env: ["AWS_ASSUME_ROLE_TTL": "30m"]) == ["AR a 2700 -"])
    }

    @Test func aLoneProfileStartsFromItsStoredKeysWithoutAskingTheStore() throws {
        // Its keys or nothing: running says "no credentials stored" when they are missing.
        let profile = try resolver("[profile a]\nrole_arn = arn:aws:iam::1:role/a\n").resolve("a")
        let plan = try ChainPlanner(settings: Settings(environment: [:]), options: .init()) { _ in
            Issue.record("the store was asked")
            return false
        }.plan(for: profile)
        guard case .storedKeys(let holder) = plan.source else { Issue.record("not stored keys"); return }
        #expect(holder.name == "a" && plan.steps.count == 1)
    }
}
