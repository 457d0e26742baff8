import Foundation
import Testing
@testable import VaultCore

@Suite struct EndpointsTests {
    func sts(_ config: EndpointConfig, _ env: [String: String] = [:]) throws -> Endpoint {
        try Endpoints.sts(config, settings: Settings(environment: env))
    }

    func iam(_ config: EndpointConfig, _ env: [String: String] = [:]) throws -> Endpoint {
        try Endpoints.iam(config, settings: Settings(environment: env))
    }

    @Test func stsIsRegionalByDefault() throws {
        let e = try sts(EndpointConfig(region: "eu-west-1"))
        #expect(e.url == "https://sts.eu-west-1.amazonaws.com" && e.signingRegion == "eu-west-1")
    }

    @Test func stsIsGlobalWithoutARegion() throws {
        let e = try sts(EndpointConfig())
        #expect(e.url == "https://sts.amazonaws.com" && e.signingRegion == "us-east-1")
    }

    @Test func legacyModeUsesTheGlobalEndpointForLegacyRegionsOnly() throws {
        #expect(try sts(EndpointConfig(region: "eu-west-1", stsRegionalEndpoints: "legacy")).url == "https://sts.amazonaws.com")
        #expect(try sts(EndpointConfig(region: "af-south-1", stsRegionalEndpoints: "legacy")).url == "https://sts.af-south-1.amazonaws.com")
        // The environment wins over the profile, both ways.
        #expect(try sts(EndpointConfig(region: "us-west-2"), ["AWS_STS_REGIONAL_ENDPOINTS": "legacy"]).url == "https://sts.amazonaws.com")
        #expect(try sts(EndpointConfig(region: "us-west-2", stsRegionalEndpoints: "legacy"), ["AWS_STS_REGIONAL_ENDPOINTS": "regional"]).url
            == "https://sts.us-west-2.amazonaws.com")
    }

    @Test func partitions() throws {
        #expect(try sts(EndpointConfig(region: "cn-north-1")).url == "https://sts.cn-north-1.amazonaws.com.cn")
        #expect(try sts(EndpointConfig(region: "cn-northwest-1", stsRegionalEndpoints: "legacy")).url == "https://sts.cn-northwest-1.amazonaws.com.cn")
        #expect(try sts(EndpointConfig(region: "us-gov-west-1")).url == "https://sts.us-gov-west-1.amazonaws.com")
        #expect(try iam(EndpointConfig(region: "eu-central-1")) == Endpoint(url: "https://iam.amazonaws.com", signingRegion: "us-east-1", source: "aws IAM endpoint"))
        let cn = try iam(EndpointConfig(region: "cn-northwest-1"))
        #expect(cn.url == "https://iam.cn-north-1.amazonaws.com.cn" && cn.signingRegion == "cn-north-1")
        let gov = try iam(EndpointConfig(region: "us-gov-east-1"))
        #expect(gov.url == "https://iam.us-gov.amazonaws.com" && gov.signingRegion == "us-gov-west-1")
        #expect(try iam(EndpointConfig()).url == "https://iam.amazonaws.com")
    }

    /// AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > [services] > endpoint_url.
    @Test func configuredEndpointPrecedence() throws {
        var config = EndpointConfig(region: "eu-west-1", endpointURL: "http://profile", serviceEndpointURLs: ["sts": "http://services-sts"])
        var env = ["AWS_ENDPOINT_URL_STS": "http://env-sts", "AWS_ENDPOINT_URL": "http://env-all"]
        #expect(try sts(config, env).url == "http://env-sts")
        #expect(try sts(config, env).signingRegion == "eu-west-1")
        env["AWS_ENDPOINT_URL_STS"] = nil
        #expect(try sts(config, env).url == "http://env-all")
        env["AWS_ENDPOINT_URL"] = ""
        #expect(try sts(config, env).url == "http://services-sts")
        #expect(try iam(config, env).url == "http://profile")
        config.serviceEndpointURLs = [:]
        #expect(try sts(config, env).url == "http://profile")
        #expect(try sts(config, ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]).url == "https://sts.eu-west-1.amazonaws.com")
        config.ignoreConfiguredEndpointURLs = true
        #expect(try sts(config).url == "https://sts.eu-west-1.amazonaws.com")
        #expect(try iam(EndpointConfig(), ["AWS_ENDPOINT_URL_IAM": "https://localhost:4566/"]).url == "https://localhost:4566")
    }

    @Test func badEndpointOrRegionIsAnErrorNamingTheSource() throws {
        let error = #expect(throws: AWSError.self) { try sts(EndpointConfig(), ["AWS_ENDPOINT_URL_STS": "ftp://user:pw@x"]) }
        #expect(error?.message.contains("AWS_ENDPOINT_URL_STS") == true)
        #expect(error?.message.contains("pw") == false)
        let region = #expect(throws: AWSError.self) { try sts(EndpointConfig(region: "eu west/1")) }
        #expect(region?.message.contains("eu west/1") == true)
    }
}

