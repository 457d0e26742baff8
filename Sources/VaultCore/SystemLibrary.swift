import CShims

/// The system libraries vault loads with dlopen on first use, and the one
/// throwing loader every use goes through: a missing or broken library is a
/// `vault: …` line naming its Debian package, never a crash.
///
/// Each library's C shim binds its symbols once (pthread_once); `load()` asks
/// it, so after the first call it costs a pointer check.
package enum SystemLibrary: String, CaseIterable, Sendable {
    case libcrypto, libcurl, libdbus, readline

    package var soname: String {
        switch self {
        case .libcrypto: "libcrypto.so.3"
        case .libcurl: "libcurl.so.4"
        case .libdbus: "libdbus-1.so.3"
        case .readline: "libreadline.so.8"
        }
    }

    package var debianPackage: String {
        switch self {
        case .libcrypto: "libssl3"
        case .libcurl: "libcurl4"
        case .libdbus: "libdbus-1-3"
        case .readline: "libreadline8"
        }
    }

    /// What vault needs it for, for `vault doctor`.
    package var purpose: String {
        switch self {
        case .libcrypto: "to hash, sign and encrypt (file store, .vaultrc trust, AWS signatures)"
        case .libcurl: "to reach AWS"
        case .libdbus: "for the Secret Service store"
        case .readline: "to ask echoed questions (MFA codes, key ids) on the terminal"
        }
    }

    /// Loads it (once); nil when it loaded, else why not.
    package var loadProblem: String? {
        let problem: UnsafePointer<CChar>? =
            switch self {
            case .libcrypto: vault_crypto_load_error()
            case .libcurl: vault_curl_load_error()
            case .libdbus: vault_ss_bus_load_error()
            case .readline: vault_readline_load_error()
            }
        return problem.map { String(cString: $0) }
    }

    /// Loads it (once), or throws what is missing and which package has it.
    package func load() throws(SystemLibraryError) {
        if let problem = loadProblem { throw SystemLibraryError(library: self, problem: problem) }
    }
}

/// A system library that cannot be loaded.
package struct SystemLibraryError: VaultError, Equatable {
    package let library: SystemLibrary
    /// The dynamic loader's words (or the missing symbol).
    package let problem: String

    package var message: String {
        "cannot load \(library.soname) (\(problem)); install it: apt install \(library.debianPackage) (Debian/Ubuntu)"
    }
}

/// Why a libcrypto call failed, for the message of the error it becomes:
/// the library missing (with its package), else the call itself.
enum CryptoLibrary {
    static var problem: String { SystemLibrary.libcrypto.loadProblem ?? "the libcrypto call failed" }
}
