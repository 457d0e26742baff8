import CShims
#if canImport(Glibc)
import Glibc
#endif

/// What vault does to itself before anything else (issue 11, item 6): no core
/// dump, no ptrace or /proc/PID/mem for processes of the same user, from the
/// first moment, before any store is opened. Nothing turns it back on; the
/// programs vault starts get their own dumpability (execve resets it) and the
/// person's core limit back (CShims/hygiene.c).
package enum ProcessHygiene {
    /// Non-dumpable, soft RLIMIT_CORE 0. Returns why it failed, or nil.
    package static func harden() -> String? {
        vault_harden_process() == 0 ? nil : String(cString: strerror(errno))
    }
}
