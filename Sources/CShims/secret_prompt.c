// Following a Secret Service prompt over the same libdbus connection as every
// other call (secret_dbus.c): Prompt(""), then the Completed signal, awaited
// with a match rule and a bounded read loop. A prompt is an object the daemon
// creates when a person may have to act (a password, "allow access", "delete
// this entry?"); some daemons also use them when no one has to (KeePassXC for
// every CreateItem and Delete, KWallet to unlock a wallet PAM opened). libsecret
// follows them too, but its synchronous calls wait with no bound, and it
// brings GLib, GIO and GDBus's threads for a signal and two calls.
//
// Also here: which process owns the Secret Service's name (the provider).
#include "shims_secret.h"
#include "dbus_client.h"
#include "secret_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PROMPT_IFACE "org.freedesktop.Secret.Prompt"
#define BUS_NAME "org.freedesktop.DBus"

/// A method call to the bus itself (AddMatch, GetConnectionUnixProcessID) with one string argument.
static DBusMessage *bus_call(const char *name, const char *argument) {
    DBusMessage *message = D.new_method_call(BUS_NAME, "/org/freedesktop/DBus", BUS_NAME, name);
    if (!message) return NULL;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, vdbus_append_text(&args, TYPE_STRING, argument));
}

/// A method of the prompt with no argument (Dismiss) or its window id (Prompt).
static DBusMessage *prompt_call(const char *prompt, const char *name, const char *window) {
    DBusMessage *message = vdbus_method(prompt, PROMPT_IFACE, name);
    if (!message || !window) return message;
    DBusMessageIter args;
    D.iter_init_append(message, &args);
    return vdbus_complete(message, vdbus_append_text(&args, TYPE_STRING, window));
}

static long long now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/// The paths in Completed's result: an object path (CreateItem, CreateCollection),
/// an array of them (Unlock), or anything else (Delete's "") as none.
static char **result_paths(DBusMessageIter *variant) {
    char **list = calloc(2, sizeof(char *));
    int type = D.arg_type(variant);
    if (type == TYPE_OBJECT_PATH) {
        list[0] = strdup(vdbus_string(variant));
    } else if (type == TYPE_ARRAY && D.element_type(variant) == TYPE_OBJECT_PATH) {
        DBusMessageIter element;
        size_t count = 0;
        D.recurse(variant, &element);
        for (; D.arg_type(&element) == TYPE_OBJECT_PATH; D.next(&element)) {
            list = realloc(list, (count + 2) * sizeof(char *));
            list[count++] = strdup(vdbus_string(&element));
            list[count] = NULL;
        }
    }
    return list;
}

/// 1 when `message` is the Completed signal of `prompt`, with *dismissed and *result read from it.
static int completed(DBusMessage *message, const char *prompt, int *dismissed, char ***result) {
    const char *path = D.get_path(message);
    if (!D.is_signal(message, PROMPT_IFACE, "Completed") || !path || strcmp(path, prompt) != 0 ||
        !D.has_signature(message, "bv"))
        return 0;
    DBusMessageIter args, variant;
    dbus_bool_t flag = 0;
    D.iter_init(message, &args);
    D.get_basic(&args, &flag);
    D.next(&args);
    D.recurse(&args, &variant);
    *dismissed = flag != 0;
    *result = result_paths(&variant);
    return 1;
}

int vault_ss_prompt(void *bus, const char *prompt, int timeout_ms, char ***result, char **error) {
    VaultBus *vbus = bus;
    *result = NULL;
    // Only letters, digits, '_' and '/' once validated: safe inside the rule's quotes.
    DBusMessage *call = prompt_call(prompt, "Prompt", "");
    if (!call) {
        vdbus_set_error(error, "the Secret Service gave an invalid prompt path");
        return -1;
    }
    char rule[512];
    int length = snprintf(rule, sizeof rule, "type='signal',interface='" PROMPT_IFACE "',member='Completed',path='%s'", prompt);
    // The bus handles a connection's messages in order: the rule is in place before the daemon sees Prompt.
    VaultCall calls[2] = {{.request = length < (int)sizeof rule ? bus_call("AddMatch", rule) : NULL}, {.request = call}};
    static const char *const signatures[2] = {"", ""};
    if (vdbus_exchange(vbus, calls, 2, error) < 0 || vdbus_batch_failed(calls, signatures, 2, error)) {
        vdbus_release(calls, 2);
        return -1;
    }
    vdbus_release(calls, 2);
    long long deadline = now_ms() + timeout_ms;
    for (;;) {
        DBusMessage *message;
        while ((message = D.pop_message(vbus->connection))) {
            int dismissed = 0;
            int done = completed(message, prompt, &dismissed, result);
            D.message_unref(message);
            if (done) return dismissed ? 0 : 1;
        }
        long long left = deadline - now_ms();
        if (left <= 0) break;
        if (!D.read_write(vbus->connection, (int)(left > 1000 ? 1000 : left))) {
            vdbus_set_error(error, "the session bus closed the connection while the prompt was open");
            return -1;
        }
    }
    // No answer in time: withdraw the prompt, so no dialog waits for a person who has gone.
    DBusMessage *dismiss = prompt_call(prompt, "Dismiss", NULL);
    if (dismiss) {
        DBusPendingCall *pending = NULL;
        if (D.send_with_reply(vbus->connection, dismiss, &pending, 1000) && pending) D.pending_unref(pending);
        D.message_unref(dismiss);
        D.flush(vbus->connection);
    }
    return -2;
}

long vault_ss_owner_pid(void *bus, char **error) {
    DBusMessage *reply = vdbus_call(bus, bus_call("GetConnectionUnixProcessID", SERVICE), "u", error);
    if (!reply) return -1;
    DBusMessageIter args;
    unsigned int pid = 0;
    D.iter_init(reply, &args);
    D.get_basic(&args, &pid);
    D.message_unref(reply);
    return (long)pid;
}
