#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A per-session lock shared by every vault process of this user: while one
/// process obtains a session (one MFA prompt, one STS call), the others wait
/// on the lock and then find the result in the cache. `flock` locks die with
/// their process, so a killed vault never leaves others waiting.
package struct SingleFlight: Sendable {
    /// Folder for the lock files: `$XDG_RUNTIME_DIR/vault` (tmpfs, per user)
    /// when set, else `<data dir>/locks`.
    package let directory: String

    package init(settings: Settings) {
        if let runtime = settings["XDG_RUNTIME_DIR"] {
            directory = runtime + "/vault"
        } else {
            directory = settings.vaultDataDirectory + "/locks"
        }
    }

    /// Runs `body` holding the lock named `name` (any string; hashed into a file name).
    package func withLock<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try PrivateDirectory.ensure(directory)
        let path = directory + "/" + Hex.encode(try Digest.sha256(name)).prefix(32) + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CredentialError.lockFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw CredentialError.lockFailed(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

/// Creates a folder (and its parents) with mode 0700 when missing, and
/// refuses one that others can write or another user owns.
package enum PrivateDirectory {
    package static func ensure(_ path: String) throws {
        if let failure = PrivateFolders.create(path) {
            throw CredentialError.lockFailed(path: failure.path, reason: String(cString: strerror(failure.errno)))
        }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CredentialError.lockFailed(path: path, reason: "not a folder")
        }
        guard info.st_uid == getuid(), info.st_mode & 0o022 == 0 else {
            throw CredentialError.lockFailed(path: path, reason: "it is writable by others or owned by another user")
        }
    }
}
