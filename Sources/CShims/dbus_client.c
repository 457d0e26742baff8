// libdbus through dlopen (see dbus_client.h), and what every Secret Service
// call is made of: a private connection driven synchronously on the calling
// thread, no GLib and no worker threads; messages built, batches sent and
// awaited, replies checked. The calls themselves: secret_dbus.c.
#include "dbus_client.h"
#include "secret_internal.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vault_dbus_functions vault_dbus;
static pthread_once_t dbus_once = PTHREAD_ONCE_INIT;
static const char *dbus_missing = NULL;
static char dlopen_error[256];

#define BIND_DBUS(field, name) BIND(D, field, library, name, dbus_missing, "libdbus")

static void load_dbus(void) {
    void *library = dlopen("libdbus-1.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(dlopen_error, sizeof dlopen_error, "%s", dlerror());
        dbus_missing = dlopen_error;
        return;
    }
    BIND_DBUS(error_init, "dbus_error_init");
    BIND_DBUS(error_free, "dbus_error_free");
    BIND_DBUS(open_private, "dbus_connection_open_private");
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
    BIND_DBUS(read_write, "dbus_connection_read_write");
    BIND_DBUS(pop_message, "dbus_connection_pop_message");
    BIND_DBUS(is_signal, "dbus_message_is_signal");
    BIND_DBUS(get_path, "dbus_message_get_path");
    BIND_DBUS(flush, "dbus_connection_flush");
}

const char *vault_dbus_load_error(void) {
    pthread_once(&dbus_once, load_dbus);
    return dbus_missing;
}

// MARK: Errors

void vdbus_set_error(char **error, const char *text) {  // on one line: vault prints reasons on one line
    if (!error) return;
    *error = strdup(text);
    for (char *c = *error; c && *c; c++) if (*c == '\n') *c = ' ';
}

/// Moves a D-Bus error (its message, else its name) into *error.
static void take_error(DBusError *failure, char **error, const char *fallback) {
    const char *message = failure->message && *failure->message ? failure->message : failure->name;
    vdbus_set_error(error, message ? message : fallback);
    D.error_free(failure);
}

