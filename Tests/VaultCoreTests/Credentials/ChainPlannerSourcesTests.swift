import Testing
@testable import VaultCore

/// Web identity and `credential_source` as data: where the chain starts and
/// which STS calls follow. The wire proof is Tests/Integration/test_sources.py.
@Suite struct ChainPlannerSourcesTests {
    func plan(_ text: String, target: String, keys: Set<String> = [], env: [String: String] = [:]) throws -> ChainPlan {
        let profile = try resolver(text, env: env).resolve(target)
        return try ChainPlanner(settings: Settings(environment: env), options: .init(), hasStoredKeys: keys.contains).plan(for: profile)
    }

    func roles(_ plan: ChainPlan) -> [String] {
        plan.steps.map { step in
            switch step {
            case .getSessionToken(let s): "GST \(s.profile.name)"
            case .assumeRole(let r): "AR \(r.profile.name) \(r.roleARN)"
            }
        }
    }

    let web = """
        [profile web]
        web_identity_token_file = /run/token
        role_arn = arn:aws:iam::1:role/web
        role_session_name = ci
        duration_seconds = 900
        [profile above]
        source_profile = web
        role_arn = arn:aws:iam::1:role/above

        """

    @Test func aTokenFileIsTheSourceAndItsRoleIsNotAssumedAgain() throws {
        // Stored keys under the same name do not win: botocore looks at the token file first.
        let plan = try plan(web, target: "web", keys: ["web"])
        guard case .webIdentity(let holder, let step) = plan.source else { Issue.record("not web identity: \(plan.source)"); return }
        #expect(holder.name == "web")
        #expect(step.tokenFile == "/run/token" && step.roleARN == "arn:aws:iam::1:role/web")
        #expect(step.roleSessionName == "ci" && step.durationSeconds == 900)
        #expect(plan.steps.isEmpty)
        #expect(plan.summary.hasPrefix("AssumeRoleWithWebIdentity arn:aws:iam::1:role/web 900s"))
    }

    @Test func aRoleChainsOnTopOfWebIdentity() throws {
        let plan = try plan(web, target: "above")
        guard case .webIdentity = plan.source else { Issue.record("not web identity"); return }
        #expect(roles(plan) == ["AR above arn:aws:iam::1:role/above"])
        // A role assumed from web identity credentials is role chaining: capped at 1h.
        let long = try self.plan(web + "duration_seconds = 7200\n", target: "above")
        guard case .assumeRole(let step) = long.steps.first else { Issue.record("no AssumeRole"); return }
        #expect(step.durationSeconds == 3600 && step.cappedFrom == 7200)
    }

    @Test func theEnvironmentNamesTheTokenFileAndRoleAsBotocoreDoes() throws {
        let env = ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/eks/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/env", "AWS_ROLE_SESSION_NAME": "pod"]
        let plan = try plan("[profile plain]\nregion = eu-west-1\n", target: "plain", env: env)
        guard case .webIdentity(_, let step) = plan.source else { Issue.record("not web identity"); return }
        #expect(step.tokenFile == "/var/run/eks/token" && step.roleARN == "arn:aws:iam::1:role/env" && step.roleSessionName == "pod")
        // The variable wins over the profile's key.
        let over = try self.plan(web, target: "web", env: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/other"])
        guard case .webIdentity(_, let overStep) = over.source else { Issue.record("not web identity"); return }
        #expect(overStep.tokenFile == "/other")
    }

    @Test func aTokenFileWithoutARoleIsRefusedWhereItIsWritten() throws {
        #expect(throws: ConfigError.self) { try plan("[profile w]\nweb_identity_token_file = /t\n", target: "w") }
    }

    @Test(arguments: MetadataSource.allCases)
    func credentialSourceStartsTheChainAndItsRoleIsAssumed(_ source: MetadataSource) throws {
        let text = "[profile r]\ncredential_source = \(source.rawValue)\nrole_arn = arn:aws:iam::1:role/r\n[profile top]\nsource_profile = r\nrole_arn = arn:aws:iam::1:role/top\n"
        let plan = try plan(text, target: "top", keys: ["r"])
        guard case .metadata(let holder, let found) = plan.source else { Issue.record("not credential_source"); return }
        #expect(holder.name == "r" && found == source)
        // No GetSessionToken: the source's keys are not known to be long-term.
        #expect(roles(plan) == ["AR r arn:aws:iam::1:role/r", "AR top arn:aws:iam::1:role/top"])
        #expect(plan.summary.hasPrefix("credential_source \(source.rawValue) of 'r'"))
        #expect(plan.json(level: 0).contains("\"credential_source\": \"\(source.rawValue)\""))
    }

    @Test(arguments: [
        "credential_source = Ec2\nrole_arn = arn:aws:iam::1:role/r\n",
        "credential_source = Environment\n",
        "credential_source = Environment\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = o\n[profile o]\n",
    ])
    func aBadCredentialSourceIsRefused(_ body: String) throws {
        #expect(throws: ConfigError.self) { try plan("[profile r]\n" + body, target: "r") }
    }

    @Test func containerFullURIHostsAreBotocores() {
        #expect(ContainerCredentialsProvider.allowed("https://creds.example.com/x"))
        #expect(ContainerCredentialsProvider.allowed("http://127.0.0.1:8080/creds"))
        #expect(ContainerCredentialsProvider.allowed("http://127.9.9.9/creds"))
        #expect(ContainerCredentialsProvider.allowed("http://169.254.170.23/v1/credentials"))
        #expect(ContainerCredentialsProvider.allowed("http://[fd00:ec2::23]/v1/credentials"))
        #expect(ContainerCredentialsProvider.allowed("http://localhost:9/x"))
        #expect(!ContainerCredentialsProvider.allowed("http://evil.example.com/creds"))
        #expect(!ContainerCredentialsProvider.allowed("http://127.0.0.1.evil.example.com/creds"))
        #expect(!ContainerCredentialsProvider.allowed("ftp://127.0.0.1/creds"))
    }
}
