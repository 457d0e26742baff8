// The Secret Service's prompts through libsecret, loaded with dlopen on first
// use: unlocking and creating a collection, where the daemon may show a
// dialog and libsecret follows the Prompt object. Rare, so libsecret (and the
// GLib/GIO it loads) stays out of the reads and writes: secret_dbus.c.
// The few GLib types used are declared here, so the build needs no GLib headers.
#include "shims_secret.h"
#include "dbus_client.h"
#include "secret_internal.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned int domain; int code; char *message; } GError;
typedef struct GVariant GVariant;
typedef unsigned int (*GHashFunc)(const void *);
typedef int (*GEqualFunc)(const void *, const void *);
typedef void (*GDestroyNotify)(void *);

static struct {
    void *(*service_get_sync)(int, void *, GError **);
    int (*unlock_paths_sync)(void *, const char **, void *, char ***, GError **);
    char *(*create_collection_path_sync)(void *, void *, const char *, int, void *, GError **);
    void *(*hash_table_new_full)(GHashFunc, GEqualFunc, GDestroyNotify, GDestroyNotify);
    int (*hash_table_insert)(void *, void *, void *);
    void (*hash_table_unref)(void *);
    GVariant *(*variant_new_string)(const char *);
    GVariant *(*variant_ref_sink)(GVariant *);
    void (*variant_unref)(GVariant *);
    GHashFunc str_hash;
    GEqualFunc str_equal;
    int (*strip_remote_error)(GError *);
    void (*error_free)(GError *);
    void (*g_free)(void *);
    void (*strfreev)(char **);
    void (*object_unref)(void *);
} S;

static pthread_once_t secret_once = PTHREAD_ONCE_INIT;
static const char *secret_missing = NULL;

#define BIND_GLIB(field, handle, name) BIND(S, field, handle, name, secret_missing, "GLib")

static void load_secret(void) {
    void *secret = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
    // Already mapped as libsecret's dependencies: these only give handles.
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gio = dlopen("libgio-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!secret || !glib || !gobject || !gio) {
        static char dlopen_error[256];
        snprintf(dlopen_error, sizeof dlopen_error, "%s", dlerror());
        secret_missing = dlopen_error;
        return;
    }
    BIND(S, service_get_sync, secret, "secret_service_get_sync", secret_missing, "libsecret");
    BIND(S, unlock_paths_sync, secret, "secret_service_unlock_dbus_paths_sync", secret_missing, "libsecret");
    BIND(S, create_collection_path_sync, secret, "secret_service_create_collection_dbus_path_sync", secret_missing,
         "libsecret");
    BIND_GLIB(hash_table_new_full, glib, "g_hash_table_new_full");
    BIND_GLIB(hash_table_insert, glib, "g_hash_table_insert");
    BIND_GLIB(hash_table_unref, glib, "g_hash_table_unref");
    BIND_GLIB(variant_new_string, glib, "g_variant_new_string");
    BIND_GLIB(variant_ref_sink, glib, "g_variant_ref_sink");
    BIND_GLIB(variant_unref, glib, "g_variant_unref");
    BIND_GLIB(str_hash, glib, "g_str_hash");
    BIND_GLIB(str_equal, glib, "g_str_equal");
    BIND_GLIB(strip_remote_error, gio, "g_dbus_error_strip_remote_error");
    BIND_GLIB(error_free, glib, "g_error_free");
    BIND_GLIB(g_free, glib, "g_free");
    BIND_GLIB(strfreev, glib, "g_strfreev");
    BIND_GLIB(object_unref, gobject, "g_object_unref");
}

const char *vault_ss_bus_load_error(void) {
    return vault_dbus_load_error();
}

const char *vault_ss_prompt_load_error(void) {
    pthread_once(&secret_once, load_secret);
    return secret_missing;
}

/// Moves a GError's message (without GDBus's remote-error prefix) into a malloc'd string.
static void take_error(GError *gerror, char **error, const char *fallback) {
    if (gerror) S.strip_remote_error(gerror);
    if (error) *error = strdup(gerror && gerror->message ? gerror->message : fallback);
    if (gerror) S.error_free(gerror);
}

/// libsecret's SecretService (its own GDBus connection), or NULL with *error.
static void *secret_service(char **error) {
    pthread_once(&secret_once, load_secret);
    if (secret_missing) {
        if (error) *error = strdup(secret_missing);
        return NULL;
    }
    GError *gerror = NULL;
    void *service = S.service_get_sync(0, NULL, &gerror);
    if (!service) take_error(gerror, error, "the Secret Service did not answer");
    return service;
}

int vault_ss_unlock(const char *path, char **error) {
    void *service = secret_service(error);
    if (!service) return -1;
    const char *paths[] = {path, NULL};
    char **unlocked = NULL;
    GError *gerror = NULL;
    int count = S.unlock_paths_sync(service, paths, NULL, &unlocked, &gerror);
    if (unlocked) S.strfreev(unlocked);
    S.object_unref(service);
    if (count < 0 || gerror) {
        take_error(gerror, error, "unlock failed");
        return -1;
    }
    return count > 0 ? 1 : 0;
}

char *vault_ss_create_collection(const char *label, char **error) {
    void *service = secret_service(error);
    if (!service) return NULL;
    void *properties = S.hash_table_new_full(S.str_hash, S.str_equal, NULL, (GDestroyNotify)S.variant_unref);
    S.hash_table_insert(properties, (void *)COLLECTION_IFACE ".Label", S.variant_ref_sink(S.variant_new_string(label)));
    GError *gerror = NULL;
    char *path = S.create_collection_path_sync(service, properties, NULL, 0, NULL, &gerror);
    S.hash_table_unref(properties);
    S.object_unref(service);
    if (!path || strcmp(path, "/") == 0 || !*path) {
        if (path) S.g_free(path);
        take_error(gerror, error, "the daemon's prompt was dismissed; is there a display to show it?");
        return NULL;
    }
    char *copy = strdup(path);
    S.g_free(path);
    return copy;
}
