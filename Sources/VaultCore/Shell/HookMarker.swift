extension Settings {
    /// The shell whose hook is installed in the process `parentPID` (the shell
    /// that runs vault), from the `VAULT_HOOK=SHELL:PID` marker the hook
    /// exports; nil when none is.
    package func installedHookShell(parentPID: Int32) -> String? {
        guard let marker = hookMarker else { return nil }
        let parts = marker.split(separator: ":")
        guard parts.count == 2, Int32(parts[1]) == parentPID else { return nil }
        return String(parts[0])
    }
}
