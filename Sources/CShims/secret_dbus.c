// The Secret Service's reads and writes over libdbus, loaded with dlopen on
// first use. libdbus rather than GIO: GLib's libraries, its type system and
// GDBus's worker threads cost more than the D-Bus round trips themselves.
// Here a private connection is driven synchronously on the calling thread;
// calls that do not depend on each other are sent together and then awaited
// one by one, so that their round trips overlap (a lookup is five: Hello,
// prepare, list items, labels, GetSecret).
//
// The few libdbus types used are declared here with libdbus's stable ABI
// (dbus/dbus-message.h, dbus/dbus-errors.h), so the build needs neither its
// headers nor a link flag.
#include "shims_secret.h"
#include "secret_internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct DBusConnection DBusConnection;
typedef struct DBusMessage DBusMessage;
typedef struct DBusPendingCall DBusPendingCall;
typedef unsigned int dbus_bool_t;  // dbus_uint32_t

typedef struct {
    const char *name;
    const char *message;
    unsigned int dummy1 : 1, dummy2 : 1, dummy3 : 1, dummy4 : 1, dummy5 : 1;
    void *padding1;
} DBusError;

/// Opaque to callers, but allocated by them: the layout must match libdbus's.
typedef struct {
    void *dummy1, *dummy2;
    unsigned int dummy3;
    int dummy4, dummy5, dummy6, dummy7, dummy8, dummy9, dummy10, dummy11;
    int pad1;
    void *pad2, *pad3;
} DBusMessageIter;
_Static_assert(sizeof(DBusMessageIter) == (sizeof(void *) == 8 ? 72 : 56), "DBusMessageIter must keep libdbus's size");

#define DBUS_BUS_SESSION 0
#define TYPE_INVALID '\0'
#define TYPE_BYTE 'y'
#define TYPE_BOOLEAN 'b'
#define TYPE_STRING 's'
#define TYPE_OBJECT_PATH 'o'
#define TYPE_ARRAY 'a'
#define TYPE_VARIANT 'v'
#define TYPE_STRUCT 'r'
#define TYPE_DICT_ENTRY 'e'

static struct {
    void (*error_init)(DBusError *);
    void (*error_free)(DBusError *);
    DBusConnection *(*bus_get_private)(int, DBusError *);
    void (*set_exit_on_disconnect)(DBusConnection *, dbus_bool_t);
    void (*set_change_sigpipe)(dbus_bool_t);
    void (*connection_close)(DBusConnection *);
    void (*connection_unref)(DBusConnection *);
    dbus_bool_t (*send_with_reply)(DBusConnection *, DBusMessage *, DBusPendingCall **, int);
    void (*pending_block)(DBusPendingCall *);
    DBusMessage *(*pending_steal_reply)(DBusPendingCall *);
    void (*pending_unref)(DBusPendingCall *);
    DBusMessage *(*new_method_call)(const char *, const char *, const char *, const char *);
    void (*message_unref)(DBusMessage *);
    dbus_bool_t (*set_error_from_message)(DBusError *, DBusMessage *);
    dbus_bool_t (*has_signature)(DBusMessage *, const char *);
    dbus_bool_t (*validate_path)(const char *, DBusError *);
    dbus_bool_t (*validate_utf8)(const char *, DBusError *);
    void (*iter_init_append)(DBusMessage *, DBusMessageIter *);
    dbus_bool_t (*append_basic)(DBusMessageIter *, int, const void *);
    dbus_bool_t (*append_fixed_array)(DBusMessageIter *, int, const void *, int);
    dbus_bool_t (*open_container)(DBusMessageIter *, int, const char *, DBusMessageIter *);
    dbus_bool_t (*close_container)(DBusMessageIter *, DBusMessageIter *);
    dbus_bool_t (*iter_init)(DBusMessage *, DBusMessageIter *);
    int (*arg_type)(DBusMessageIter *);
    int (*element_type)(DBusMessageIter *);
    void (*recurse)(DBusMessageIter *, DBusMessageIter *);
    dbus_bool_t (*next)(DBusMessageIter *);
    void (*get_basic)(DBusMessageIter *, void *);
    void (*get_fixed_array)(DBusMessageIter *, void *, int *);
} D;

static pthread_once_t dbus_once = PTHREAD_ONCE_INIT;
static const char *dbus_missing = NULL;

