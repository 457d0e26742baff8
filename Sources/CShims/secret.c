// libsecret through dlopen: the Secret Service client vault uses for
// GNOME Keyring, KeePassXC and KWallet. Loaded on first use so that commands
// that never touch the Secret Service do not pay for GLib, and vault runs on
// machines without libsecret. Declares the few GLib/libsecret types it needs
// itself, so the build needs no GLib headers.
#include "shims_secret.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned int domain; int code; char *message; } GError;
typedef struct GList { void *data; struct GList *next; struct GList *prev; } GList;
typedef unsigned int (*GHashFunc)(const void *);
typedef int (*GEqualFunc)(const void *, const void *);
typedef void (*GDestroyNotify)(void *);

enum { SERVICE_OPEN_SESSION = 1 << 1, SERVICE_LOAD_COLLECTIONS = 1 << 2 };
enum { COLLECTION_LOAD_ITEMS = 1 << 1 };
enum { SEARCH_ALL = 1 << 1 };
enum { ITEM_CREATE_REPLACE = 1 << 1 };

static struct {
    void *(*service_get_sync)(int, void *, GError **);
    GList *(*service_get_collections)(void *);
    int (*service_unlock_sync)(void *, GList *, void *, GList **, GError **);
    void *(*collection_for_alias_sync)(void *, const char *, int, void *, GError **);
    void *(*collection_create_sync)(void *, const char *, const char *, int, void *, GError **);
    GList *(*collection_search_sync)(void *, const void *, void *, int, void *, GError **);
    int (*collection_load_items_sync)(void *, void *, GError **);
    GList *(*collection_get_items)(void *);
    char *(*collection_get_label)(void *);
    int (*collection_get_locked)(void *);
    const char *(*proxy_get_object_path)(void *);
    void *(*item_create_sync)(void *, const void *, void *, const char *, void *, int, void *, GError **);
    int (*item_delete_sync)(void *, void *, GError **);
    int (*item_load_secret_sync)(void *, void *, GError **);
    void *(*item_get_secret)(void *);
    void *(*item_get_attributes)(void *);
    char *(*item_get_label)(void *);
    int (*item_get_locked)(void *);
    void *(*value_new)(const char *, long, const char *);
    const char *(*value_get)(void *, size_t *);
    void (*value_unref)(void *);
    void *(*hash_table_new_full)(GHashFunc, GEqualFunc, GDestroyNotify, GDestroyNotify);
    int (*hash_table_insert)(void *, void *, void *);
    void *(*hash_table_lookup)(void *, const void *);
    void (*hash_table_unref)(void *);
    GHashFunc str_hash;
    GEqualFunc str_equal;
    GList *(*list_append)(GList *, void *);
    void (*list_free)(GList *);
    void (*error_free)(GError *);
    void (*g_free)(void *);
    void (*object_unref)(void *);
} S;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;

#define BIND(field, handle, name)                               \
    do {                                                        \
        *(void **)(&S.field) = dlsym(handle, name);             \
        if (!S.field) { load_error = "libsecret lacks " name; return; } \
    } while (0)