@Suite struct AWSSettingsTests {
    @Test func proxyFollowsCurlsRules() {
        let s = Settings(environment: ["HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:1", "HTTP_PROXY": "http://ignored:1", "ALL_PROXY": "http://all:1"])
        #expect(s.proxy(forScheme: "https") == "http://lower:1")
        // curl ignores upper-case HTTP_PROXY (CGI environments set it from a request header).
        #expect(s.proxy(forScheme: "http") == "http://all:1")
        #expect(Settings(environment: ["NO_PROXY": "a", "no_proxy": "b"]).noProxy == "b")
        #expect(Settings(environment: [:]).proxy(forScheme: "https") == nil)
    }

    @Test func caBundleAndServiceVariables() {
        let s = Settings(environment: ["HOME": "/h", "AWS_CA_BUNDLE": "~/ca.pem", "AWS_ENDPOINT_URL_STS": "http://x"])
        #expect(s.awsCABundle == "/h/ca.pem")
        #expect(s.awsEndpointURL(service: "sts") == "http://x")
        #expect(Settings(environment: ["AWS_ENDPOINT_URL_SSO_OIDC": "y"]).awsEndpointURL(service: "sso-oidc") == "y")
    }
}

@Suite struct AWSTimeTests {
    @Test func iso8601() throws {
        let date = try #require(AWSTime.parseISO8601("2026-11-29T00:43:41Z"))
        #expect(date.timeIntervalSince1970 == 1_795_913_021)
        #expect(AWSTime.iso8601(date) == "2026-11-29T00:43:41Z")
        #expect(AWSTime.amzDate(date) == "20261129T004341Z")
        #expect(AWSTime.parseISO8601("2026-11-29T00:43:41.500Z")?.timeIntervalSince1970 == 1_795_913_021.5)
        #expect(AWSTime.parseISO8601("2026-11-29T01:43:41+01:00") == date)
        #expect(AWSTime.parseISO8601("2024-02-29T00:00:00Z") != nil)
        for bad in ["", "2026-11-29", "2026-02-30T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T00:43:41Zjunk", "2026-11-29T00:43:41."] {
            #expect(AWSTime.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test func httpDate() {
        #expect(AWSTime.parseHTTPDate("Sun, 29 Nov 2026 00:43:41 GMT")?.timeIntervalSince1970 == 1_795_913_021)
        #expect(AWSTime.parseHTTPDate("Sunday, 29-Nov-26 00:43:41 GMT") == nil)
    }
}

@Suite struct AWSErrorTests {
    let place = ServiceFailure(code: "", message: "", status: 403, action: "GetSessionToken", endpoint: "https://sts.amazonaws.com")
    let keys = Credentials(accessKeyID: "AKIAABCDEFGHIJKLWXYZ", secretAccessKey: "SECRETSECRETSECRET")

    func classify(_ code: String, _ message: String, skew: Int? = nil, credentials: Credentials? = nil) -> AWSError {
        var f = place
        f.code = code
        f.message = message
        return AWSError.classify(f, credentials: credentials ?? keys, skew: skew)
    }