#define BIND_DBUS(field, name) BIND(D, field, library, name, dbus_missing, "libdbus")

static void load_dbus(void) {
    void *library = dlopen("libdbus-1.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!library) { dbus_missing = "libdbus-1.so.3 is not installed (Debian: apt install libdbus-1-3)"; return; }
    BIND_DBUS(error_init, "dbus_error_init");
    BIND_DBUS(error_free, "dbus_error_free");
    BIND_DBUS(bus_get_private, "dbus_bus_get_private");
    BIND_DBUS(set_exit_on_disconnect, "dbus_connection_set_exit_on_disconnect");
    BIND_DBUS(set_change_sigpipe, "dbus_connection_set_change_sigpipe");
    BIND_DBUS(connection_close, "dbus_connection_close");
    BIND_DBUS(connection_unref, "dbus_connection_unref");
    BIND_DBUS(send_with_reply, "dbus_connection_send_with_reply");
    BIND_DBUS(pending_block, "dbus_pending_call_block");
    BIND_DBUS(pending_steal_reply, "dbus_pending_call_steal_reply");
    BIND_DBUS(pending_unref, "dbus_pending_call_unref");
    BIND_DBUS(new_method_call, "dbus_message_new_method_call");
    BIND_DBUS(message_unref, "dbus_message_unref");
    BIND_DBUS(set_error_from_message, "dbus_set_error_from_message");
    BIND_DBUS(has_signature, "dbus_message_has_signature");
    BIND_DBUS(validate_path, "dbus_validate_path");
    BIND_DBUS(validate_utf8, "dbus_validate_utf8");
    BIND_DBUS(iter_init_append, "dbus_message_iter_init_append");
    BIND_DBUS(append_basic, "dbus_message_iter_append_basic");
    BIND_DBUS(append_fixed_array, "dbus_message_iter_append_fixed_array");
    BIND_DBUS(open_container, "dbus_message_iter_open_container");
    BIND_DBUS(close_container, "dbus_message_iter_close_container");
    BIND_DBUS(iter_init, "dbus_message_iter_init");
    BIND_DBUS(arg_type, "dbus_message_iter_get_arg_type");
    BIND_DBUS(element_type, "dbus_message_iter_get_element_type");
    BIND_DBUS(recurse, "dbus_message_iter_recurse");
    BIND_DBUS(next, "dbus_message_iter_next");
    BIND_DBUS(get_basic, "dbus_message_iter_get_basic");
    BIND_DBUS(get_fixed_array, "dbus_message_iter_get_fixed_array");
}

const char *vault_ss_dbus_load_error(void) {
    pthread_once(&dbus_once, load_dbus);
    return dbus_missing;
}

// MARK: Errors and lists

/// A malloc'd copy of `text` on one line (vault prints reasons on one line).
static void set_error(char **error, const char *text) {
    if (!error) return;
    *error = strdup(text);
    for (char *c = *error; c && *c; c++) if (*c == '\n') *c = ' ';
}

/// Moves a D-Bus error (its message, else its name) into *error.
static void take_error(DBusError *failure, char **error, const char *fallback) {
    const char *message = failure->message && *failure->message ? failure->message : failure->name;
    set_error(error, message ? message : fallback);
    D.error_free(failure);
}

void vault_ss_free_paths(char **paths) {
    if (!paths) return;
    for (char **p = paths; *p; p++) free(*p);
    free(paths);
}

static const char *basic_string(DBusMessageIter *iter) {
    const char *value = NULL;
    D.get_basic(iter, &value);
    return value;
}

/// Appends the paths of the `ao` array at `array` to *list (NULL-terminated, *count long).
static void add_paths(DBusMessageIter *array, char ***list, size_t *count) {
    DBusMessageIter element;
    D.recurse(array, &element);
    for (; D.arg_type(&element) == TYPE_OBJECT_PATH; D.next(&element)) {
        *list = realloc(*list, (*count + 2) * sizeof(char *));
        (*list)[(*count)++] = strdup(basic_string(&element));
        (*list)[*count] = NULL;
    }
}

static char **read_paths(DBusMessageIter *array) {
    char **list = calloc(1, sizeof(char *));
    size_t count = 0;
    add_paths(array, &list, &count);
    return list;
}

// MARK: Requests
//
// libdbus aborts the process on an invalid object path or on a string that
// is not UTF-8 (its argument checks are fatal), where GIO returned an error:
// what comes from the caller is validated first.

static int valid(const char *text, int is_path) {
    if (!text) return 0;
    DBusError failure;
    D.error_init(&failure);
    dbus_bool_t ok = is_path ? D.validate_path(text, &failure) : D.validate_utf8(text, &failure);
    D.error_free(&failure);
    return ok != 0;
}

/// A method call to the Secret Service, or NULL when `path` is not an object path.
static DBusMessage *method(const char *path, const char *iface, const char *name) {
    return valid(path, 1) ? D.new_method_call(SERVICE, path, iface, name) : NULL;
}

/// `message` when all its arguments went in; else NULL (freed).
static DBusMessage *complete(DBusMessage *message, int appended) {
    if (message && !appended) {
        D.message_unref(message);
        return NULL;
    }
    return message;
}

static int append_text(DBusMessageIter *iter, int type, const char *text) {
    return valid(text, type == TYPE_OBJECT_PATH) && D.append_basic(iter, type, &text);
}

static int append_bytes(DBusMessageIter *iter, const unsigned char *bytes, size_t length) {
    DBusMessageIter array;
    if (!bytes) bytes = (const unsigned char *)"";  // an empty array still needs an address
    return D.open_container(iter, TYPE_ARRAY, "y", &array) &&
           D.append_fixed_array(&array, TYPE_BYTE, &bytes, (int)length) && D.close_container(iter, &array);
}

/// An a{ss} of the NULL-terminated name, value, … list.
static int append_attributes(DBusMessageIter *iter, const char *const *pairs) {
    DBusMessageIter dict, entry;
    if (!D.open_container(iter, TYPE_ARRAY, "{ss}", &dict)) return 0;
    for (const char *const *p = pairs; p && p[0] && p[1]; p += 2)
        if (!D.open_container(&dict, TYPE_DICT_ENTRY, NULL, &entry) || !append_text(&entry, TYPE_STRING, p[0]) ||
            !append_text(&entry, TYPE_STRING, p[1]) || !D.close_container(&dict, &entry))
            return 0;
    return D.close_container(iter, &dict);
}

/// Properties.Get(iface, name) on `path`.
static DBusMessage *get_property(const char *path, const char *iface, const char *name) {
    DBusMessage *message = method(path, PROPERTIES_IFACE, "Get");
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return complete(message, append_text(&args, TYPE_STRING, iface) && append_text(&args, TYPE_STRING, name));
}

/// A method whose only argument is an object path or a string.
static DBusMessage *call_with(const char *path, const char *iface, const char *name, int type, const char *argument) {
    DBusMessage *message = method(path, iface, name);
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return complete(message, append_text(&args, type, argument));
}

/// SearchItems({name: value, …}) on the service or on a collection.
static DBusMessage *search(const char *path, const char *iface, const char *const *pairs) {
    DBusMessage *message = method(path, iface, "SearchItems");
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return complete(message, append_attributes(&args, pairs));
}

/// OpenSession("plain", <"">): secrets travel unencrypted over the local bus, as aws-vault's client does.
static DBusMessage *open_session(void) {
    DBusMessage *message = method(SERVICE_PATH, SERVICE_IFACE, "OpenSession");
    if (!message) return NULL;
    DBusMessageIter args, input;
    D.iter_init_append(message, &args);
    return complete(message, append_text(&args, TYPE_STRING, "plain") && D.open_container(&args, TYPE_VARIANT, "s", &input) &&
                                 append_text(&input, TYPE_STRING, "") && D.close_container(&args, &input));
}

// MARK: Round trips

/// One call of a batch: sent with the others, its reply read after.
typedef struct {
    DBusMessage *request, *reply;
} Call;

/// Sends every request, then blocks on each reply in turn: one round trip's
/// latency for the batch. A reply is NULL when its request could not be
/// built or sent (the connection closed).
static void exchange(DBusConnection *bus, Call *calls, long count) {
    DBusPendingCall **pending = calloc(count, sizeof *pending);
    for (long i = 0; i < count; i++)
        if (calls[i].request && !D.send_with_reply(bus, calls[i].request, &pending[i], CALL_TIMEOUT_MS)) pending[i] = NULL;
    for (long i = 0; i < count; i++) {
        calls[i].reply = NULL;
        if (!pending[i]) continue;
        D.pending_block(pending[i]);
        calls[i].reply = D.pending_steal_reply(pending[i]);
        D.pending_unref(pending[i]);
    }
    free(pending);
}

static void release(Call *calls, long count) {
    for (long i = 0; i < count; i++) {
        if (calls[i].request) D.message_unref(calls[i].request);
        if (calls[i].reply) D.message_unref(calls[i].reply);
        calls[i] = (Call){NULL, NULL};
    }
}

/// 0 when `reply` is a method return with arguments of `signature`; else -1 with *error.
static int check(DBusMessage *reply, const char *signature, char **error) {
    if (!reply) {
        set_error(error, "the request could not be sent on the session bus");
        return -1;
    }
    DBusError failure;
    D.error_init(&failure);
    if (D.set_error_from_message(&failure, reply)) {
        take_error(&failure, error, "the Secret Service failed");
        return -1;
    }
    if (D.has_signature(reply, signature)) return 0;
    set_error(error, "the Secret Service answered with unexpected types");
    return -1;
}

/// 0 when `reply` to Properties.Get holds a value of `signature` ("s", "b",
/// "ao"): *value is on it. Else -1 with *error.
static int property_value(DBusMessage *reply, const char *signature, DBusMessageIter *value, char **error) {
    if (check(reply, "v", error) < 0) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    D.recurse(&args, value);
    int type = D.arg_type(value);
    if (type == signature[0] && (type != TYPE_ARRAY || D.element_type(value) == signature[1])) return 0;
    set_error(error, "the Secret Service answered with unexpected types");
    return -1;
}

/// The first failure of a batch as *error; 0 when every reply has its signature.
static int batch_failed(Call *calls, const char *const *signatures, long count, char **error) {
    for (long i = 0; i < count; i++)
        if (check(calls[i].reply, signatures[i], error) < 0) return 1;
    return 0;
}

/// One request and its checked reply (NULL with *error). Frees the request.
static DBusMessage *call(DBusConnection *bus, DBusMessage *request, const char *signature, char **error) {
    Call one = {request, NULL};
    exchange(bus, &one, 1);
    DBusMessage *reply = check(one.reply, signature, error) == 0 ? one.reply : NULL;
    if (reply) one.reply = NULL;
    release(&one, 1);
    return reply;
}

// MARK: The API

void *vault_ss_connect(char **error) {
    const char *missing = vault_ss_dbus_load_error();
    if (missing) {
        set_error(error, missing);
        return NULL;
    }
    // Else libdbus sets SIGPIPE to SIG_IGN for the whole process, and the
    // commands vault runs would inherit it; it writes with MSG_NOSIGNAL anyway.
    D.set_change_sigpipe(0);
    DBusError failure;
    D.error_init(&failure);
    // Private: vault owns it, closes it, and shares it with no other code.
    DBusConnection *bus = D.bus_get_private(DBUS_BUS_SESSION, &failure);
    if (!bus) {
        take_error(&failure, error, "no session bus");
        return NULL;
    }
    // A daemon that goes away is an error to report, not a reason to _exit.
    D.set_exit_on_disconnect(bus, 0);
    return bus;
}

void vault_ss_release(void *connection) {
    if (!connection) return;
    D.connection_close(connection);  // a private connection must be closed before its last unref
    D.connection_unref(connection);
}

int vault_ss_prepare(void *bus, char ***collections, char **default_collection, char **session, char **error) {
    Call calls[3] = {
        {.request = get_property(SERVICE_PATH, SERVICE_IFACE, "Collections")},
        {.request = call_with(SERVICE_PATH, SERVICE_IFACE, "ReadAlias", TYPE_STRING, "default")},
        {.request = open_session()},
    };
    static const char *const signatures[3] = {"v", "o", "vo"};
    exchange(bus, calls, 3);
    DBusMessageIter value, args;
    if (batch_failed(calls, signatures, 3, error) || property_value(calls[0].reply, "ao", &value, error) < 0) {
        release(calls, 3);
        return -1;
    }
    *collections = read_paths(&value);
    D.iter_init(calls[1].reply, &args);
    const char *alias = basic_string(&args);
    *default_collection = strcmp(alias, "/") != 0 ? strdup(alias) : NULL;
    D.iter_init(calls[2].reply, &args);
    D.next(&args);  // past the algorithm's output (empty for "plain")
    *session = strdup(basic_string(&args));
    release(calls, 3);
    return 0;
}

long vault_ss_list_items(void *bus, const char *const *collections, const int *marked_only, int count, char ***items,
                         char **error) {
    static const char *const marker[] = {"vault", "1", NULL};
    *items = calloc(1, sizeof(char *));
    if (count == 0) return 0;
    Call *calls = calloc(count, sizeof(Call));
    for (int i = 0; i < count; i++)
        calls[i].request = marked_only[i] ? search(collections[i], COLLECTION_IFACE, marker)
                                          : get_property(collections[i], COLLECTION_IFACE, "Items");
    exchange(bus, calls, count);
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        DBusMessageIter list;
        int failed = marked_only[i] ? check(calls[i].reply, "ao", error) < 0 || !D.iter_init(calls[i].reply, &list)
                                    : property_value(calls[i].reply, "ao", &list, error) < 0;
        if (failed) {
            release(calls, count);
            free(calls);
            vault_ss_free_paths(*items);
            *items = NULL;
            return -1;
        }
        add_paths(&list, items, &total);
    }
    release(calls, count);
    free(calls);
    return (long)total;
}

