#if canImport(Glibc)
import Glibc
#endif

/// A regular file read by mapping its pages rather than copying them: for
/// `vault list --profiles` (every Tab) on a large config, `read()` into fresh
/// memory cost ~0.5 ms of page faults and copying, a populated map ~0.06 ms.
///
/// A map has one hazard a read has not: if another program truncates the
/// file in place while it is being scanned (an editor or `aws configure set`
/// rewriting it), touching a page past the new end raises SIGBUS. For that
/// window a handler turns it into the usual one-line `vault: …` error on
/// stderr and exit status 1, instead of a crash.
enum MappedFile {
    /// Calls `body` with the `size` bytes of the regular file open on `fd`,
    /// mapped read-only; nil when the file cannot be mapped (the caller reads
    /// it), and for size 0: an empty file, or one whose size the file system
    /// does not tell (/proc), which only reading shows.
    static func withBytes<R, E: Error>(
        of fd: Int32, size: Int, path: String, _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R? {
        guard size > 0 else { return nil }
        let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
        guard let memory, memory != MAP_FAILED else { return nil }
        defer { munmap(memory, size) }
        let guardian = TruncationGuard(path: path)
        defer { guardian.remove() }
        return try body(UnsafeRawBufferPointer(start: memory, count: size))
    }
}

/// The SIGBUS handler of a mapped read: prints a message made beforehand
/// (a handler may only call async-signal-safe functions) and exits.
private struct TruncationGuard {
    private var previous = sigaction()

    init(path: String) {
        let error = ConfigError.cutShortWhileRead(path: path)
        let text = "vault: " + error.message + "\n"
        let bytes = Array(text.utf8)
        // Allocated now: the handler may run at any point of the scan.
        let message = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        message.initialize(from: bytes, count: bytes.count)
        TruncationMessage.bytes = UnsafePointer(message)
        TruncationMessage.count = bytes.count
        TruncationMessage.status = error.exitCode
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            _ = write(2, TruncationMessage.bytes, TruncationMessage.count)
            _exit(TruncationMessage.status)
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, &previous)
    }

    func remove() {
        var previous = previous
        sigaction(SIGBUS, &previous, nil)
        TruncationMessage.bytes.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        TruncationMessage.bytes = nil
    }
}

/// Read by the handler: plain stored globals, set before it is installed.
private enum TruncationMessage {
    nonisolated(unsafe) static var bytes: UnsafePointer<UInt8>? = nil
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var status: Int32 = 1
}
