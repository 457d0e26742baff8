#ifndef VAULT_SHIMS_SECRET_H
#define VAULT_SHIMS_SECRET_H
// libsecret, loaded with dlopen on first use (never linked), so that vault
// starts fast and runs where libsecret is absent. Objects are opaque
// GObject pointers owned by the caller: release each with vault_secret_release.
// Strings returned are malloc'd (free with free()); `error` out-parameters are
// malloc'd messages or NULL.
#include <stddef.h>

/// Loads libsecret, GLib and GObject. 0 on success; -1 with *error (static).
int vault_secret_load(const char **error);

/// The Secret Service with an open session and its collections loaded; NULL with *error.
void *vault_secret_service(char **error);

/// The collection whose object path ends in /collection/NAME or whose label is NAME; NULL when none.
void *vault_secret_collection_named(void *service, const char *name);
/// The collection behind an alias ("default"); NULL with *error NULL when there is none.
void *vault_secret_collection_alias(void *service, const char *alias, char **error);
/// Creates a collection (the daemon may show a prompt); NULL with *error.
void *vault_secret_collection_create(void *service, const char *label, char **error);
int vault_secret_collection_locked(void *collection);
/// The collection's D-Bus object path.
char *vault_secret_collection_path(void *collection);
char *vault_secret_collection_label(void *collection);

/// Asks the service to unlock a collection or item (the daemon may prompt).
/// 1 unlocked, 0 still locked (prompt dismissed), -1 error.
int vault_secret_unlock(void *service, void *object, char **error);

/// Items of a collection whose attribute NAME equals VALUE, locked ones too.
/// Returns the count and a malloc'd array of items (free with vault_secret_free_items); -1 with *error.
long vault_secret_search(void *collection, const char *name, const char *value, void ***items, char **error);
/// Every item of a collection.
long vault_secret_items(void *collection, void ***items, char **error);
void vault_secret_free_items(void **items, long count);

char *vault_secret_item_label(void *item);
/// An attribute's value, or NULL when the item lacks it.
char *vault_secret_item_attribute(void *item, const char *name);
int vault_secret_item_locked(void *item);
/// Loads the secret; *data is malloc'd (the caller wipes and frees it). 0 or -1 with *error.
int vault_secret_item_secret(void *item, unsigned char **data, size_t *length, char **error);
int vault_secret_item_delete(void *item, char **error);
/// Creates or replaces the item with these attributes (NULL-terminated name, value, … list).
int vault_secret_item_create(void *collection, const char *label, const char *const *attributes,
                             const unsigned char *data, size_t length, const char *content_type, char **error);

void vault_secret_release(void *object);

#endif
