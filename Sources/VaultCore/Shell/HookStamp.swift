#if canImport(Glibc)
import Glibc
#endif

/// What lets the hook tell, with builtins and without opening it, that a
/// `.vaultrc` is as it was when vault last looked: an empty file
/// `seen/<shell pid>` whose mtime vault sets to the `.vaultrc`'s, to the
/// nanosecond. The hook's `! F -nt S && ! F -ot S` is then one `stat` per
/// file, however large or strange the `.vaultrc` is (reading it in shell code
/// at every prompt would hang on a FIFO and crawl through 100 MB).
///
/// One stamp per shell, at a path the hook knows before vault answers: when
/// Ctrl-C cuts `hook-apply` short (a slow `credential_process`), the stamp is
/// already there and the hook does not start it again at the next prompt.
extension TrustStore {
    /// Stamps `info`'s mtime (the `.vaultrc`'s `stat`, through symlinks, as
    /// the hook's `-nt` sees it) for the shell `pid`. A failure only makes
    /// the hook ask again at the next prompt: slower, not wrong.
    package func stamp(shell pid: Int32, info: stat) {
        guard pid > 0 else { return }
        do throws(ShellError) { try prepare(seenDirectory) } catch { return }
        guard PrivateFolders.unsafeReason(seenDirectory) == nil else { return }
        removeStampsOfEndedShells()
        let path = seenDirectory + "/\(pid)"
        // An mtime in the clock tick now running could be an edit's mtime too
        // (the kernel stamps files from a coarse clock): no stamp then, as git
        // does for a "racy" index entry, so the hook asks again next prompt.
        guard !Self.isRacy(info.st_mtim) else { unlink(path); return }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        // UTIME_OMIT for the access time.
        let times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), info.st_mtim]
        _ = futimens(fd, times)
    }

    /// The same for whatever is at `path` now (nothing when it is gone).
    package func stamp(shell pid: Int32, path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        stamp(shell: pid, info: info)
    }

    /// Whether `mtime` is not yet behind the coarse clock files are stamped from.
    static func isRacy(_ mtime: timespec) -> Bool {
        var now = timespec()
        guard clock_gettime(CLOCK_REALTIME_COARSE, &now) == 0 else { return true }
        return mtime.tv_sec > now.tv_sec || (mtime.tv_sec == now.tv_sec && mtime.tv_nsec >= now.tv_nsec)
    }

    private func removeStampsOfEndedShells() {
        guard let dir = opendir(seenDirectory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // `PID`, and `PID.clock`, the file tcsh's hook reads the time from.
            let shell = name.hasSuffix(".clock") ? String(name.dropLast(6)) : name
            if let pid = Int32(shell), pid > 0, kill(pid, 0) != 0, errno == ESRCH { unlink(seenDirectory + "/" + name) }
        }
    }
}
