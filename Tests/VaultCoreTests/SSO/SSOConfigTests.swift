import Testing
@testable import VaultCore

private func ssoProfile(_ text: String, _ name: String = "dev") throws -> (Profile, ConfigFile) {
    let file = try ConfigFile.parse(text, path: "/c")
    return (try ProfileResolver(file: file, settings: Settings(environment: [:])).resolve(name), file)
}

@Suite struct SSOConfigTests {
    @Test func sessionProfileTakesTheSessionsSettingsAndDefaultScope() throws {
        let (profile, file) = try ssoProfile("""
            [profile dev]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = Admin
            [sso-session corp]
            sso_start_url = https://d-1.awsapps.com/start
            sso_region = eu-west-1
            """)
        let sso = try SSOConfig.profile(profile, file: file)
        #expect(sso.session == SSOSession(
            name: "corp", startURL: "https://d-1.awsapps.com/start", region: "eu-west-1",
            registrationScopes: ["sso:account:access"], location: SourceLocation(file: "/c", line: 6)))
        #expect(sso.accountID == "111111111111" && sso.roleName == "Admin")
    }

    @Test func scopesAreSplitAsTheAWSCLISplitsThem() throws {
        let file = try ConfigFile.parse("[sso-session s]\nsso_start_url = https://x/start\nsso_region = us-east-1\nsso_registration_scopes = a, ,b ,\n", path: "/c")
        #expect(try SSOConfig.named("s", file: file).registrationScopes == ["a", "b"])
    }

    @Test func legacyProfileIsKeyedByStartURL() throws {
        let (profile, file) = try ssoProfile("[profile dev]\nsso_start_url = https://x/start\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = R\n")
        let sso = try SSOConfig.profile(profile, file: file)
        #expect(sso.session.name == nil && sso.session.startURL == "https://x/start")
        #expect(sso.session.loginCommand(profile: "dev") == "vault sso login dev")
    }

    @Test func aProfileThatDisagreesWithItsSessionIsRefusedAtItsLine() throws {
        let (profile, file) = try ssoProfile("""
            [profile dev]
            sso_session = corp
            sso_region = us-west-2
            [sso-session corp]
            sso_start_url = https://x/start
            sso_region = eu-west-1
            """)
        #expect(throws: SSOError.self) { try SSOConfig.session(for: profile, file: file) }
        do {
            _ = try SSOConfig.session(for: profile, file: file)
        } catch {
            #expect(error.message.hasPrefix("/c:3: profile 'dev' sets sso_region = us-west-2, but its sso-session says eu-west-1"))
        }
    }

    @Test(arguments: [
        ("[profile dev]\nsso_account_id = 11\nsso_role_name = R\nsso_start_url = https://x\nsso_region = us-east-1\n", "/c:2: sso_account_id = 11 is not a 12-digit AWS account id"),
        ("[profile dev]\nsso_start_url = not a url\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = R\n", "/c:2: sso_start_url = not a url is not a URL"),
        ("[profile dev]\nsso_start_url = https://x\nsso_region = US East\nsso_account_id = 111111111111\nsso_role_name = R\n", "/c:2: sso_region = US East is not a region name"),
        ("[profile dev]\nregion = us-east-1\n", "profile 'dev' is not an IAM Identity Center (SSO) profile"),
    ])
    func badSettingsAreNamedWithTheirLine(text: String, message: String) throws {
        let (profile, file) = try ssoProfile(text)
        do {
            _ = try SSOConfig.profile(profile, file: file)
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}

@Suite struct SSOPopulateTests {
    let session = SSOSession(name: "corp", startURL: "https://x/start", region: "us-east-1", registrationScopes: [], location: nil)

    func pair(_ id: String, _ name: String, _ role: String) -> SSOPopulate.Assignment {
        .init(account: .init(id: id, name: name, email: nil), role: role)
    }

    @Test func namesFromTheNetworkCannotBreakOutOfTheirLine() throws {
        let file = try ConfigFile.parse("", path: "/c")
        let (text, added, skipped) = SSOPopulate.profiles(
            [pair("111111111111", "Prod\n[profile evil]", "Admin"), pair("222222222222", "x", "Admin\ncredential_process = sh"),
             pair("33", "y", "R")],
            session: session, request: .init(sessionName: "corp"), existing: file)
        #expect(added == ["Prod-profile-evil-Admin"])
        #expect(skipped.count == 2)
        let parsed = try ConfigFile.parse(text ?? "", path: "/c")
        #expect(Array(parsed.profiles.keys) == ["Prod-profile-evil-Admin"])
    }

    @Test func theDiffAppendsAfterTheLastLine() {
        #expect(SSOPopulate.diff(path: "/c", current: "a\nb\n", addition: "\nx\n") == "--- /c\n+++ /c\n@@ -2,0 +3,2 @@\n+\n+x\n")
        #expect(SSOPopulate.diff(path: "/c", current: "", addition: "x\n") == "--- /c\n+++ /c\n@@ -0,0 +1,1 @@\n+x\n")
        #expect(SSOPopulate.diff(path: "/c", current: "a", addition: "x\n")
            == "--- /c\n+++ /c\n@@ -1,1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+x\n")
    }
}