const char *vdbus_string(DBusMessageIter *iter) {
    const char *value = NULL;
    D.get_basic(iter, &value);
    return value;
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

DBusMessage *vdbus_method(const char *path, const char *iface, const char *name) {
    return valid(path, 1) ? D.new_method_call(SERVICE, path, iface, name) : NULL;
}

DBusMessage *vdbus_complete(DBusMessage *message, int appended) {
    if (message && !appended) {
        D.message_unref(message);
        return NULL;
    }
    return message;
}

int vdbus_append_text(DBusMessageIter *iter, int type, const char *text) {
    return valid(text, type == TYPE_OBJECT_PATH) && D.append_basic(iter, type, &text);
}

// MARK: Round trips

/// Reads the reply to Hello, once: 0 when the bus registered the connection.
static int await_hello(VaultBus *bus, char **error) {
    if (!bus->hello) return 0;
    D.pending_block(bus->hello);
    DBusMessage *reply = D.pending_steal_reply(bus->hello);
    D.pending_unref(bus->hello);
    bus->hello = NULL;
    int status = vdbus_check(reply, "s", error);
    if (reply) D.message_unref(reply);
    return status;
}

// The replies are read in the order sent, whatever order they come in:
// libdbus queues the others meanwhile.
int vdbus_exchange(VaultBus *bus, VaultCall *calls, long count, char **error) {
    DBusPendingCall **pending = calloc(count, sizeof *pending);
    for (long i = 0; i < count; i++)
        if (calls[i].request && !D.send_with_reply(bus->connection, calls[i].request, &pending[i], CALL_TIMEOUT_MS))
            pending[i] = NULL;
    int registered = await_hello(bus, error);
    for (long i = 0; i < count; i++) {
        calls[i].reply = NULL;
        if (!pending[i]) continue;
        D.pending_block(pending[i]);
        calls[i].reply = D.pending_steal_reply(pending[i]);
        D.pending_unref(pending[i]);
    }
    free(pending);
    return registered;
}

void vdbus_release(VaultCall *calls, long count) {
    for (long i = 0; i < count; i++) {
        if (calls[i].request) D.message_unref(calls[i].request);
        if (calls[i].reply) D.message_unref(calls[i].reply);
        calls[i] = (VaultCall){NULL, NULL};
    }
}

int vdbus_check(DBusMessage *reply, const char *signature, char **error) {
    if (!reply) {
        vdbus_set_error(error, "the request could not be sent on the session bus");
        return -1;
    }
    DBusError failure;
    D.error_init(&failure);
    if (D.set_error_from_message(&failure, reply)) {
        take_error(&failure, error, "the Secret Service failed");
        return -1;
    }
    if (D.has_signature(reply, signature)) return 0;
    vdbus_set_error(error, "the Secret Service answered with unexpected types");
    return -1;
}

int vdbus_property(DBusMessage *reply, const char *signature, DBusMessageIter *value, char **error) {
    if (vdbus_check(reply, "v", error) < 0) return -1;
    DBusMessageIter args;
    D.iter_init(reply, &args);
    D.recurse(&args, value);
    int type = D.arg_type(value);
    if (type == signature[0] && (type != TYPE_ARRAY || D.element_type(value) == signature[1])) return 0;
    vdbus_set_error(error, "the Secret Service answered with unexpected types");
    return -1;
}

int vdbus_batch_failed(VaultCall *calls, const char *const *signatures, long count, char **error) {
    for (long i = 0; i < count; i++)
        if (vdbus_check(calls[i].reply, signatures[i], error) < 0) return 1;
    return 0;
}

DBusMessage *vdbus_call(VaultBus *bus, DBusMessage *request, const char *signature, char **error) {
    VaultCall one = {request, NULL};
    int sent = vdbus_exchange(bus, &one, 1, error);
    DBusMessage *reply = sent == 0 && vdbus_check(one.reply, signature, error) == 0 ? one.reply : NULL;
    if (reply) one.reply = NULL;
    vdbus_release(&one, 1);
    return reply;
}

/// Hello, which the bus wants first; sent without waiting, as the bus handles
/// a connection's messages in order: its reply comes with the first calls'.
static DBusPendingCall *send_hello(DBusConnection *connection) {
    DBusMessage *hello = D.new_method_call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello");
    DBusPendingCall *pending = NULL;
    if (hello && !D.send_with_reply(connection, hello, &pending, CALL_TIMEOUT_MS)) pending = NULL;
    if (hello) D.message_unref(hello);
    return pending;
}

/// `address` comes from Settings.sessionBusAddress, the one reader of the environment.
VaultBus *vdbus_open(const char *address, char **error) {
    const char *missing = vault_dbus_load_error();
    if (missing) {
        vdbus_set_error(error, missing);
        return NULL;
    }
    // Else libdbus sets SIGPIPE to SIG_IGN for the whole process, and the
    // commands vault runs would inherit it; it writes with MSG_NOSIGNAL anyway.
    D.set_change_sigpipe(0);
    DBusError failure;
    D.error_init(&failure);
    // Private: vault owns it, closes it, and shares it with no other code.
    DBusConnection *connection = D.open_private(address, &failure);
    if (!connection) {
        take_error(&failure, error, "no session bus");
        return NULL;
    }
    // A daemon that goes away is an error to report, not a reason to _exit.
    D.set_exit_on_disconnect(connection, 0);
    VaultBus *bus = calloc(1, sizeof *bus);
    bus->connection = connection;
    bus->hello = send_hello(connection);
    if (!bus->hello) {
        vdbus_set_error(error, "the session bus closed the connection");
        vdbus_close(bus);
        return NULL;
    }
    return bus;
}

void vdbus_close(VaultBus *bus) {
    if (!bus) return;
    if (bus->hello) D.pending_unref(bus->hello);
    D.connection_close(bus->connection);  // a private connection must be closed before its last unref
    D.connection_unref(bus->connection);
    free(bus);
}

