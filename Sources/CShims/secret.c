// The Secret Service through GLib, loaded with dlopen on first use. GIO's
// D-Bus client does the reads and writes in as few calls as the protocol
// allows (vault's hot path: a lookup is four calls); libsecret, loaded
// only when a prompt may be needed, unlocks and creates collections.
// The few GLib types used are declared here, so the build needs no GLib headers.
#include "shims_secret.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned int domain; int code; char *message; } GError;
typedef struct GVariant GVariant;
typedef struct GVariantBuilder GVariantBuilder;
typedef unsigned int (*GHashFunc)(const void *);
typedef int (*GEqualFunc)(const void *, const void *);
typedef void (*GDestroyNotify)(void *);

#define SERVICE "org.freedesktop.secrets"
#define SERVICE_PATH "/org/freedesktop/secrets"
#define SERVICE_IFACE "org.freedesktop.Secret.Service"
#define COLLECTION_IFACE "org.freedesktop.Secret.Collection"
#define ITEM_IFACE "org.freedesktop.Secret.Item"
#define PROPERTIES_IFACE "org.freedesktop.DBus.Properties"
#define G_BUS_TYPE_SESSION 2
#define CALL_TIMEOUT_MS 25000

static struct {
    void *(*bus_get_sync)(int, void *, GError **);
    GVariant *(*call_sync)(void *, const char *, const char *, const char *, const char *, GVariant *,
                           const void *, int, int, void *, GError **);
    void (*call_async)(void *, const char *, const char *, const char *, const char *, GVariant *,
                       const void *, int, int, void *, void (*)(void *, void *, void *), void *);
    GVariant *(*call_finish)(void *, void *, GError **);
    void *(*main_context_new)(void);
    void (*main_context_push)(void *);
    void (*main_context_pop)(void *);
    int (*main_context_iteration)(void *, int);
    void (*main_context_unref)(void *);
    GVariant *(*variant_new)(const char *, ...);
    void (*variant_get)(GVariant *, const char *, ...);
    GVariant *(*variant_new_fixed_array)(const void *, const void *, size_t, size_t);
    const void *(*variant_get_fixed_array)(GVariant *, size_t *, size_t);
    void (*variant_unref)(GVariant *);
    GVariantBuilder *(*builder_new)(const void *);
    void (*builder_add)(GVariantBuilder *, const char *, ...);
    void (*builder_unref)(GVariantBuilder *);
    int (*strip_remote_error)(GError *);
    void (*error_free)(GError *);
    void (*g_free)(void *);
    void (*strfreev)(char **);
    void (*object_unref)(void *);
} G;

static struct {
    void *(*service_get_sync)(int, void *, GError **);
    int (*unlock_paths_sync)(void *, const char **, void *, char ***, GError **);
    char *(*create_collection_path_sync)(void *, void *, const char *, int, void *, GError **);
    void *(*hash_table_new_full)(GHashFunc, GEqualFunc, GDestroyNotify, GDestroyNotify);
    int (*hash_table_insert)(void *, void *, void *);
    void (*hash_table_unref)(void *);
    GVariant *(*variant_new_string)(const char *);
    GVariant *(*variant_ref_sink)(GVariant *);
    GHashFunc str_hash;
    GEqualFunc str_equal;
} S;

static pthread_once_t gio_once = PTHREAD_ONCE_INIT, secret_once = PTHREAD_ONCE_INIT;
static const char *gio_error = NULL, *secret_error = NULL;

#define BIND(table, field, handle, name, failure)                       \
    do {                                                                \
        *(void **)(&table.field) = dlsym(handle, name);                 \
        if (!table.field) { failure = "GLib lacks " name; return; }     \
    } while (0)

