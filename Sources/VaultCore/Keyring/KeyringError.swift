/// Why a store could not be read or written. Each message names the store
/// (directory, collection, key) and says what to do; none holds a secret.
package enum KeyringError: VaultError, Equatable {
    case unknownBackend(String)
    case noSessionBus
    case secretServiceUnavailable(String)
    case secretService(operation: String, reason: String)
    case collectionLocked(String)
    case collectionNotCreated(name: String, reason: String)
    case noDefaultCollection
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

    package var message: String {
        switch self {
        case .unknownBackend(let name):
            "unknown keyring backend '\(name)'; use secret-service or file (--backend or AWS_VAULT_BACKEND)"
        case .noSessionBus:
            "no D-Bus session bus for the Secret Service (DBUS_SESSION_BUS_ADDRESS is unset); try --backend file"
        case .secretServiceUnavailable(let reason):
            "no Secret Service answers on the session bus (\(reason)); start a keyring daemon or try --backend file"
        case .secretService(let operation, let reason):
            "the Secret Service failed to \(operation): \(reason)"
        case .collectionLocked(let name):
            "the Secret Service collection '\(name)' is locked and was not unlocked; unlock it in your keyring manager (or answer its prompt) and retry"
        case .collectionNotCreated(let name, let reason):
            "the Secret Service collection '\(name)' could not be created (\(reason)); create it in your keyring manager, or drop --secret-service-collection to use the default collection"
        case .noDefaultCollection:
            "the Secret Service has no default collection and no 'awsvault' collection; create one in your keyring manager, name one with --secret-service-collection, or try --backend file"
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
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