static void load(void) {
    void *secret = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!secret) { load_error = "libsecret-1.so.0 is not installed (Debian: apt install libsecret-1-0)"; return; }
    // GLib, GObject and GIO are libsecret's own dependencies: already loaded with it.
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gio = dlopen("libgio-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!glib || !gobject || !gio) { load_error = "GLib could not be loaded for libsecret"; return; }
    BIND(service_get_sync, secret, "secret_service_get_sync");
    BIND(service_get_collections, secret, "secret_service_get_collections");
    BIND(service_unlock_sync, secret, "secret_service_unlock_sync");
    BIND(collection_for_alias_sync, secret, "secret_collection_for_alias_sync");
    BIND(collection_create_sync, secret, "secret_collection_create_sync");
    BIND(collection_search_sync, secret, "secret_collection_search_sync");
    BIND(collection_load_items_sync, secret, "secret_collection_load_items_sync");
    BIND(collection_get_items, secret, "secret_collection_get_items");
    BIND(collection_get_label, secret, "secret_collection_get_label");
    BIND(collection_get_locked, secret, "secret_collection_get_locked");
    BIND(item_create_sync, secret, "secret_item_create_sync");
    BIND(item_delete_sync, secret, "secret_item_delete_sync");
    BIND(item_load_secret_sync, secret, "secret_item_load_secret_sync");
    BIND(item_get_secret, secret, "secret_item_get_secret");
    BIND(item_get_attributes, secret, "secret_item_get_attributes");
    BIND(item_get_label, secret, "secret_item_get_label");
    BIND(item_get_locked, secret, "secret_item_get_locked");
    BIND(value_new, secret, "secret_value_new");
    BIND(value_get, secret, "secret_value_get");
    BIND(value_unref, secret, "secret_value_unref");
    BIND(proxy_get_object_path, gio, "g_dbus_proxy_get_object_path");
    BIND(hash_table_new_full, glib, "g_hash_table_new_full");
    BIND(hash_table_insert, glib, "g_hash_table_insert");
    BIND(hash_table_lookup, glib, "g_hash_table_lookup");
    BIND(hash_table_unref, glib, "g_hash_table_unref");
    BIND(str_hash, glib, "g_str_hash");
    BIND(str_equal, glib, "g_str_equal");
    BIND(list_append, glib, "g_list_append");
    BIND(list_free, glib, "g_list_free");
    BIND(error_free, glib, "g_error_free");
    BIND(g_free, glib, "g_free");
    BIND(object_unref, gobject, "g_object_unref");
}

int vault_secret_load(const char **error) {
    pthread_once(&load_once, load);
    if (load_error) { if (error) *error = load_error; return -1; }
    return 0;
}

/// Moves a GError's message into a malloc'd string and frees the GError.
static void take_error(GError *gerror, char **error, const char *fallback) {
    if (error) *error = strdup(gerror && gerror->message ? gerror->message : fallback);
    if (gerror) S.error_free(gerror);
}

/// A GLib-allocated string copied to malloc (so Swift frees every string alike).
static char *take_string(char *gstring) {
    if (!gstring) return NULL;
    char *copy = strdup(gstring);
    S.g_free(gstring);
    return copy;
}

void *vault_secret_service(char **error) {
    const char *unavailable = NULL;
    if (vault_secret_load(&unavailable) != 0) { if (error) *error = strdup(unavailable); return NULL; }
    GError *gerror = NULL;
    void *service = S.service_get_sync(SERVICE_OPEN_SESSION | SERVICE_LOAD_COLLECTIONS, NULL, &gerror);
    if (!service) take_error(gerror, error, "the Secret Service did not answer");
    return service;
}

void *vault_secret_collection_named(void *service, const char *name) {
    GList *collections = S.service_get_collections(service);
    void *found = NULL;
    size_t suffix_length = strlen("/collection/") + strlen(name);
    char *suffix = malloc(suffix_length + 1);
    strcpy(suffix, "/collection/");
    strcat(suffix, name);
    for (GList *l = collections; l; l = l->next) {
        int match = 0;
        if (!found) {
            const char *path = S.proxy_get_object_path(l->data);
            size_t n = path ? strlen(path) : 0;
            match = n >= suffix_length && strcmp(path + n - suffix_length, suffix) == 0;
            char *label = S.collection_get_label(l->data);
            match = match || (label && strcmp(label, name) == 0);
            S.g_free(label);
        }
        if (match) found = l->data;
        else S.object_unref(l->data);
    }
    free(suffix);
    S.list_free(collections);
    return found;
}

void *vault_secret_collection_alias(void *service, const char *alias, char **error) {
    GError *gerror = NULL;
    void *collection = S.collection_for_alias_sync(service, alias, 0, NULL, &gerror);
    if (!collection && gerror) take_error(gerror, error, "alias lookup failed");
    return collection;
}

void *vault_secret_collection_create(void *service, const char *label, char **error) {
    GError *gerror = NULL;
    void *collection = S.collection_create_sync(service, label, NULL, 0, NULL, &gerror);
    if (!collection) take_error(gerror, error, "the collection was not created (the prompt was dismissed)");
    return collection;
}

int vault_secret_collection_locked(void *collection) { return S.collection_get_locked(collection) ? 1 : 0; }

char *vault_secret_collection_path(void *collection) {
    const char *path = S.proxy_get_object_path(collection);
    return strdup(path ? path : "");
}

char *vault_secret_collection_label(void *collection) { return take_string(S.collection_get_label(collection)); }

