#ifndef VAULT_SECRET_INTERNAL_H
#define VAULT_SECRET_INTERNAL_H
// Shared by the parts of the Secret Service shim: secret_dbus.c (the bus
// calls) and secret_prompt.c (the daemon's prompts), over dbus_client.c (libdbus).
#include <dlfcn.h>

#define SERVICE "org.freedesktop.secrets"
#define SERVICE_PATH "/org/freedesktop/secrets"
#define SERVICE_IFACE "org.freedesktop.Secret.Service"
#define COLLECTION_IFACE "org.freedesktop.Secret.Collection"
#define ITEM_IFACE "org.freedesktop.Secret.Item"
#define PROPERTIES_IFACE "org.freedesktop.DBus.Properties"
#define CALL_TIMEOUT_MS 25000

/// Fills table.field with `name` from `handle`; else sets `failure` and
/// returns from the (void) loader it is used in.
#define BIND(table, field, handle, name, failure, library)              \
    do {                                                                \
        *(void **)(&table.field) = dlsym(handle, name);                 \
        if (!table.field) { failure = library " lacks " name; return; } \
    } while (0)

#endif
