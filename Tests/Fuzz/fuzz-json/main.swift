import FuzzSupport
import VaultCore

import Foundation  // JSONSerialization, the reference reader

/// `JSONValue`, the reader behind the file store's header, cached sessions
/// and Secret Service envelopes. What it accepts must also be JSON to
/// Foundation's reader (it is the stricter of the two), and the typed
/// accessors must never trap on what it returns.
func check(_ bytes: [UInt8]) {
    guard let value = try? JSONValue.parse(bytes) else { return }
    precondition(
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil,
        "JSONValue accepted what Foundation refuses")
    visit(value)
}

/// Every accessor on every node, as the decoders built on `Members` use them.
func visit(_ value: JSONValue) {
    _ = (value.string, value.int, value.bool, value["key"])
    switch value {
    case .object(let members):
        if let typed = try? JSONValue.Members(value) {
            for key in members.keys {
                _ = (try? typed.string(key), try? typed.optionalString(key), try? typed.optionalBool(key))
                _ = (try? typed.int(key), try? typed.object(key))
            }
        }
        members.values.forEach(visit)
    case .array(let elements):
        elements.forEach(visit)
    default:
        break
    }
}

runFuzzer(check)
