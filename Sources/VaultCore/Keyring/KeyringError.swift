/// Why a store could not be read or written. Each message names the store
/// (directory, collection, key) and says what to do; none holds a secret.
package enum KeyringError: VaultError, Equatable {
    case unknownBackend(String)
    case noSessionBus
    case secretServiceUnavailable(String)
    case secretService(operation: String, reason: String)
    case collectionLocked(String, provider: String = "the daemon", help: String = "unlock it in your keyring manager (or answer its prompt) and retry")
    case collectionNotCreated(name: String, reason: String)
    case noDefaultCollection(provider: String, help: String)
    case promptDismissed(provider: String, action: String)
    case promptUnanswered(provider: String, action: String, seconds: Int, help: String)
    case notConfirmed(provider: String, action: String, detail: String)
    case invalidPromptTimeout(String)
    case wrongPassphrase(directory: String)
    case passphraseMismatch
    case emptyPassphrase
    case noPassphrase(directory: String)
    case damagedFile(path: String, detail: String)
    /// An item's file that cannot be read; a cached session is dropped, a key is reported.
    case damagedItem(key: String, path: String, detail: String)
    /// Items with no `store.json`, the header holding the key they are sealed with.
    case headerMissing(directory: String, items: Int)
    /// A `store.json` whose fields do not match its digest.
    case headerAltered(path: String)
    case unsafePermissions(path: String, detail: String)
    case io(path: String, operation: String, errno: Int32)
    case invalidItem(key: String, detail: String)
    case invalidUnlockTTL(String)
    case readOnlyStore(directory: String)
    case otherFormat(directory: String, holds: StoreFolder.Format)
    case fileDirectoryMoved(String)
    case passMissing(String)
    case pass(operation: String, key: String, detail: String)
    case unsafeName(String)

    package var message: String {
        switch self {
        case .unknownBackend(let name):
            "unknown keyring backend '\(ConfigError.clip(name))'; use \(KeyringBackend.names) (--backend or AWS_VAULT_BACKEND)"
        case .noSessionBus:
            "no D-Bus session bus for the Secret Service (DBUS_SESSION_BUS_ADDRESS is unset); try --backend file"
        case .secretServiceUnavailable(let reason):
            "no Secret Service answers on the session bus (\(reason)); start a keyring daemon or try --backend file"
        case .secretService(let operation, let reason):
            "the Secret Service failed to \(operation): \(reason)"
        case .collectionLocked(let name, let provider, let help):
            "the Secret Service collection '\(name)' is locked and \(provider) did not unlock it; \(help)"
        case .collectionNotCreated(let name, let reason):
            "the Secret Service collection '\(name)' could not be created (\(reason)); create it in your keyring manager, or drop --secret-service-collection to use the default collection"
        case .noDefaultCollection(let provider, let help):
            "\(provider) (the Secret Service) has no default collection and no 'awsvault' collection; \(help), name one with --secret-service-collection, or try --backend file"
        case .promptDismissed(let provider, let action):
            "\(provider) dismissed its prompt to \(action), so nothing changed; answer the prompt to allow it, or try --backend file"
        case .promptUnanswered(let provider, let action, let seconds, let help):
            "\(provider) asked a person to allow vault to \(action) and no one answered within \(seconds) s (the prompt was withdrawn, nothing changed); \(help) (VAULT_SECRET_SERVICE_PROMPT_TIMEOUT sets the wait)"
        case .notConfirmed(let provider, let action, let detail):
            "\(provider) accepted the request to \(action) but reading it back \(detail); check the item in its manager and retry"
        case .invalidPromptTimeout(let value):
            "VAULT_SECRET_SERVICE_PROMPT_TIMEOUT '\(value)' is not a duration up to 1h; use e.g. 30s or 2m"
        case .wrongPassphrase(let directory):
            "wrong passphrase for the file store at \(directory)"
        case .passphraseMismatch:
            "the two passphrases differ; nothing was stored"
        case .emptyPassphrase:
            "the passphrase is empty; the file store needs one"
        case .noPassphrase(let directory):
            "the file store at \(directory) is locked and there is no terminal to ask for its passphrase; set AWS_VAULT_FILE_PASSPHRASE or run vault in a terminal"
        case .damagedFile(let path, let detail):
            "the file store file \(path) is damaged (\(detail)); restore it from a backup or delete it"
        case .damagedItem(let key, let path, let detail):
            "the file store item '\(key)' (\(path)) is damaged (\(detail)); delete that file and store the item again (vault add, or vault clear for sessions)"
        case .headerMissing(let directory, let items):
            "the file store at \(directory) has \(items) item\(items == 1 ? "" : "s") but no store.json, which holds the key they are sealed with; restore \(directory)/store.json from a backup (vault will not make a new one: the items could never be read again), or move the .item files away to start a new store"
        case .headerAltered(let path):
            "the file store file \(path) was changed after vault wrote it (its fields do not match its digest); restore it from a backup"
        case .unsafePermissions(let path, let detail):
            "refusing the file store at \(path): \(detail)"
        case .io(let path, let operation, let errno):
            "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
        case .invalidItem(let key, let detail):
            "the keyring item '\(key)' is not in aws-vault's layout (\(detail)); remove it and add the credentials again"
        case .invalidUnlockTTL(let value):
            "AWS_VAULT_FILE_UNLOCK_TTL '\(value)' is not a duration; use e.g. 15m, 1h, 90s or 0 to disable"
        case .readOnlyStore(let directory):
            "aws-vault's file store at \(directory) is read-only for vault; keep keys in vault's own store (--backend file, folder VAULT_FILE_DIR) and move them there with: vault migrate --from aws-vault-file --to file"
        case .otherFormat(let directory, .vault):
            "the folder \(directory) holds vault's own file store, not aws-vault's; use --backend file for it (VAULT_FILE_DIR), and point AWS_VAULT_FILE_DIR at aws-vault's folder only"
        case .otherFormat(let directory, .awsVault):
            "the folder \(directory) holds files that are not vault's file store (aws-vault's?); vault will not mix formats: set VAULT_FILE_DIR to an empty or vault-only folder, and read aws-vault's store with --backend aws-vault-file (AWS_VAULT_FILE_DIR)"
        case .fileDirectoryMoved(let directory):
            "AWS_VAULT_FILE_DIR (\(directory)) holds vault's own file store, but vault now reads that variable as aws-vault's folder only; set VAULT_FILE_DIR=\(directory) to keep using it"
        case .passMissing(let command):
            "the pass program '\(ConfigError.clip(command))' is not on PATH; install pass (Debian: apt install pass) or set AWS_VAULT_PASS_CMD"
        case .pass(let operation, let key, let detail):
            "pass could not \(operation) '\(key)': \(detail); check that gpg can use your key (gpg-agent, pinentry) and that the store's .gpg-id names it"
        case .unsafeName(let key):
            "the key name '\(ConfigError.clip(key))' cannot name an entry of the pass store (a '.' or '..' part, or a leading '-'); rename the profile"
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
