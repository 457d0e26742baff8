#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whole-file reads and writes on descriptors, retrying on EINTR and short
/// counts; errors come back as errno for the caller's own error type.
package enum FileBytes {
    /// Everything left to read from `fd`; nil with errno set on failure. The
    /// read buffer is wiped (items and pipes may carry secrets).
    package static func readAll(_ fd: Int32) -> Data? {
        guard var bytes = readAll(fd, sizeHint: 16383) else { return nil }
        defer { Wipe.bytes(&bytes) }
        return Data(bytes)
    }

    /// Everything left to read from `fd` as bytes, in one read when `sizeHint`
    /// (a file's size from fstat) is right; nil with errno set on failure.
    /// A caller whose bytes hold a secret wipes them.
    package static func readAll(_ fd: Int32, sizeHint: Int) -> [UInt8]? {
        // Not zero-filled first: the kernel's copy is the only write (a config
        // of 5,000 profiles is read on every Tab).
        var bytes = [UInt8](unsafeUninitializedCapacity: max(sizeHint, 0) + 1) { buffer, initialized in
            initialized = buffer.count
        }
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                Wipe.bytes(&bytes)
                return nil
            }
            if n == 0 {
                bytes.removeSubrange(count...)
                return bytes
            }
            count += n
        }
    }

    /// Writes all of `data`; false with errno set on failure.
    package static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Writes all of `buffer`, retrying on EINTR and short counts; false with errno set on failure.
    package static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