static void load_gio(void) {
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *gio = dlopen("libgio-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!glib || !gobject || !gio) { gio_error = "GLib's GIO is not installed (Debian: apt install libglib2.0-0)"; return; }
    BIND(G, bus_get_sync, gio, "g_bus_get_sync", gio_error);
    BIND(G, call_sync, gio, "g_dbus_connection_call_sync", gio_error);
    BIND(G, strip_remote_error, gio, "g_dbus_error_strip_remote_error", gio_error);
    BIND(G, call_async, gio, "g_dbus_connection_call", gio_error);
    BIND(G, call_finish, gio, "g_dbus_connection_call_finish", gio_error);
    BIND(G, main_context_new, glib, "g_main_context_new", gio_error);
    BIND(G, main_context_push, glib, "g_main_context_push_thread_default", gio_error);
    BIND(G, main_context_pop, glib, "g_main_context_pop_thread_default", gio_error);
    BIND(G, main_context_iteration, glib, "g_main_context_iteration", gio_error);
    BIND(G, main_context_unref, glib, "g_main_context_unref", gio_error);
    BIND(G, variant_new, glib, "g_variant_new", gio_error);
    BIND(G, variant_get, glib, "g_variant_get", gio_error);
    BIND(G, variant_new_fixed_array, glib, "g_variant_new_fixed_array", gio_error);
    BIND(G, variant_get_fixed_array, glib, "g_variant_get_fixed_array", gio_error);
    BIND(G, variant_unref, glib, "g_variant_unref", gio_error);
    BIND(G, builder_new, glib, "g_variant_builder_new", gio_error);
    BIND(G, builder_add, glib, "g_variant_builder_add", gio_error);
    BIND(G, builder_unref, glib, "g_variant_builder_unref", gio_error);
    BIND(G, error_free, glib, "g_error_free", gio_error);
    BIND(G, g_free, glib, "g_free", gio_error);
    BIND(G, strfreev, glib, "g_strfreev", gio_error);
    BIND(G, object_unref, gobject, "g_object_unref", gio_error);
}

static void load_secret(void) {
    void *secret = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!secret || !glib) { secret_error = "libsecret-1.so.0 is not installed (Debian: apt install libsecret-1-0)"; return; }
    BIND(S, service_get_sync, secret, "secret_service_get_sync", secret_error);
    BIND(S, unlock_paths_sync, secret, "secret_service_unlock_dbus_paths_sync", secret_error);
    BIND(S, create_collection_path_sync, secret, "secret_service_create_collection_dbus_path_sync", secret_error);
    BIND(S, hash_table_new_full, glib, "g_hash_table_new_full", secret_error);
    BIND(S, hash_table_insert, glib, "g_hash_table_insert", secret_error);
    BIND(S, hash_table_unref, glib, "g_hash_table_unref", secret_error);
    BIND(S, variant_new_string, glib, "g_variant_new_string", secret_error);
    BIND(S, variant_ref_sink, glib, "g_variant_ref_sink", secret_error);
    BIND(S, str_hash, glib, "g_str_hash", secret_error);
    BIND(S, str_equal, glib, "g_str_equal", secret_error);
}

const char *vault_ss_load_error(void) {
    pthread_once(&gio_once, load_gio);
    if (gio_error) return gio_error;
    pthread_once(&secret_once, load_secret);
    return secret_error;
}

/// Moves a GError's message (without GDBus's remote-error prefix) into a malloc'd string.
static void take_error(GError *gerror, char **error, const char *fallback) {
    if (gerror) G.strip_remote_error(gerror);
    if (error) *error = strdup(gerror && gerror->message ? gerror->message : fallback);
    if (gerror) G.error_free(gerror);
}

static char *take_string(char *gstring) {
    if (!gstring) return NULL;
    char *copy = strdup(gstring);
    G.g_free(gstring);
    return copy;
}

/// A GLib string vector copied into malloc'd memory.
static long take_paths(char **gpaths, char ***paths) {
    long count = 0;
    while (gpaths && gpaths[count]) count++;
    *paths = calloc(count + 1, sizeof(char *));
    for (long i = 0; i < count; i++) (*paths)[i] = strdup(gpaths[i]);
    if (gpaths) G.strfreev(gpaths);
    return count;
}

void vault_ss_free_paths(char **paths) {
    if (!paths) return;
    for (char **p = paths; *p; p++) free(*p);
    free(paths);
}

static GVariant *call(void *bus, const char *path, const char *iface, const char *method, GVariant *params,
                      const char *reply_type, char **error) {
    GError *gerror = NULL;
    GVariant *reply = G.call_sync(bus, SERVICE, path, iface, method, params, reply_type, 0, CALL_TIMEOUT_MS, NULL, &gerror);
    if (!reply) take_error(gerror, error, method);
    return reply;
}

