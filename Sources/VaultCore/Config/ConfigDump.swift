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
                // A secret left in the config is masked, as `config show` masks it.
                case .string(let s): (name, JSONText.quote(ProfileReport.shown(name, s)))
                case .nested(let nested): (name, JSONText.object(nested.map { ($0.key, JSONText.quote(ProfileReport.shown($0.key, $0.value))) }, level: 3))
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
