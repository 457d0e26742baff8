import Testing
@testable import VaultCore

/// The configuration from the aws-vault walkthrough this project follows.
let walkthrough = """
    [profile classmethod]
    [profile common]
    source_profile = classmethod
    region=ap-northeast-1
    output=json
    mfa_serial=arn:aws:iam::123456789012:mfa/user
    role_session_name=cm-user
    [profile myrole1]
    include_profile=common
    role_arn=arn:aws:iam::999999999999:role/r1
    [profile myrole2]
    include_profile=common
    role_arn=arn:aws:iam::888888888888:role/r2

    """

func resolver(_ text: String, env: [String: String] = [:]) throws -> ProfileResolver {
    ProfileResolver(file: try parse(text), settings: Settings(environment: env))
}

@Suite struct ProfileResolverTests {
    @Test func walkthroughResolvesAsAwsVaultDoes() throws {
        let profile = try resolver(walkthrough).resolve("myrole1")
        #expect(profile.roleARN == "arn:aws:iam::999999999999:role/r1")
        #expect(profile.mfaSerial == "arn:aws:iam::123456789012:mfa/user")
        #expect(profile.roleSessionName == "cm-user")
        #expect(profile.region == "ap-northeast-1")
        #expect(profile.source?.name == "classmethod")
        #expect(profile.keyHolder.name == "classmethod")
        #expect(profile.settings["region"]?.origin == .included(profile: "common", SourceLocation(file: "/cfg", line: 4)))
    }

    @Test func defaultLendsSettingsButNotIdentity() throws {
        let text = "[default]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = a\n[profile a]\n[profile b]\nregion = eu-west-1\n"
        let r = try resolver(text)
        let a = try r.resolve("a")
        #expect(a.region == "us-east-1")
        #expect(a.roleARN == nil && a.source == nil)
        #expect(try r.resolve("b").region == "eu-west-1")
    }

    @Test func environmentOverridesAsAwsVaultAppliesThem() throws {
        let env = ["AWS_DEFAULT_REGION": "x-1", "AWS_REGION": "y-2", "AWS_MFA_SERIAL": "arn:mfa", "AWS_ROLE_SESSION_NAME": "from-env"]
        let p = try resolver(walkthrough, env: env).resolve("myrole1")
        #expect(p.region == "y-2")
        #expect(p.settings["region"]?.origin == .environment("AWS_REGION"))
        #expect(p.mfaSerial == "arn:mfa")
        #expect(p.roleSessionName == "from-env")
        // Region and MFA serial reach every profile of the chain; role variables the target only.
        #expect(p.source?.mfaSerial == "arn:mfa" && p.source?.region == "y-2")
        #expect(p.source?.roleSessionName == nil)
    }

    @Test func tenThousandDeepChainsAreRefusedWithFileAndLine() throws {
        for key in ["source_profile", "include_profile"] {
            var text = ""
            for i in 0..<10_000 { text += "[profile p\(i)]\n\(key) = p\(i + 1)\n" }
            text += "[profile p10000]\n"
            #expect {
                try resolver(text).resolve("p0")
            } throws: { error in
                guard case .tooDeep(let k, let profile, let limit, let location) = error as? ConfigError else { return false }
                return k == key && profile == "p\(limit - 1)" && location == SourceLocation(file: "/cfg", line: 2 * limit)
            }
        }
    }

    @Test func chainsUpToTheBoundResolve() throws {
        var text = ""
        for i in 0..<(ProfileResolver.maximumDepth - 1) { text += "[profile p\(i)]\nsource_profile = p\(i + 1)\n" }
        text += "[profile p\(ProfileResolver.maximumDepth - 1)]\n"
        #expect(try resolver(text).resolve("p0").chain.count == ProfileResolver.maximumDepth)
    }

    @Test func sourceProfileCycleIsAnErrorNotAHang() throws {
        let r = try resolver("[profile a]\nsource_profile = b\n[profile b]\nsource_profile = c\n[profile c]\nsource_profile = a\n")
        #expect {
            try r.resolve("a")
        } throws: { error in
            let message = (error as? ConfigError)?.message ?? ""
            return message.hasPrefix("/cfg:6:") && message.contains("a → b → c → a")
        }
    }

    @Test func includeCycleAndUnknownReferences() throws {
        #expect(throws: ConfigError.self) { try resolver("[profile a]\ninclude_profile = a\n").resolve("a") }
        #expect(throws: ConfigError.cycle(key: "include_profile", chain: ["a", "b", "a"], location: SourceLocation(file: "/cfg", line: 4))) {
            try resolver("[profile a]\ninclude_profile = b\n[profile b]\ninclude_profile = a\n").resolve("a")
        }
        #expect(throws: ConfigError.unknownReference(key: "source_profile", name: "nope", profile: "a", location: SourceLocation(file: "/cfg", line: 2))) {
            try resolver("[profile a]\nsource_profile = nope\n").resolve("a")
        }
        #expect(throws: ConfigError.unknownProfile(name: "zzz", path: "/cfg")) { try resolver("").resolve("zzz") }
    }

    @Test func selfSourceMeansOwnStoredKeys() throws {
        let p = try resolver("[profile a]\nsource_profile = a\nrole_arn = arn:aws:iam::1:role/r\n").resolve("a")
        #expect(p.source == nil)
        #expect(p.keyHolder.name == "a")
    }

    @Test func tagsAndDuration() throws {
        let p = try resolver("[profile a]\nsession_tags = k1=v1, k2 = v2\ntransitive_session_tags = k1,k2\nduration_seconds = 7200\n").resolve("a")
        #expect(p.sessionTags.map(\.key) == ["k1", "k2"] && p.sessionTags.map(\.value) == ["v1", "v2"])
        #expect(p.transitiveSessionTags == ["k1", "k2"])
        #expect(p.durationSeconds == 7200)
        #expect(throws: ConfigError.self) { try resolver("[profile a]\nduration_seconds = 1h\n").resolve("a") }
    }

    @Test func servicesBlockIsAttached() throws {
        let p = try resolver("[profile a]\nservices = dev\n[services dev]\nsts =\n  endpoint_url = http://127.0.0.1:1\n").resolve("a")
        #expect(p.services["sts"]?["endpoint_url"] == "http://127.0.0.1:1")
    }
}
