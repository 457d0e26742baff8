#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one `.vaultrc`, read once: the bytes hashed for trust are the
/// bytes parsed. Only a regular file of at most 64 KiB is read; a FIFO, a
/// device, a folder or a larger file is refused before any of it is read, so
/// a cloned repository can't make the hook hang or read 100 MB per prompt.
package struct RCFileBytes: Sendable {
    package static let maximumSize = 64 * 1024

    /// The lexical absolute path it was read at (a symlink's own path).
    package let path: String
    package let bytes: [UInt8]
    /// The file's `stat` when it was read (through a symlink: the target's).
    package let info: stat
    package let isSymlink: Bool

    /// Reads `path`. A symlink is refused (`.rcSymlink`) unless
    /// `followSymlink`; the caller decides that from the trust list.
    package static func read(_ path: String, followSymlink: Bool) throws(ShellError) -> RCFileBytes {
        var link = stat()
        guard lstat(path, &link) == 0 else { throw .rcUnreadable(path: path, reason: String(cString: strerror(errno))) }
        let isSymlink = (link.st_mode & S_IFMT) == S_IFLNK
        if isSymlink && !followSymlink { throw .rcSymlink(path: path, target: target(of: path)) }
        var before = stat()
        guard stat(path, &before) == 0 else { throw .rcUnreadable(path: path, reason: String(cString: strerror(errno))) }
        try check(before, path: path)
        // O_NONBLOCK: were it swapped for a FIFO after the check, open still
        // returns at once; O_NOFOLLOW: nor for a symlink.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (isSymlink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            if errno == ELOOP { throw .rcSymlink(path: path, target: target(of: path)) }
            throw .rcUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .rcUnreadable(path: path, reason: String(cString: strerror(errno))) }
        try check(info, path: path)
        // One byte more than the limit tells a file that grew since fstat.
        var bytes = [UInt8](repeating: 0, count: maximumSize + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw .rcUnreadable(path: path, reason: String(cString: strerror(errno))) }
            if n == 0 { break }
            count += n
        }
        guard count <= maximumSize else { throw .rcTooLarge(path: path, size: Int(info.st_size)) }
        return RCFileBytes(path: path, bytes: Array(bytes[..<count]), info: info, isSymlink: isSymlink)
    }

    private static func check(_ info: stat, path: String) throws(ShellError) {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { throw .rcNotRegular(path: path, kind: kind(type)) }
        guard info.st_size <= maximumSize else { throw .rcTooLarge(path: path, size: Int(info.st_size)) }
    }

    static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Where a symlink points, for the message (not followed for trust).
    static func target(of path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return "?" }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
