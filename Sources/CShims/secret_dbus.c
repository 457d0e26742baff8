// The Secret Service's reads and writes over libdbus (dbus_client.c), as a
// few calls: calls that do not depend on each other are sent together and
// then awaited one by one, so that their round trips overlap (a lookup is
// four: Hello with prepare, list items, labels, GetSecret). libdbus rather
// than GIO: GLib's libraries, its type system and GDBus's worker threads cost
// more than the round trips themselves. Following the prompts that writes,
// deletes and unlocks may return: secret_prompt.c.
#include "shims_secret.h"
#include "dbus_client.h"
#include "secret_internal.h"
#include <stdlib.h>
#include <string.h>

const char *vault_ss_bus_load_error(void) { return vault_dbus_load_error(); }

void *vault_ss_connect(const char *address, char **error) { return vdbus_open(address, error); }

void vault_ss_release(void *bus) { vdbus_close(bus); }

void vault_ss_free_paths(char **paths) {
    if (!paths) return;
    for (char **p = paths; *p; p++) free(*p);
    free(paths);
}

/// Appends the paths of the `ao` array at `array` to *list (NULL-terminated, *count long).
static void add_paths(DBusMessageIter *array, char ***list, size_t *count) {
    DBusMessageIter element;
    D.recurse(array, &element);
    for (; D.arg_type(&element) == TYPE_OBJECT_PATH; D.next(&element)) {
        *list = realloc(*list, (*count + 2) * sizeof(char *));
        (*list)[(*count)++] = strdup(vdbus_string(&element));
        (*list)[*count] = NULL;
    }
}

static char **read_paths(DBusMessageIter *array) {
    char **list = calloc(1, sizeof(char *));
    size_t count = 0;
    add_paths(array, &list, &count);
    return list;
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
        if (!D.open_container(&dict, TYPE_DICT_ENTRY, NULL, &entry) || !vdbus_append_text(&entry, TYPE_STRING, p[0]) ||
            !vdbus_append_text(&entry, TYPE_STRING, p[1]) || !D.close_container(&dict, &entry))
            return 0;
    return D.close_container(iter, &dict);
}

/// Properties.Get(iface, name) on `path`.
static DBusMessage *get_property(const char *path, const char *iface, const char *name) {
    DBusMessage *message = vdbus_method(path, PROPERTIES_IFACE, "Get");
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, vdbus_append_text(&args, TYPE_STRING, iface) && vdbus_append_text(&args, TYPE_STRING, name));
}

/// A method whose only argument is an object path or a string.
static DBusMessage *call_with(const char *path, const char *iface, const char *name, int type, const char *argument) {
    DBusMessage *message = vdbus_method(path, iface, name);
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, vdbus_append_text(&args, type, argument));
}

/// SearchItems({name: value, …}) on the service or on a collection.
static DBusMessage *search(const char *path, const char *iface, const char *const *pairs) {
    DBusMessage *message = vdbus_method(path, iface, "SearchItems");
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, append_attributes(&args, pairs));
}

/// OpenSession("plain", <"">): secrets travel unencrypted over the local bus, as aws-vault's client does.
static DBusMessage *open_session(void) {
    DBusMessage *message = vdbus_method(SERVICE_PATH, SERVICE_IFACE, "OpenSession");
    if (!message) return NULL;
    DBusMessageIter args, input;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, vdbus_append_text(&args, TYPE_STRING, "plain") && D.open_container(&args, TYPE_VARIANT, "s", &input) &&
                                 vdbus_append_text(&input, TYPE_STRING, "") && D.close_container(&args, &input));
}

