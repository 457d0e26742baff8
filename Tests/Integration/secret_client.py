#!/usr/bin/python3
"""Another Secret Service client, to show vault interoperates with aws-vault's layout.

Runs under Debian's /usr/bin/python3 (python3-dbus), on the bus in
DBUS_SESSION_BUS_ADDRESS. Writes items exactly as aws-vault (99designs/keyring's
secret-service backend through go-libsecret) does: label = key, attributes
{"profile": key}, secret = JSON of keyring.Item with Data as base64.

  secret_client.py create-collection LABEL PASSWORD   (GNOME Keyring, no prompt)
  secret_client.py store COLLECTION KEY               (stored bytes on stdin)
  secret_client.py read COLLECTION KEY                (prints {"label", "attributes", "secret"})
  secret_client.py search KEY                         (prints every item whose profile is KEY, locked or not)
  secret_client.py lock COLLECTION
  secret_client.py collections                        (prints {label: path})
  secret_client.py default                            (prints the default collection's label)

Prompts are followed as the spec says (Prompt(""), then Completed), as
go-libsecret does: KeePassXC answers CreateItem with one, KWallet Unlock.
"""
import base64
import json
import sys

import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

DBusGMainLoop(set_as_default=True)

BUS = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
PROPS = "org.freedesktop.DBus.Properties"


def service(bus):
    return dbus.Interface(bus.get_object(BUS, SERVICE_PATH), "org.freedesktop.Secret.Service")


def collections(bus):
    paths = bus.get_object(BUS, SERVICE_PATH).Get("org.freedesktop.Secret.Service", "Collections", dbus_interface=PROPS)
    out = {}
    for path in paths:
        label = bus.get_object(BUS, path).Get("org.freedesktop.Secret.Collection", "Label", dbus_interface=PROPS)
        out[str(label)] = str(path)
    return out


def collection_path(bus, label):
    return collections(bus)[label]


def follow(bus, prompt):
    """Runs a prompt and returns its result; fails when dismissed or after 30 s."""
    if prompt == "/":
        return None
    loop = GLib.MainLoop()
    outcome = {}

    def completed(dismissed, result):
        outcome.update(dismissed=bool(dismissed), result=result)
        loop.quit()

    bus.add_signal_receiver(completed, "Completed", "org.freedesktop.Secret.Prompt", path=prompt)
    dbus.Interface(bus.get_object(BUS, prompt), "org.freedesktop.Secret.Prompt").Prompt("")
    GLib.timeout_add_seconds(30, loop.quit)
    loop.run()
    if outcome.get("dismissed", True):
        raise SystemExit(f"prompt {prompt} was dismissed or not answered")
    return outcome["result"]


def unlock(bus, path):
    unlocked, prompt = service(bus).Unlock([dbus.ObjectPath(path)])
    if path not in unlocked and path not in (follow(bus, prompt) or []):
        raise SystemExit(f"{path} stayed locked")


def main(argv):
    bus = dbus.SessionBus()
    command = argv[1]
    if command == "collections":
        print(json.dumps(collections(bus)))
    elif command == "create-collection":
        label, password = argv[2], argv[3]
        _, session = service(bus).OpenSession("plain", dbus.String("", variant_level=1))
        internal = dbus.Interface(
            bus.get_object(BUS, SERVICE_PATH), "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
        secret = dbus.Struct((session, dbus.ByteArray(b""), dbus.ByteArray(password.encode()), "text/plain"))
        path = internal.CreateWithMasterPassword({"org.freedesktop.Secret.Collection.Label": dbus.String(label)}, secret)
        print(path)
    elif command == "store":
        label, key = argv[2], argv[3]
        data = sys.stdin.buffer.read()
        item = {"Key": key, "Data": base64.b64encode(data).decode(), "Label": f"aws-vault ({key})",
                "Description": "", "KeychainNotTrustApplication": True, "KeychainNotSynchronizable": False}
        _, session = service(bus).OpenSession("plain", dbus.String("", variant_level=1))
        collection = dbus.Interface(bus.get_object(BUS, collection_path(bus, label)), "org.freedesktop.Secret.Collection")
        properties = {
            "org.freedesktop.Secret.Item.Label": dbus.String(key),
            "org.freedesktop.Secret.Item.Attributes": dbus.Dictionary({"profile": key}, signature="ss"),
        }
        secret = dbus.Struct((session, dbus.ByteArray(b""), dbus.ByteArray(json.dumps(item).encode()), "application/json"))
        unlock(bus, collection_path(bus, label))
        _, prompt = collection.CreateItem(properties, secret, True)
        follow(bus, prompt)
    elif command == "read":
        label, key = argv[2], argv[3]
        _, session = service(bus).OpenSession("plain", dbus.String("", variant_level=1))
        collection = dbus.Interface(bus.get_object(BUS, collection_path(bus, label)), "org.freedesktop.Secret.Collection")
        items = collection.SearchItems({"profile": key})
        if not items:
            print("null")
            return 0
        item = bus.get_object(BUS, items[0])
        secret = dbus.Interface(item, "org.freedesktop.Secret.Item").GetSecret(session)
        print(json.dumps({
            "label": str(item.Get("org.freedesktop.Secret.Item", "Label", dbus_interface=PROPS)),
            "attributes": {str(k): str(v) for k, v in item.Get("org.freedesktop.Secret.Item", "Attributes", dbus_interface=PROPS).items()},
            "content_type": str(secret[3]),
            "secret": json.loads(bytes(secret[2]).decode()),
        }))
    elif command == "search":
        unlocked, locked = service(bus).SearchItems({"profile": argv[2]})
        print(json.dumps([str(path) for path in list(unlocked) + list(locked)]))
    elif command == "default":
        path = service(bus).ReadAlias("default")
        label = bus.get_object(BUS, path).Get("org.freedesktop.Secret.Collection", "Label", dbus_interface=PROPS)
        print(str(label))
    elif command == "locked":
        print(json.dumps({label: bool(bus.get_object(BUS, path).Get("org.freedesktop.Secret.Collection", "Locked", dbus_interface=PROPS))
                          for label, path in collections(bus).items()}))
    elif command == "lock":
        service(bus).Lock([collection_path(bus, argv[2])])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