long vault_ss_item_labels(void *bus, char **items, char ***labels, char **error) {
    long count = 0;
    while (items && items[count]) count++;
    *labels = calloc(count + 1, sizeof(char *));
    if (count == 0) return 0;
    Call *calls = calloc(count, sizeof(Call));
    for (long i = 0; i < count; i++) calls[i].request = get_property(items[i], ITEM_IFACE, "Label");
    exchange(bus, calls, count);
    // An item deleted between the listing and this call (another vault process
    // replacing a session, say) no longer answers: it gets an empty label and
    // is left out. Only when no item answers is it the store failing.
    char *first_failure = NULL;
    long answered = 0;
    for (long i = 0; i < count; i++) {
        DBusMessageIter value;
        int ok = property_value(calls[i].reply, "s", &value, first_failure ? NULL : &first_failure) == 0;
        (*labels)[i] = strdup(ok ? basic_string(&value) : "");
        answered += ok;
    }
    release(calls, count);
    free(calls);
    if (answered == 0) {
        vault_ss_free_paths(*labels);
        *labels = NULL;
        if (error) *error = first_failure;
        else free(first_failure);
        return -1;
    }
    free(first_failure);
    return count;
}

char *vault_ss_label(void *bus, const char *path, int is_item, char **error) {
    DBusMessage *reply = call(bus, get_property(path, is_item ? ITEM_IFACE : COLLECTION_IFACE, "Label"), "v", error);
    DBusMessageIter value;
    if (!reply || property_value(reply, "s", &value, error) < 0) {
        if (reply) D.message_unref(reply);
        return NULL;
    }
    char *label = strdup(basic_string(&value));
    D.message_unref(reply);
    return label;
}