int vault_ss_prepare(void *bus, char ***collections, char **default_collection, char **session, char **error) {
    VaultCall calls[3] = {
        {.request = get_property(SERVICE_PATH, SERVICE_IFACE, "Collections")},
        {.request = call_with(SERVICE_PATH, SERVICE_IFACE, "ReadAlias", TYPE_STRING, "default")},
        {.request = open_session()},
    };
    static const char *const signatures[3] = {"v", "o", "vo"};
    DBusMessageIter value, args;
    if (vdbus_exchange(bus, calls, 3, error) < 0 || vdbus_batch_failed(calls, signatures, 3, error) ||
        vdbus_property(calls[0].reply, "ao", &value, error) < 0) {
        vdbus_release(calls, 3);
        return -1;
    }
    *collections = read_paths(&value);
    D.iter_init(calls[1].reply, &args);
    const char *alias = vdbus_string(&args);
    *default_collection = strcmp(alias, "/") != 0 ? strdup(alias) : NULL;
    D.iter_init(calls[2].reply, &args);
    D.next(&args);  // past the algorithm's output (empty for "plain")
    *session = strdup(vdbus_string(&args));
    vdbus_release(calls, 3);
    return 0;
}

long vault_ss_list_items(void *bus, const char *const *collections, const int *marked_only, int count, char ***items,
                         char **error) {
    static const char *const marker[] = {"vault", "1", NULL};
    *items = calloc(1, sizeof(char *));
    if (count == 0) return 0;
    VaultCall *calls = calloc(count, sizeof(VaultCall));
    for (int i = 0; i < count; i++)
        calls[i].request = marked_only[i] ? search(collections[i], COLLECTION_IFACE, marker)
                                          : get_property(collections[i], COLLECTION_IFACE, "Items");
    int failed = vdbus_exchange(bus, calls, count, error) < 0;
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        DBusMessageIter list;
        failed = failed || (marked_only[i] ? vdbus_check(calls[i].reply, "ao", error) < 0 || !D.iter_init(calls[i].reply, &list)
                                           : vdbus_property(calls[i].reply, "ao", &list, error) < 0);
        if (failed) {
            vdbus_release(calls, count);
            free(calls);
            vault_ss_free_paths(*items);
            *items = NULL;
            return -1;
        }
        add_paths(&list, items, &total);
    }
    vdbus_release(calls, count);
    free(calls);
    return (long)total;
}

long vault_ss_item_labels(void *bus, char **items, char ***labels, char **error) {
    long count = 0;
    while (items && items[count]) count++;
    *labels = calloc(count + 1, sizeof(char *));
    if (count == 0) return 0;
    VaultCall *calls = calloc(count, sizeof(VaultCall));
    for (long i = 0; i < count; i++) calls[i].request = get_property(items[i], ITEM_IFACE, "Label");
    char *first_failure = NULL;
    long answered = 0;
    int sent = vdbus_exchange(bus, calls, count, &first_failure) == 0;
    // An item deleted between the listing and this call (another vault process
    // replacing a session, say) no longer answers: it gets an empty label and
    // is left out. Only when no item answers is it the store failing.
    for (long i = 0; sent && i < count; i++) {
        DBusMessageIter value;
        int ok = vdbus_property(calls[i].reply, "s", &value, first_failure ? NULL : &first_failure) == 0;
        (*labels)[i] = strdup(ok ? vdbus_string(&value) : "");
        answered += ok;
    }
    vdbus_release(calls, count);
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
    DBusMessage *reply = vdbus_call(bus, get_property(path, is_item ? ITEM_IFACE : COLLECTION_IFACE, "Label"), "v", error);
    DBusMessageIter value;
    if (!reply || vdbus_property(reply, "s", &value, error) < 0) {
        if (reply) D.message_unref(reply);
        return NULL;
    }
    char *label = strdup(vdbus_string(&value));
    D.message_unref(reply);
    return label;
}

