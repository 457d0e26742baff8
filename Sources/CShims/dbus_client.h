#ifndef VAULT_DBUS_CLIENT_H
#define VAULT_DBUS_CLIENT_H
// libdbus, loaded with dlopen on first use, and the pieces the Secret
// Service calls are made of (dbus_client.c; the calls: secret_dbus.c).
// The few libdbus types used are declared here with libdbus's stable ABI
// (dbus/dbus-message.h, dbus/dbus-errors.h), so the build needs neither its
// headers nor a link flag.
#include <stddef.h>

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

#define TYPE_INVALID '\0'
#define TYPE_BYTE 'y'
#define TYPE_BOOLEAN 'b'
#define TYPE_STRING 's'
#define TYPE_OBJECT_PATH 'o'
#define TYPE_ARRAY 'a'
#define TYPE_VARIANT 'v'
#define TYPE_STRUCT 'r'
#define TYPE_DICT_ENTRY 'e'

/// libdbus's functions (D.…), bound on first use by vault_dbus_load_error.
extern struct vault_dbus_functions {
    void (*error_init)(DBusError *);
    void (*error_free)(DBusError *);
    DBusConnection *(*open_private)(const char *, DBusError *);
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
    // Waiting for a signal (a prompt's Completed): read with a bound, then pop.
    dbus_bool_t (*read_write)(DBusConnection *, int);
    DBusMessage *(*pop_message)(DBusConnection *);
    dbus_bool_t (*is_signal)(DBusMessage *, const char *, const char *);
    const char *(*get_path)(DBusMessage *);
    void (*flush)(DBusConnection *);
} vault_dbus;
#define D vault_dbus

/// NULL when libdbus loads; else a static message saying what is missing.
const char *vault_dbus_load_error(void);

/// A private session-bus connection; `hello` is the bus's Hello while its
/// reply is unread (it comes with the first calls').
typedef struct {
    DBusConnection *connection;
    DBusPendingCall *hello;
} VaultBus;

/// One call of a batch: sent with the others, its reply read after.
typedef struct {
    DBusMessage *request, *reply;
} VaultCall;

VaultBus *vdbus_open(const char *address, char **error);
void vdbus_close(VaultBus *bus);

/// *error = a malloc'd copy of `text` on one line (when error is not NULL).
void vdbus_set_error(char **error, const char *text);
/// The string or object path the iterator is on (owned by the message).
const char *vdbus_string(DBusMessageIter *iter);

/// A method call to the Secret Service; NULL when `path` is not an object path.
DBusMessage *vdbus_method(const char *path, const char *iface, const char *name);
/// `message` when all its arguments went in (appended); else NULL, freed.
DBusMessage *vdbus_complete(DBusMessage *message, int appended);
/// Appends a string or an object path (type); 0 when it is not valid as one.
int vdbus_append_text(DBusMessageIter *iter, int type, const char *text);

/// Sends every request, then blocks on each reply in turn: one round trip's
/// latency for the batch. A reply is NULL when its request could not be
/// built or sent. -1 with *error when the bus refused the connection's Hello.
int vdbus_exchange(VaultBus *bus, VaultCall *calls, long count, char **error);
/// Unrefs every request and reply of a batch.
void vdbus_release(VaultCall *calls, long count);
/// 0 when `reply` is a method return with arguments of `signature`; else -1 with *error.
int vdbus_check(DBusMessage *reply, const char *signature, char **error);
/// 1 with the first failure as *error; 0 when every reply has its signature.
int vdbus_batch_failed(VaultCall *calls, const char *const *signatures, long count, char **error);
/// 0 when a reply to Properties.Get holds a value of `signature` ("s", "b",
/// "ao"), *value on it; else -1 with *error.
int vdbus_property(DBusMessage *reply, const char *signature, DBusMessageIter *value, char **error);
/// One request (freed) and its checked reply; NULL with *error.
DBusMessage *vdbus_call(VaultBus *bus, DBusMessage *request, const char *signature, char **error);

#endif