int vault_ss_locked(void *bus, const char *collection, char **error) {
    DBusMessage *reply = call(bus, get_property(collection, COLLECTION_IFACE, "Locked"), "v", error);
    DBusMessageIter value;
    if (!reply || property_value(reply, "b", &value, error) < 0) {
        if (reply) D.message_unref(reply);
        return -1;
    }
    dbus_bool_t locked = 0;
    D.get_basic(&value, &locked);
    D.message_unref(reply);
    return locked ? 1 : 0;
}

int vault_ss_search(void *bus, const char *name, const char *value, char ***unlocked, char ***locked, char **error) {
    const char *const pairs[] = {name, value, NULL};
    DBusMessage *reply = call(bus, search(SERVICE_PATH, SERVICE_IFACE, pairs), "aoao", error);
    if (!reply) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    *unlocked = read_paths(&args);
    D.next(&args);
    *locked = read_paths(&args);
    D.message_unref(reply);
    return 0;
}

/// The secret's bytes in a Secret struct (oayays) at `secret`: session, parameters, value, content type.
static unsigned char *secret_value(DBusMessageIter *secret, int *length) {
    DBusMessageIter field;
    unsigned char *bytes = NULL;
    D.recurse(secret, &field);
    D.next(&field);  // past the session
    D.next(&field);  // past the parameters (none in a plain session)
    DBusMessageIter array;
    D.recurse(&field, &array);
    *length = 0;
    D.get_fixed_array(&array, &bytes, length);
    return bytes;
}