int vault_ss_locked(void *bus, const char *collection, char **error) {
    DBusMessage *reply = vdbus_call(bus, get_property(collection, COLLECTION_IFACE, "Locked"), "v", error);
    DBusMessageIter value;
    if (!reply || vdbus_property(reply, "b", &value, error) < 0) {
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
    DBusMessage *reply = vdbus_call(bus, search(SERVICE_PATH, SERVICE_IFACE, pairs), "aoao", error);
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
    DBusMessage *reply = vdbus_call(bus, call_with(item, ITEM_IFACE, "GetSecret", TYPE_OBJECT_PATH, session), "(oayays)", error);
    if (!reply) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    int n = 0;
    unsigned char *bytes = secret_value(&args, &n);
    *data = malloc(n ? n : 1);
    if (n) {
        memcpy(*data, bytes, n);
        explicit_bzero(bytes, n);  // best effort: the reply's copy of the secret
    }
    *length = n;
    D.message_unref(reply);
    return 0;
}

/// Opens the a{sv} entry `name` → a variant of `signature` (close_property ends it).
static int open_property(DBusMessageIter *dict, DBusMessageIter *entry, DBusMessageIter *variant, const char *name,
                         const char *signature) {
    return D.open_container(dict, TYPE_DICT_ENTRY, NULL, entry) && vdbus_append_text(entry, TYPE_STRING, name) &&
           D.open_container(entry, TYPE_VARIANT, signature, variant);
}

static int close_property(DBusMessageIter *dict, DBusMessageIter *entry, DBusMessageIter *variant) {
    return D.close_container(entry, variant) && D.close_container(dict, entry);
}

/// The secret struct (session, no parameters, value, content type).
static int append_secret(DBusMessageIter *args, const char *session, const unsigned char *data, size_t length,
                         const char *content_type) {
    DBusMessageIter secret;
    return D.open_container(args, TYPE_STRUCT, NULL, &secret) && vdbus_append_text(&secret, TYPE_OBJECT_PATH, session) &&
           append_bytes(&secret, NULL, 0) /* no parameters */ && append_bytes(&secret, data, length) &&
           vdbus_append_text(&secret, TYPE_STRING, content_type) && D.close_container(args, &secret);
}

/// CreateItem({Label, Attributes}, (session, [], data, content type), replace = true).
static DBusMessage *create_item(const char *collection, const char *session, const char *label, const char *const *attrs,
                                const unsigned char *data, size_t length, const char *content_type) {
    DBusMessage *message = vdbus_method(collection, COLLECTION_IFACE, "CreateItem");
    if (!message) return NULL;
    DBusMessageIter args, dict, entry, variant;
    dbus_bool_t replace = 1;
    D.iter_init_append(message, &args);
    int ok = D.open_container(&args, TYPE_ARRAY, "{sv}", &dict) &&
             open_property(&dict, &entry, &variant, ITEM_IFACE ".Label", "s") && vdbus_append_text(&variant, TYPE_STRING, label) &&
             close_property(&dict, &entry, &variant) &&
             open_property(&dict, &entry, &variant, ITEM_IFACE ".Attributes", "a{ss}") &&
             append_attributes(&variant, attrs) && close_property(&dict, &entry, &variant) &&
             D.close_container(&args, &dict) && append_secret(&args, session, data, length, content_type) &&
             D.append_basic(&args, TYPE_BOOLEAN, &replace);
    return vdbus_complete(message, ok);
}

/// Zeroes the request's copy of the secret (the argument at `index`).
static void wipe_request(DBusMessage *request, int index) {
    DBusMessageIter args;
    int n = 0;
    if (!D.iter_init(request, &args)) return;
    for (int i = 0; i < index; i++)
        if (!D.next(&args)) return;
    unsigned char *bytes = secret_value(&args, &n);
    if (n) explicit_bzero(bytes, n);
}

/// Copies the reply's object paths (signature "oo": first, second) into *first and *second.
static void read_two_paths(DBusMessage *reply, char **first, char **second) {
    DBusMessageIter args;
    D.iter_init(reply, &args);
    *first = strdup(vdbus_string(&args));
    D.next(&args);
    *second = strdup(vdbus_string(&args));
}

int vault_ss_create_item(void *bus, const char *collection, const char *session, const char *label,
                         const char *const *attrs, const unsigned char *data, size_t length,
                         const char *content_type, char **item, char **prompt, char **error) {
    VaultCall one = {create_item(collection, session, label, attrs, data, length, content_type), NULL};
    int failed = vdbus_exchange(bus, &one, 1, error) < 0 || vdbus_check(one.reply, "oo", error) < 0;
    if (one.request) wipe_request(one.request, 1);
    if (!failed) read_two_paths(one.reply, item, prompt);
    vdbus_release(&one, 1);
    return failed ? -1 : 0;
}

int vault_ss_set_secret(void *bus, const char *item, const char *session, const unsigned char *data, size_t length,
                        const char *content_type, char **error) {
    DBusMessage *message = vdbus_method(item, ITEM_IFACE, "SetSecret");
    if (message) {
        DBusMessageIter args;
        D.iter_init_append(message, &args);
        message = vdbus_complete(message, append_secret(&args, session, data, length, content_type));
    }
    VaultCall one = {message, NULL};
    int failed = vdbus_exchange(bus, &one, 1, error) < 0 || vdbus_check(one.reply, "", error) < 0;
    if (one.request) wipe_request(one.request, 0);
    vdbus_release(&one, 1);
    return failed ? -1 : 0;
}

char *vault_ss_delete_item(void *bus, const char *item, char **error) {
    DBusMessage *reply = vdbus_call(bus, vdbus_method(item, ITEM_IFACE, "Delete"), "o", error);
    if (!reply) return NULL;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    char *prompt = strdup(vdbus_string(&args));
    D.message_unref(reply);
    return prompt;
}

long vault_ss_search_collection(void *bus, const char *collection, const char *const *pairs, char ***items, char **error) {
    DBusMessage *reply = vdbus_call(bus, search(collection, COLLECTION_IFACE, pairs), "ao", error);
    if (!reply) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    *items = read_paths(&args);
    D.message_unref(reply);
    long count = 0;
    while ((*items)[count]) count++;
    return count;
}

int vault_ss_unlock(void *bus, const char *const *objects, char ***unlocked, char **prompt, char **error) {
    DBusMessage *message = vdbus_method(SERVICE_PATH, SERVICE_IFACE, "Unlock");
    if (message) {
        DBusMessageIter args, array;
        D.iter_init_append(message, &args);
        int ok = D.open_container(&args, TYPE_ARRAY, "o", &array);
        for (const char *const *p = objects; ok && *p; p++) ok = vdbus_append_text(&array, TYPE_OBJECT_PATH, *p);
        message = vdbus_complete(message, ok && D.close_container(&args, &array));
    }
    DBusMessage *reply = vdbus_call(bus, message, "aoo", error);
    if (!reply) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    *unlocked = read_paths(&args);
    D.next(&args);
    *prompt = strdup(vdbus_string(&args));
    D.message_unref(reply);
    return 0;
}

int vault_ss_create_collection(void *bus, const char *label, char **collection, char **prompt, char **error) {
    DBusMessage *message = vdbus_method(SERVICE_PATH, SERVICE_IFACE, "CreateCollection");
    if (message) {
        DBusMessageIter args, dict, entry, variant;
        D.iter_init_append(message, &args);
        int ok = D.open_container(&args, TYPE_ARRAY, "{sv}", &dict) &&
                 open_property(&dict, &entry, &variant, COLLECTION_IFACE ".Label", "s") &&
                 vdbus_append_text(&variant, TYPE_STRING, label) && close_property(&dict, &entry, &variant) &&
                 D.close_container(&args, &dict) && vdbus_append_text(&args, TYPE_STRING, "") /* no alias */;
        message = vdbus_complete(message, ok);
    }
    DBusMessage *reply = vdbus_call(bus, message, "oo", error);
    if (!reply) return -1;
    read_two_paths(reply, collection, prompt);
    D.message_unref(reply);
    return 0;
}
