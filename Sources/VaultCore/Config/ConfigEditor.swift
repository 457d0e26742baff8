#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Changes the AWS config file without losing anyone's edit: under an
/// exclusive lock (`flock` on a file in vault's private lock folder, keyed on
/// the file's real path), the change is made to the bytes read under that
/// lock, written to a temporary file beside the symlink's target and renamed
/// over the target (so `~/.aws/config` stays a symlink, and a reader sees the
/// old file or the new one, never half), with the file's mode kept; then the
/// file is read again to check it holds what was written. `vault add` uses
/// it; other commands that write the config should too.
package struct ConfigEditor {
    package let path: String
    let lock: SingleFlight

    package init(path: String, settings: Settings) {
        self.path = path
        lock = SingleFlight(settings: settings)
    }

    /// Runs `change` on the file's bytes (nil when there is no file) under the
    /// lock and writes what it returns; nil leaves the file alone. Returns
    /// whether the file was written.
    @discardableResult
    package func edit(_ change: (Data?) throws -> Data?) throws -> Bool {
        let target = try Self.target(of: path)
        return try lock.withLock("aws-config:" + Self.identity(of: target)) {
            // Under the lock no other writer of this file is at work: a temp
            // file of its name is a killed run's.
            AtomicFile.removeLeftovers(of: target)
            let before = try Self.read(target)
            guard let after = try change(before) else { return false }
            try Self.replace(target, with: after, modeIfNew: 0o600)
            guard try Self.read(target) == after else { throw CredentialCommandError.configNotAsWritten(path: target) }
            return true
        }
    }

    /// `bytes` with `[profile NAME]` (or `[default]`) appended after a blank
    /// line, every existing byte kept.
    package static func appendingSection(for profile: String, to bytes: Data?) -> Data {
        var contents = bytes ?? Data()
        if let last = contents.last {
            if last != 0x0A { contents.append(0x0A) }
            contents.append(0x0A)
        }
        contents.append(contentsOf: ((profile == "default" ? "[default]" : "[profile \(profile)]") + "\n").utf8)
        return contents
    }

    /// The file the path finally names: symlinks followed, one at a time, so
    /// that a link to a file not yet made still names where to make it.
    static func target(of path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw CredentialCommandError.config(path: current, operation: "read the link", errno: errno) }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : folder(of: current) + "/" + link
        }
        throw CredentialCommandError.config(path: path, operation: "follow the links of", errno: ELOOP)
    }

    /// One name for the lock whatever path names the file: its folder's
    /// real path and its own name.
    static func identity(of target: String) -> String {
        let folder = folder(of: target)
        guard let real = realpath(folder, nil) else { return target }
        defer { free(real) }
        return String(cString: real) + "/" + (target.split(separator: "/").last.map(String.init) ?? "")
    }

    static func folder(of path: String) -> String { AtomicFile.folder(of: path) }

    /// The file's bytes; nil when it does not exist.
    static func read(_ path: String) throws -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            guard errno == ENOENT else { throw CredentialCommandError.config(path: path, operation: "read", errno: errno) }
            return nil
        }
        defer { close(fd) }
        guard let bytes = FileBytes.readAll(fd) else { throw CredentialCommandError.config(path: path, operation: "read", errno: errno) }
        return bytes
    }

    /// Writes `bytes` to a new file in `path`'s folder and renames it over
    /// `path`, keeping `path`'s mode (`modeIfNew` for a new file, whose
    /// missing folder is made 0700).
    static func replace(_ path: String, with bytes: Data, modeIfNew: mode_t) throws {
        let directory = folder(of: path)
        var mode = modeIfNew
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        if access(directory, F_OK) != 0, mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw CredentialCommandError.config(path: directory, operation: "create", errno: errno)
        }
        do {
            try AtomicFile.replace(path, mode: mode) { FileBytes.writeAll($0, bytes) }
        } catch {
            throw CredentialCommandError.config(path: error.path, operation: error.operation, errno: error.errno)
        }
    }
}