/// A property's value (the caller unrefs it).
static GVariant *property(void *bus, const char *path, const char *iface, const char *name, char **error) {
    GVariant *reply = call(bus, path, PROPERTIES_IFACE, "Get", G.variant_new("(ss)", iface, name), "(v)", error);
    if (!reply) return NULL;
    GVariant *value = NULL;
    G.variant_get(reply, "(v)", &value);
    G.variant_unref(reply);
    return value;
}

static GVariant *attributes(const char *name, const char *value) {
    GVariantBuilder *builder = G.builder_new("a{ss}");
    G.builder_add(builder, "{ss}", name, value);
    GVariant *result = G.variant_new("a{ss}", builder);
    G.builder_unref(builder);
    return result;
}

/// One call of a batch: sent together, answered in any order.
typedef struct {
    const char *path, *iface, *method, *reply_type;
    GVariant *params;
    GVariant *reply;
    GError *error;
    int *pending;
} Call;

static void batch_reply(void *source, void *result, void *data) {
    Call *call = data;
    call->reply = G.call_finish(source, result, &call->error);
    (*call->pending)--;
}

/// Sends every call at once and waits for all replies: one round trip's
/// latency instead of one per call.
static void batch(void *bus, Call *calls, int count) {
    void *context = G.main_context_new();
    G.main_context_push(context);
    int pending = count;
    for (int i = 0; i < count; i++) {
        calls[i].pending = &pending;
        G.call_async(bus, SERVICE, calls[i].path, calls[i].iface, calls[i].method, calls[i].params, calls[i].reply_type,
                     0, CALL_TIMEOUT_MS, NULL, batch_reply, &calls[i]);
    }
    while (pending > 0) G.main_context_iteration(context, 1);
    G.main_context_pop(context);
    G.main_context_unref(context);
}

/// The first failure of a batch as *error (the rest are freed); 0 when all succeeded.
static int batch_failed(Call *calls, int count, char **error) {
    int failed = 0;
    for (int i = 0; i < count; i++) {
        if (calls[i].reply) continue;
        if (!failed) take_error(calls[i].error, error, calls[i].method);
        else if (calls[i].error) G.error_free(calls[i].error);
        failed = 1;
    }
    if (failed) for (int i = 0; i < count; i++) if (calls[i].reply) G.variant_unref(calls[i].reply);
    return failed;
}

int vault_ss_prepare(void *bus, char ***collections, char **default_collection, char **session, char **error) {
    Call calls[3] = {
        {SERVICE_PATH, PROPERTIES_IFACE, "Get", "(v)", G.variant_new("(ss)", SERVICE_IFACE, "Collections")},
        {SERVICE_PATH, SERVICE_IFACE, "ReadAlias", "(o)", G.variant_new("(s)", "default")},
        {SERVICE_PATH, SERVICE_IFACE, "OpenSession", "(vo)", G.variant_new("(sv)", "plain", G.variant_new("s", ""))},
    };
    batch(bus, calls, 3);
    if (batch_failed(calls, 3, error)) return -1;
    GVariant *value = NULL;
    char **gpaths = NULL;
    G.variant_get(calls[0].reply, "(v)", &value);
    G.variant_get(value, "^ao", &gpaths);
    G.variant_unref(value);
    take_paths(gpaths, collections);
    char *alias = NULL;
    G.variant_get(calls[1].reply, "(o)", &alias);
    *default_collection = (alias && strcmp(alias, "/") != 0) ? strdup(alias) : NULL;
    G.g_free(alias);
    GVariant *output = NULL;
    char *path = NULL;
    G.variant_get(calls[2].reply, "(vo)", &output, &path);
    G.variant_unref(output);
    *session = take_string(path);
    for (int i = 0; i < 3; i++) G.variant_unref(calls[i].reply);
    return 0;
}

