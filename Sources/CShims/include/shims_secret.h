#ifndef VAULT_SHIMS_SECRET_H
#define VAULT_SHIMS_SECRET_H
// The Secret Service, with its libraries loaded by dlopen on first use (never
// linked), so that vault starts fast and runs where they are absent.
//
// Every call goes straight over a private libdbus connection in a few
// round trips (a "plain" session, as aws-vault's go-libsecret opens),
// synchronous and without threads (secret_dbus.c), and so do the daemon's
// prompts, followed with a bounded wait (secret_prompt.c).
//
// Returned strings are malloc'd (free()); path lists are NULL-terminated
// malloc'd arrays of malloc'd strings (vault_ss_free_paths); `error` is a
// malloc'd message or NULL.
#include <stddef.h>

/// NULL when libdbus (every bus call) loads; else a static message saying what is missing.
const char *vault_ss_bus_load_error(void);

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
/// Creates or replaces an item (attributes: NULL-terminated name, value, … list):
/// *item the new item ("/" until a prompt is followed), *prompt "/" or the
/// prompt to follow (vault_ss_prompt). 0, or -1 with *error.
int vault_ss_create_item(void *bus, const char *collection, const char *session, const char *label,
                         const char *const *attributes, const unsigned char *data, size_t length,
                         const char *content_type, char **item, char **prompt, char **error);
/// Replaces an item's secret in place (no prompt in the spec). 0, or -1 with *error.
int vault_ss_set_secret(void *bus, const char *item, const char *session, const unsigned char *data, size_t length,
                        const char *content_type, char **error);
/// Item.Delete: "/" when done, else the prompt that does it; NULL with *error.
char *vault_ss_delete_item(void *bus, const char *item, char **error);
/// Items of one collection whose attributes include all of `pairs`; their count or -1.
long vault_ss_search_collection(void *bus, const char *collection, const char *const *pairs, char ***items, char **error);
/// Service.Unlock(objects): those unlocked at once, and "/" or the prompt for the rest. 0, or -1.
int vault_ss_unlock(void *bus, const char *const *objects, char ***unlocked, char **prompt, char **error);
/// Service.CreateCollection({Label}, ""): the collection ("/" until the prompt is followed) and the prompt. 0, or -1.
int vault_ss_create_collection(void *bus, const char *label, char **collection, char **prompt, char **error);

/// Runs a prompt (Prompt("")) and waits at most timeout_ms for its Completed
/// signal: 1 completed, with *result the paths it returned; 0 dismissed; -2
/// no answer in time (the prompt is then dismissed); -1 error.
int vault_ss_prompt(void *bus, const char *prompt, int timeout_ms, char ***result, char **error);
/// The process id of the Secret Service's owner on the bus, or -1 with *error.
long vault_ss_owner_pid(void *bus, char **error);

#endif