    @Test func accessDeniedKeepsAWSsWords() {
        let e = classify("AccessDenied", "User: arn:aws:iam::1:user/a is not authorized to perform: sts:AssumeRole")
        #expect(e.message == "AccessDenied: User: arn:aws:iam::1:user/a is not authorized to perform: sts:AssumeRole (GetSessionToken at https://sts.amazonaws.com)")
    }

    @Test func aDisabledRegionSaysWhatToDo() {
        #expect(classify("RegionDisabledException", "STS is not activated in this region for account:1.").message
            .hasSuffix("activate STS for this region in IAM's account settings, or use another region"))
    }

    @Test func libcurlMissingSaysWhatToInstall() {
        let e = AWSError.network(TransportError(.unavailable, "libcurl.so.4: cannot open shared object file"),
                                 endpoint: "https://sts.amazonaws.com", proxy: nil, attempts: 1)
        #expect(e.message.contains("cannot load libcurl") && e.message.contains("libcurl4"))
    }

    @Test func mfaRejectionIsSaidAsSuch() {
        let e = classify("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.")
        guard case .mfaRejected = e else { Issue.record("\(e)"); return }
        #expect(e.message.hasPrefix("the MFA code was rejected"))
        guard case .mfaRejected = classify("ValidationError", "1 validation error detected: Value 'abc' at 'tokenCode' failed to satisfy constraint") else {
            Issue.record("ValidationError on tokenCode"); return
        }
    }

    @Test func clockSkewSaysByHowMuch() {
        #expect(classify("RequestTimeTooSkewed", "x", skew: 1200).message.contains("the local clock is 20 minutes ahead of AWS's"))
        #expect(classify("SignatureDoesNotMatch", "Signature expired: 20261129T000000Z is now earlier than 20261129T001000Z", skew: -95)
            .message.contains("95 seconds behind"))
        #expect(classify("RequestExpired", "x", skew: 3 * 86400).message.contains("3 days ahead"))
    }

    @Test func keyProblemsSuggestWhatToDoAndHideTheSecret() {
        let invalid = classify("InvalidClientTokenId", "The security token included in the request is invalid.")
        #expect(invalid.message.contains("****WXYZ") && invalid.message.contains("vault rotate") && invalid.message.contains("vault add"))
        let temporary = classify("InvalidClientTokenId", "x", credentials: Credentials(accessKeyID: "ASIAXXXX1234", secretAccessKey: "s", sessionToken: "t"))
        #expect(temporary.message.contains("session token"))
        let signature = classify("SignatureDoesNotMatch", "The request signature we calculated does not match")
        #expect(signature.message.contains("vault add"))
        let expired = classify("ExpiredToken", "The security token included in the request is expired")
        #expect(expired.message.hasPrefix("ExpiredToken:"))
        for e in [invalid, signature, expired] {
            #expect(!e.message.contains("SECRETSECRET") && !e.message.contains("AKIAABCDEFGHIJKLWXYZ"))
        }
    }

    @Test func networkErrorsNameTheEndpointAndHideProxyPasswords() {
        let proxy = AWSError.network(TransportError(.proxy, "Could not resolve proxy: p"), endpoint: "https://sts.amazonaws.com",
                                     proxy: URLRedaction.redact("http://me:hunter2@p:3128"), attempts: 1)
        #expect(proxy.message.contains("https://sts.amazonaws.com") && proxy.message.contains("http://****@p:3128"))
        #expect(!proxy.message.contains("hunter2"))
        let dns = AWSError.network(TransportError(.dns, "Could not resolve host: sts.x"), endpoint: "https://sts.x", proxy: nil, attempts: 1)
        #expect(dns.message.hasPrefix("cannot resolve the host of https://sts.x"))
        let tls = AWSError.network(TransportError(.tls, "SSL certificate problem"), endpoint: "https://sts.x", proxy: nil, attempts: 1)
        #expect(tls.message.contains("AWS_CA_BUNDLE"))
    }
}