long vault_ss_list_items(void *bus, const char *const *collections, const int *marked_only, int count, char ***items,
                         char **error) {
    if (count == 0) { *items = calloc(1, sizeof(char *)); return 0; }
    Call *calls = calloc(count, sizeof(Call));
    for (int i = 0; i < count; i++)
        calls[i] = marked_only[i]
            ? (Call){collections[i], COLLECTION_IFACE, "SearchItems", "(ao)", G.variant_new("(@a{ss})", attributes("vault", "1"))}
            : (Call){collections[i], PROPERTIES_IFACE, "Get", "(v)", G.variant_new("(ss)", COLLECTION_IFACE, "Items")};
    batch(bus, calls, count);
    if (batch_failed(calls, count, error)) { free(calls); return -1; }
    long total = 0;
    char **lists[count];
    for (int i = 0; i < count; i++) {
        lists[i] = NULL;
        if (marked_only[i]) {
            G.variant_get(calls[i].reply, "(^ao)", &lists[i]);
        } else {
            GVariant *value = NULL;
            G.variant_get(calls[i].reply, "(v)", &value);
            G.variant_get(value, "^ao", &lists[i]);
            G.variant_unref(value);
        }
        G.variant_unref(calls[i].reply);
        for (char **p = lists[i]; p && *p; p++) total++;
    }
    *items = calloc(total + 1, sizeof(char *));
    long n = 0;
    for (int i = 0; i < count; i++) {
        for (char **p = lists[i]; p && *p; p++) (*items)[n++] = strdup(*p);
        if (lists[i]) G.strfreev(lists[i]);
    }
    free(calls);
    return total;
}

long vault_ss_item_labels(void *bus, char **items, char ***labels, char **error) {
    long count = 0;
    while (items && items[count]) count++;
    *labels = calloc(count + 1, sizeof(char *));
    if (count == 0) return 0;
    Call *calls = calloc(count, sizeof(Call));
    for (long i = 0; i < count; i++)
        calls[i] = (Call){items[i], PROPERTIES_IFACE, "Get", "(v)", G.variant_new("(ss)", ITEM_IFACE, "Label")};
    batch(bus, calls, (int)count);
    // An item deleted between the listing and this call (another vault process
    // replacing a session, say) no longer answers: it gets an empty label and
    // is left out. Only when no item answers is it the store failing.
    long answered = 0;
    for (long i = 0; i < count; i++) if (calls[i].reply) answered++;
    if (answered == 0 && batch_failed(calls, (int)count, error)) {
        free(calls);
        free(*labels);
        *labels = NULL;
        return -1;
    }
    for (long i = 0; i < count; i++) {
        GVariant *value = NULL;
        char *label = NULL;
        if (!calls[i].reply) {
            if (calls[i].error) G.error_free(calls[i].error);
            (*labels)[i] = strdup("");
            continue;
        }
        G.variant_get(calls[i].reply, "(v)", &value);
        G.variant_get(value, "s", &label);
        (*labels)[i] = take_string(label);
        G.variant_unref(value);
        G.variant_unref(calls[i].reply);
    }
    free(calls);
    return count;
}

void *vault_ss_connect(char **error) {
    pthread_once(&gio_once, load_gio);
    if (gio_error) { if (error) *error = strdup(gio_error); return NULL; }
    GError *gerror = NULL;
    void *bus = G.bus_get_sync(G_BUS_TYPE_SESSION, NULL, &gerror);
    if (!bus) take_error(gerror, error, "no session bus");
    return bus;
}

void vault_ss_release(void *connection) {
    if (connection) G.object_unref(connection);
}

char *vault_ss_label(void *bus, const char *path, int is_item, char **error) {
    GVariant *value = property(bus, path, is_item ? ITEM_IFACE : COLLECTION_IFACE, "Label", error);
    if (!value) return NULL;
    char *label = NULL;
    G.variant_get(value, "s", &label);
    G.variant_unref(value);
    return take_string(label);
}

int vault_ss_locked(void *bus, const char *collection, char **error) {
    GVariant *value = property(bus, collection, COLLECTION_IFACE, "Locked", error);
    if (!value) return -1;
    int locked = 0;
    G.variant_get(value, "b", &locked);
    G.variant_unref(value);
    return locked ? 1 : 0;
}

int vault_ss_search(void *bus, const char *name, const char *value, char ***unlocked, char ***locked, char **error) {
    GVariant *reply = call(bus, SERVICE_PATH, SERVICE_IFACE, "SearchItems",
                           G.variant_new("(@a{ss})", attributes(name, value)), "(aoao)", error);
    if (!reply) return -1;
    char **open = NULL, **closed = NULL;
    G.variant_get(reply, "(^ao^ao)", &open, &closed);
    G.variant_unref(reply);
    take_paths(open, unlocked);
    take_paths(closed, locked);
    return 0;
}