int vault_ss_get_secret(void *bus, const char *item, const char *session, unsigned char **data, size_t *length,
                        char **error) {
    DBusMessage *reply = call(bus, call_with(item, ITEM_IFACE, "GetSecret", TYPE_OBJECT_PATH, session), "(oayays)", error);
    if (!reply) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    int n = 0;
    unsigned char *bytes = secret_value(&args, &n);
    *data = malloc(n ? n : 1);
    if (n) {
        memcpy(*data, bytes, n);
        memset(bytes, 0, n);  // best effort: the reply's copy of the secret
    }
    *length = n;
    D.message_unref(reply);
    return 0;
}

/// Opens the a{sv} entry `name` → a variant of `signature` (close_property ends it).
static int open_property(DBusMessageIter *dict, DBusMessageIter *entry, DBusMessageIter *variant, const char *name,
                         const char *signature) {
    return D.open_container(dict, TYPE_DICT_ENTRY, NULL, entry) && append_text(entry, TYPE_STRING, name) &&
           D.open_container(entry, TYPE_VARIANT, signature, variant);
}

static int close_property(DBusMessageIter *dict, DBusMessageIter *entry, DBusMessageIter *variant) {
    return D.close_container(entry, variant) && D.close_container(dict, entry);
}

/// CreateItem({Label, Attributes}, (session, [], data, content type), replace = true).
static DBusMessage *create_item(const char *collection, const char *session, const char *label, const char *const *attrs,
                                const unsigned char *data, size_t length, const char *content_type) {
    DBusMessage *message = method(collection, COLLECTION_IFACE, "CreateItem");
    if (!message) return NULL;
    DBusMessageIter args, dict, entry, variant, secret;
    dbus_bool_t replace = 1;
    D.iter_init_append(message, &args);
    int ok = D.open_container(&args, TYPE_ARRAY, "{sv}", &dict) &&
             open_property(&dict, &entry, &variant, ITEM_IFACE ".Label", "s") && append_text(&variant, TYPE_STRING, label) &&
             close_property(&dict, &entry, &variant) &&
             open_property(&dict, &entry, &variant, ITEM_IFACE ".Attributes", "a{ss}") &&
             append_attributes(&variant, attrs) && close_property(&dict, &entry, &variant) &&
             D.close_container(&args, &dict) && D.open_container(&args, TYPE_STRUCT, NULL, &secret) &&
             append_text(&secret, TYPE_OBJECT_PATH, session) && append_bytes(&secret, NULL, 0) /* no parameters */ &&
             append_bytes(&secret, data, length) && append_text(&secret, TYPE_STRING, content_type) &&
             D.close_container(&args, &secret) && D.append_basic(&args, TYPE_BOOLEAN, &replace);
    return complete(message, ok);
}

