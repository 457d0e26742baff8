import CShims
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Linux kernel keyring (session keyring, "user" keys): where the file
/// store keeps its data key between commands of one login session.
///
/// A key is readable only by its possessors: the processes that share the
/// session keyring it sits in. The processes vault starts join a fresh one
/// (CShims/hygiene.c), and where the session keyring is the user-session
/// keyring (possessed by every process of the user) nothing is kept at all.
/// Every call fails soft: containers often block keyctl, and then vault
/// works without the cache and says nothing.
enum KernelKeyring {
    /// What kind of session keyring this process has.
    enum Session: Equatable {
        /// A session keyring of its own (a login session's, or `keyctl session`).
        case own
        /// Only the user-session keyring, which every process of the user possesses.
        case userSession
        /// keyctl does not work here.
        case unavailable(errno: Int32)
    }

    static var session: Session {
        switch vault_keyctl_own_session() {
        case 1: .own
        case 0: .userSession
        default: .unavailable(errno: errno)
        }
    }

    /// Stores `secret` under `description`, expiring after `ttl` seconds.
    static func store(_ description: String, _ secret: Data, ttl: UInt32) -> Bool {
        secret.withUnsafeBytes { vault_keyctl_add(description, $0.baseAddress, $0.count, ttl) } >= 0
    }

    /// The secret stored under `description`, if any.
    static func read(_ description: String, maximumLength: Int = 64) -> Data? {
        let serial = vault_keyctl_search(description)
        guard serial >= 0 else { return nil }
        var buffer = Data(count: maximumLength)
        let length = buffer.withUnsafeMutableBytes { vault_keyctl_read(serial, $0.baseAddress, $0.count) }
        guard length >= 0, length <= maximumLength else {
            Wipe.data(&buffer)
            return nil
        }
        buffer.count = Int(length)
        return buffer
    }

    /// Forgets the secret stored under `description`; false when there was none.
    @discardableResult
    static func forget(_ description: String) -> Bool {
        let serial = vault_keyctl_search(description)
        guard serial >= 0 else { return false }
        return vault_keyctl_invalidate(serial) >= 0
    }
}

/// Whether the file store keeps its data key in the kernel between commands,
/// and why not when it does not (for `vault doctor`).
package enum UnlockCacheMode: Equatable, Sendable {
    case on(ttl: UInt32)
    case offByTTL
    case offNoSessionKeyring
    case offNoKeyctl(errno: Int32)

    static func current(ttl: UInt32) -> UnlockCacheMode {
        guard ttl > 0 else { return .offByTTL }
        switch KernelKeyring.session {
        case .own: return .on(ttl: ttl)
        case .userSession: return .offNoSessionKeyring
        case .unavailable(let code): return .offNoKeyctl(errno: code)
        }
    }

    package var isOn: Bool {
        if case .on = self { return true }
        return false
    }

    /// One line for `vault doctor`: "on …" or "off: why; what that means".
    package var summary: String {
        switch self {
        case .on(let ttl):
            "on: the data key stays \(ttl)s in this session's kernel keyring, readable only by processes of this session that vault did not start"
        case .offByTTL:
            "off (AWS_VAULT_FILE_UNLOCK_TTL is 0): the passphrase is asked each time (or read from AWS_VAULT_FILE_PASSPHRASE)"
        case .offNoSessionKeyring:
            "off: no session keyring of its own (container, CI, or a login without pam_keyinit), and the user-session keyring is every process's; the passphrase is asked each time (or read from AWS_VAULT_FILE_PASSPHRASE)"
        case .offNoKeyctl(let code):
            "off: the kernel keyring is not available (\(String(cString: strerror(code)))); the passphrase is asked each time (or read from AWS_VAULT_FILE_PASSPHRASE)"
        }
    }
}
