import OrderedCollections

extension ConfigFile {
    /// The file as parsed, in the shape of botocore's
    /// `build_profile_map(raw_config_parse(path))`, keeping file order.
    package func dumpJSON() -> String {
        func sections(_ named: OrderedDictionary<String, NamedSection>) -> String {
            JSONText.object(named.map { ($0.key, options($0.value.options)) }, level: 1)
        }
        func options(_ section: Section) -> String {
            JSONText.object(section.map { name, entry in
                switch entry.value {
                case .string(let s): (name, JSONText.quote(s))
                case .nested(let nested): (name, JSONText.object(nested.map { ($0.key, JSONText.quote($0.value)) }, level: 3))
                }
            }, level: 2)
        }
        return JSONText.object([
            ("profiles", sections(profiles)),
            ("sso_sessions", sections(ssoSessions)),
            ("services", sections(services)),
        ]) + "\n"
    }
}
