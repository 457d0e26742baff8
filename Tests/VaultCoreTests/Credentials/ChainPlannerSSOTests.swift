import Testing
@testable import VaultCore

/// The shape of SSO chains as data (no network, no store): the end-to-end
/// proof is in Tests/Integration/test_sso_chain.py.
@Suite struct ChainPlannerSSOTests {
    let config = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = Admin
        [profile legacy]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = eu-west-1
        sso_account_id = 222222222222
        sso_role_name = ReadOnly
        [profile admin]
        source_profile = dev
        role_arn = arn:aws:iam::333333333333:role/admin
        duration_seconds = 7200
        mfa_serial = arn:aws:iam::111111111111:mfa/me
        [profile deeper]
        source_profile = admin
        role_arn = arn:aws:iam::444444444444:role/deeper
        [profile ssorole]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = Admin
        role_arn = arn:aws:iam::555555555555:role/ignored
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1

        """

    func plan(_ target: String, keys: Set<String> = []) throws -> ChainPlan {
        let file = try ConfigFile.parse(config, path: "/c")
        let profile = try ProfileResolver(file: file, settings: Settings(environment: [:])).resolve(target)
        return try ChainPlanner(
            settings: Settings(environment: [:]), options: .init(), hasStoredKeys: keys.contains,
            ssoProfile: { try SSOConfig.profile($0, file: file) }
        ).plan(for: profile)
    }

    @Test func anSSOProfileIsOneGetRoleCredentialsAndNoSTSCall() throws {
        let plan = try plan("dev", keys: ["dev"])  // keys stored under its name do not matter: the config says SSO
        guard case .sso(let holder, let sso) = plan.source else { Issue.record("not SSO: \(plan.summary)"); return }
        #expect(holder.name == "dev" && sso.accountID == "111111111111" && sso.roleName == "Admin")
        #expect(sso.session.name == "corp" && sso.session.startURL == "https://corp.awsapps.com/start")
        #expect(plan.steps.isEmpty && plan.kind == "sso")
        #expect(plan.summary == "IAM Identity Center GetRoleCredentials 111111111111/Admin of 'dev' (sso-session corp)")
    }

    @Test func aLegacyProfileIsKeyedByItsStartURL() throws {
        let plan = try plan("legacy")
        guard case .sso(_, let sso) = plan.source else { Issue.record("not SSO"); return }
        #expect(sso.session.name == nil && sso.session.startURL == "https://legacy.awsapps.com/start" && sso.session.region == "eu-west-1")
    }

    @Test func aRoleOnAnSSOProfileIsAssumedFromItsRoleCredentialsCappedAtOneHour() throws {
        let plan = try plan("admin")
        guard case .sso(let holder, _) = plan.source else { Issue.record("not SSO"); return }
        #expect(holder.name == "dev")
        // No GetSessionToken (no long-term keys); STS caps a role assumed from role credentials at 1h.
        #expect(plan.steps.count == 1)
        guard case .assumeRole(let role) = plan.steps[0] else { Issue.record("not AssumeRole"); return }
        #expect(role.roleARN == "arn:aws:iam::333333333333:role/admin" && role.durationSeconds == 3600 && role.cappedFrom == 7200)
        #expect(role.mfa?.serial == "arn:aws:iam::111111111111:mfa/me")
        #expect(plan.kind == "sso + role")
    }

    @Test func rolesChainOnTopOfEachOther() throws {
        let plan = try plan("deeper")
        #expect(plan.steps.map(\.profile.name) == ["admin", "deeper"])
        #expect(plan.lines.first == "1. IAM Identity Center GetRoleCredentials 111111111111/Admin of 'dev' (sso-session corp)")
    }

    @Test func anSSOProfilesOwnRoleArnIsNotAssumedAndConfigShowSaysSo() throws {
        let plan = try plan("ssorole")
        #expect(plan.steps.isEmpty)
        #expect(plan.remarks.contains { $0.contains("role_arn arn:aws:iam::555555555555:role/ignored of profile 'ssorole' is not assumed") })
    }

    @Test func theJSONNamesTheSSOStep() throws {
        let json = try plan("admin").json(level: 0)
        #expect(json.contains(#""kind": "sso""#) && json.contains(#""call": "GetRoleCredentials""#))
        #expect(json.contains(#""account_id": "111111111111""#) && json.contains(#""sso_session": "corp""#))
    }

    @Test func anIncompleteSSOProfileIsAnErrorAtPlanning() throws {
        let file = try ConfigFile.parse("[profile x]\nsso_session = corp\nsso_account_id = 1\n[sso-session corp]\nsso_start_url = https://a.awsapps.com/start\nsso_region = us-east-1\n", path: "/c")
        let profile = try ProfileResolver(file: file, settings: Settings(environment: [:])).resolve("x")
        #expect(throws: SSOError.self) {
            try ChainPlanner(settings: Settings(environment: [:]), options: .init(), hasStoredKeys: { _ in false },
                             ssoProfile: { try SSOConfig.profile($0, file: file) }).plan(for: profile)
        }
    }
}