int vault_secret_unlock(void *service, void *object, char **error) {
    GList *objects = S.list_append(NULL, object);
    GList *unlocked = NULL;
    GError *gerror = NULL;
    int count = S.service_unlock_sync(service, objects, NULL, &unlocked, &gerror);
    S.list_free(objects);
    if (unlocked) {
        for (GList *l = unlocked; l; l = l->next) S.object_unref(l->data);
        S.list_free(unlocked);
    }
    if (count < 0 || gerror) { take_error(gerror, error, "unlock failed"); return -1; }
    return count > 0 ? 1 : 0;
}

static long list_to_array(GList *list, void ***items) {
    long count = 0;
    for (GList *l = list; l; l = l->next) count++;
    *items = calloc(count ? count : 1, sizeof(void *));
    long i = 0;
    for (GList *l = list; l; l = l->next) (*items)[i++] = l->data;
    S.list_free(list);
    return count;
}

long vault_secret_search(void *collection, const char *name, const char *value, void ***items, char **error) {
    void *attributes = S.hash_table_new_full(S.str_hash, S.str_equal, NULL, NULL);
    S.hash_table_insert(attributes, (void *)name, (void *)value);
    GError *gerror = NULL;
    GList *found = S.collection_search_sync(collection, NULL, attributes, SEARCH_ALL, NULL, &gerror);
    S.hash_table_unref(attributes);
    if (gerror) { take_error(gerror, error, "search failed"); return -1; }
    return list_to_array(found, items);
}

long vault_secret_items(void *collection, void ***items, char **error) {
    GError *gerror = NULL;
    if (!S.collection_load_items_sync(collection, NULL, &gerror)) { take_error(gerror, error, "listing items failed"); return -1; }
    return list_to_array(S.collection_get_items(collection), items);
}

void vault_secret_free_items(void **items, long count) {
    if (!items) return;
    for (long i = 0; i < count; i++) if (items[i]) S.object_unref(items[i]);
    free(items);
}

char *vault_secret_item_label(void *item) { return take_string(S.item_get_label(item)); }

char *vault_secret_item_attribute(void *item, const char *name) {
    void *attributes = S.item_get_attributes(item);
    if (!attributes) return NULL;
    const char *value = S.hash_table_lookup(attributes, name);
    char *copy = value ? strdup(value) : NULL;
    S.hash_table_unref(attributes);
    return copy;
}

int vault_secret_item_locked(void *item) { return S.item_get_locked(item) ? 1 : 0; }

int vault_secret_item_secret(void *item, unsigned char **data, size_t *length, char **error) {
    GError *gerror = NULL;
    if (!S.item_load_secret_sync(item, NULL, &gerror)) { take_error(gerror, error, "reading the secret failed"); return -1; }
    void *value = S.item_get_secret(item);
    if (!value) { if (error) *error = strdup("the item has no secret (is it locked?)"); return -1; }
    size_t n = 0;
    const char *bytes = S.value_get(value, &n);
    *data = malloc(n ? n : 1);
    if (n) memcpy(*data, bytes, n);
    *length = n;
    S.value_unref(value);
    return 0;
}

int vault_secret_item_delete(void *item, char **error) {
    GError *gerror = NULL;
    if (!S.item_delete_sync(item, NULL, &gerror)) { take_error(gerror, error, "deleting the item failed"); return -1; }
    return 0;
}

int vault_secret_item_create(void *collection, const char *label, const char *const *attributes,
                             const unsigned char *data, size_t length, const char *content_type, char **error) {
    void *table = S.hash_table_new_full(S.str_hash, S.str_equal, NULL, NULL);
    for (const char *const *a = attributes; a && a[0] && a[1]; a += 2) S.hash_table_insert(table, (void *)a[0], (void *)a[1]);
    void *value = S.value_new((const char *)data, (long)length, content_type);
    GError *gerror = NULL;
    void *item = S.item_create_sync(collection, NULL, table, label, value, ITEM_CREATE_REPLACE, NULL, &gerror);
    S.value_unref(value);
    S.hash_table_unref(table);
    if (!item) { take_error(gerror, error, "storing the item failed"); return -1; }
    S.object_unref(item);
    return 0;
}

void vault_secret_release(void *object) {
    if (object) S.object_unref(object);
}
