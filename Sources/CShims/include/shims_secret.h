#ifndef VAULT_SHIMS_SECRET_H
#define VAULT_SHIMS_SECRET_H
// The Secret Service, with its libraries loaded by dlopen on first use (never
// linked), so that vault starts fast and runs where they are absent.
//
// Reads and writes go straight over a private libdbus connection in a few
// calls (a "plain" session, as aws-vault's go-libsecret opens), synchronous
// and without threads (secret_dbus.c); libsecret, with the GLib/GIO it
// loads, only for what involves the daemon's prompts: unlocking and creating
// collections (secret.c).
//
// Returned strings are malloc'd (free()); path lists are NULL-terminated
// malloc'd arrays of malloc'd strings (vault_ss_free_paths); `error` is a
// malloc'd message or NULL.
#include <stddef.h>

/// NULL when libdbus (every bus call) loads; else a static message saying what is missing.
const char *vault_ss_bus_load_error(void);
/// NULL when libsecret (unlock and create-collection prompts) loads; else what is missing.
const char *vault_ss_prompt_load_error(void);

/// Connects to the session bus (a private DBusConnection*), or NULL with *error.
void *vault_ss_connect(const char *address, char **error);
void vault_ss_release(void *connection);
void vault_ss_free_paths(char **paths);

/// In one round trip: every collection's path, the default collection's
/// (NULL when there is none) and a plain session. 0, or -1 with *error.
int vault_ss_prepare(void *bus, char ***collections, char **default_collection, char **session, char **error);
/// The items of several collections, asked all at once: every item, or for
/// `marked_only` collections those with attribute vault = 1 (-1 with *error).
long vault_ss_list_items(void *bus, const char *const *collections, const int *marked_only, int count, char ***items,
                         char **error);
/// The Label of each item, asked all at once (NULL-terminated lists; -1 with *error).
long vault_ss_item_labels(void *bus, char **items, char ***labels, char **error);
/// The Label of a collection (is_item 0) or an item (is_item 1).
char *vault_ss_label(void *bus, const char *path, int is_item, char **error);
/// 1 locked, 0 unlocked, -1 error.
int vault_ss_locked(void *bus, const char *collection, char **error);
/// Items of every collection whose attribute NAME is VALUE, unlocked and locked apart.
int vault_ss_search(void *bus, const char *name, const char *value, char ***unlocked, char ***locked, char **error);
/// The secret of an item through the session; *data malloc'd (the caller wipes and frees).
int vault_ss_get_secret(void *bus, const char *item, const char *session, unsigned char **data, size_t *length,
                        char **error);
/// Creates or replaces an item (attributes: NULL-terminated name, value, … list).
/// 0 stored; -1 error (a locked collection refuses).
int vault_ss_create_item(void *bus, const char *collection, const char *session, const char *label,
                         const char *const *attributes, const unsigned char *data, size_t length,
                         const char *content_type, char **error);
int vault_ss_delete_item(void *bus, const char *item, char **error);

/// Through libsecret: asks the daemon to unlock an object (it may prompt).
/// 1 unlocked, 0 still locked (prompt dismissed), -1 error.
int vault_ss_unlock(const char *path, char **error);
/// Through libsecret: creates a collection (the daemon prompts for its password); its path or NULL.
char *vault_ss_create_collection(const char *label, char **error);

#endif