int vault_ss_get_secret(void *bus, const char *item, const char *session, unsigned char **data, size_t *length,
                        char **error) {
    GVariant *reply = call(bus, item, ITEM_IFACE, "GetSecret", G.variant_new("(o)", session), "((oayays))", error);
    if (!reply) return -1;
    GVariant *parameters = NULL, *value = NULL;
    char *session_path = NULL, *content_type = NULL;
    G.variant_get(reply, "((o@ay@ays))", &session_path, &parameters, &value, &content_type);
    size_t n = 0;
    const void *bytes = G.variant_get_fixed_array(value, &n, 1);
    *data = malloc(n ? n : 1);
    if (n) {
        memcpy(*data, bytes, n);
        memset((void *)bytes, 0, n);  // best effort: the reply's copy of the secret
    }
    *length = n;
    G.g_free(session_path);
    G.g_free(content_type);
    G.variant_unref(parameters);
    G.variant_unref(value);
    G.variant_unref(reply);
    return 0;
}

int vault_ss_create_item(void *bus, const char *collection, const char *session, const char *label,
                         const char *const *attrs, const unsigned char *data, size_t length,
                         const char *content_type, char **error) {
    GVariantBuilder *attributes_builder = G.builder_new("a{ss}");
    for (const char *const *a = attrs; a && a[0] && a[1]; a += 2) G.builder_add(attributes_builder, "{ss}", a[0], a[1]);
    GVariantBuilder *properties = G.builder_new("a{sv}");
    G.builder_add(properties, "{sv}", ITEM_IFACE ".Label", G.variant_new("s", label));
    G.builder_add(properties, "{sv}", ITEM_IFACE ".Attributes", G.variant_new("a{ss}", attributes_builder));
    GVariant *secret = G.variant_new("(o@ay@ays)", session, G.variant_new_fixed_array("y", "", 0, 1),
                                     G.variant_new_fixed_array("y", data, length, 1), content_type);
    GVariant *params = G.variant_new("(a{sv}@(oayays)b)", properties, secret, 1);
    G.builder_unref(attributes_builder);
    G.builder_unref(properties);
    GVariant *reply = call(bus, collection, COLLECTION_IFACE, "CreateItem", params, "(oo)", error);
    if (!reply) return -1;
    char *item = NULL, *prompt = NULL;
    G.variant_get(reply, "(oo)", &item, &prompt);
    int needs_prompt = prompt && strcmp(prompt, "/") != 0;
    G.g_free(item);
    G.g_free(prompt);
    G.variant_unref(reply);
    if (needs_prompt) {
        if (error) *error = strdup("the daemon wants to prompt before storing; unlock the collection first");
        return -1;
    }
    return 0;
}

int vault_ss_delete_item(void *bus, const char *item, char **error) {
    GVariant *reply = call(bus, item, ITEM_IFACE, "Delete", NULL, "(o)", error);
    if (!reply) return -1;
    G.variant_unref(reply);
    return 0;
}

static void *secret_service(char **error) {
    pthread_once(&gio_once, load_gio);
    if (gio_error) { if (error) *error = strdup(gio_error); return NULL; }
    pthread_once(&secret_once, load_secret);
    if (secret_error) { if (error) *error = strdup(secret_error); return NULL; }
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
    if (unlocked) G.strfreev(unlocked);
    G.object_unref(service);
    if (count < 0 || gerror) { take_error(gerror, error, "unlock failed"); return -1; }
    return count > 0 ? 1 : 0;
}

char *vault_ss_create_collection(const char *label, char **error) {
    void *service = secret_service(error);
    if (!service) return NULL;
    void *properties = S.hash_table_new_full(S.str_hash, S.str_equal, NULL, (GDestroyNotify)G.variant_unref);
    S.hash_table_insert(properties, (void *)COLLECTION_IFACE ".Label", S.variant_ref_sink(S.variant_new_string(label)));
    GError *gerror = NULL;
    char *path = S.create_collection_path_sync(service, properties, NULL, 0, NULL, &gerror);
    S.hash_table_unref(properties);
    G.object_unref(service);
    if (!path || strcmp(path, "/") == 0 || !*path) {
        if (path) G.g_free(path);
        take_error(gerror, error, "the daemon's prompt was dismissed; is there a display to show it?");
        return NULL;
    }
    return take_string(path);
}
