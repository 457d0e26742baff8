#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `vault sso logout`: for each cached token, Logout at the portal (which
/// ends that session at IAM Identity Center) while the token still works,
/// then the token file is deleted either way. What could not be revoked is
/// said, not hidden: a refresh token has no revocation call a client can
/// make, and a failed Logout leaves the access token valid until it expires.
package struct SSOLogout {
    package struct Result: Sendable, Equatable {
        package var session: String
        package var revoked: Bool
        /// Why nothing was revoked at the server, if so.
        package var note: String?
    }

    let settings: Settings
    let transport: HTTPTransport
    let clock: SSOClock

    package init(settings: Settings, transport: HTTPTransport, clock: SSOClock = .system) {
        self.settings = settings
        self.transport = transport
        self.clock = clock
    }

    /// One session's token.
    package func logout(_ session: SSOSession) throws -> Result? {
        let cache = SSOTokenCache(settings: settings)
        guard let token = try cache.token(for: session) else { return nil }
        let result = revoke(token, name: session.displayName)
        _ = try cache.removeToken(for: session)
        return result
    }

    /// Every token in the cache (as `aws sso logout` does).
    package func logoutAll() throws -> [Result] {
        let cache = SSOTokenCache(settings: settings)
        var results: [Result] = []
        for path in Self.files(in: cache.directory) {
            guard let token = Self.token(at: path) else { continue }
            results.append(revoke(token, name: "start URL \(ConfigError.clip(token.startURL))"))
            if unlink(path) != 0 && errno != ENOENT {
                throw SSOError.cache(path: path, operation: "delete", reason: String(cString: strerror(errno)))
            }
        }
        return results
    }

    private func revoke(_ token: SSOToken, name: String) -> Result {
        let refreshNote = token.refreshToken == nil ? "" : "; its refresh token has no revocation call and was deleted from the cache"
        guard token.expiresAt > clock.now() else {
            return Result(session: name, revoked: false, note: "the access token had already expired" + refreshNote)
        }
        guard SSOConfig.isRegionName(token.region) else {
            return Result(session: name, revoked: false, note: "the cached token names no usable region; the access token stays valid until \(AWSTime.iso8601(token.expiresAt))" + refreshNote)
        }
        do {
            let portal = try SSOPortalClient(region: token.region, settings: settings, transport: transport)
            try portal.logout(accessToken: token.accessToken)
            return Result(session: name, revoked: true, note: nil)
        } catch {
            let why = (error as? SSOFailure).map { "\($0.code): \($0.detail)" } ?? ((error as? VaultError)?.message ?? "\(error)")
            return Result(session: name, revoked: false,
                          note: "Logout failed (\(why)); the access token stays valid at IAM Identity Center until \(AWSTime.iso8601(token.expiresAt))" + refreshNote)
        }
    }

    private static func files(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(directory + "/" + name) }
        }
        return names.sorted()
    }

    /// A token file (not a registration): `accessToken`, `expiresAt`, `region`.
    private static func token(at path: String) -> SSOToken? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let bytes = FileBytes.readAll(fd, sizeHint: 4096), let document = try? JSONValue.parse(bytes),
              let access = document["accessToken"]?.string, let region = document["region"]?.string,
              let expires = document["expiresAt"]?.string else { return nil }
        return SSOToken(startURL: document["startUrl"]?.string ?? "?", region: region, accessToken: access,
                        expiresAt: SSOTime.parse(expires) ?? .distantPast, refreshToken: document["refreshToken"]?.string)
    }
}
