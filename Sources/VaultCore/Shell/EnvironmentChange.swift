/// One change to a process or shell environment: data, rendered at the edge
/// (by `vault exec` into an environment, by a `Shell` into a script).
package enum EnvironmentChange: Sendable, Equatable {
    case set(String, String)
    case unset(String)

    package var name: String {
        switch self {
        case .set(let name, _), .unset(let name): name
        }
    }

    /// Applies the changes to an environment dictionary.
    package static func apply(_ changes: [EnvironmentChange], to environment: [String: String]) -> [String: String] {
        var result = environment
        for change in changes {
            switch change {
            case .set(let name, let value): result[name] = value
            case .unset(let name): result[name] = nil
            }
        }
        return result
    }
}