/// Zeroes the request's copy of the secret (the second argument of CreateItem).
static void wipe_request(DBusMessage *request) {
    DBusMessageIter args;
    int n = 0;
    if (!D.iter_init(request, &args) || !D.next(&args)) return;
    unsigned char *bytes = secret_value(&args, &n);
    if (n) memset(bytes, 0, n);
}

int vault_ss_create_item(void *bus, const char *collection, const char *session, const char *label,
                         const char *const *attrs, const unsigned char *data, size_t length,
                         const char *content_type, char **error) {
    Call one = {create_item(collection, session, label, attrs, data, length, content_type), NULL};
    exchange(bus, &one, 1);
    if (one.request) wipe_request(one.request);
    int failed = check(one.reply, "oo", error) < 0;
    int needs_prompt = 0;
    if (!failed) {
        DBusMessageIter args;
        D.iter_init(one.reply, &args);
        D.next(&args);  // past the new item
        needs_prompt = strcmp(basic_string(&args), "/") != 0;
    }
    release(&one, 1);
    if (needs_prompt) set_error(error, "the daemon wants to prompt before storing; unlock the collection first");
    return failed || needs_prompt ? -1 : 0;
}

int vault_ss_delete_item(void *bus, const char *item, char **error) {
    DBusMessage *reply = call(bus, method(item, ITEM_IFACE, "Delete"), "o", error);
    if (!reply) return -1;
    D.message_unref(reply);
    return 0;
}
