/// The code `vault hook SHELL` prints for a shell's rc file (also committed
/// as shell/vault.SHELL), rendered from the script beside each shell
/// (`Bash/hook.bash`, `Zsh/hook.zsh`, `Fish/hook.fish`, `Tcsh/hook.tcsh`,
/// `Elvish/hook.elv`, `Xonsh/hook.xsh`), which the
/// EmbedShellScripts plugin compiles in as `EmbeddedShellScripts`.
/// The templates name the trust store's files as `{{generation}}` and
/// `{{seen}}` (TrustStore's paths under the data home) and take bash and
/// zsh's shared prompt arithmetic (`Bourne/time-left.sh`) at `{{time-left}}`.
///
/// At each prompt the hook, with shell builtins only, finds the nearest
/// `.vaultrc` (walking up from `$PWD` only when `$PWD` changed), checks that
/// the trusted file in use still has its allow-list entry and is not newer
/// than it (two `stat` calls; otherwise it compares the file's mtime with the
/// stamp vault left when it last read it, `HookStamp`, and the trust list's
/// generation counter), and compares the clock with the refresh time: a
/// prompt at which nothing changed starts no process. The hook never opens
/// the `.vaultrc` itself: it may be a FIFO, a device or 100 MB. Only when
/// something changed does it run `vault hook-apply`, whose output it
/// evaluates. Bookkeeping lives in unexported `__vault_*` variables; none
/// holds a secret.
enum ShellHooks {
    static let bash = render(EmbeddedShellScripts.bash_hook)
    static let zsh = render(EmbeddedShellScripts.zsh_hook)
    static let fish = render(EmbeddedShellScripts.fish_hook)
    static let tcsh = TcshHookLine.render(render(EmbeddedShellScripts.tcsh_hook))
    static let xonsh = render(EmbeddedShellScripts.xonsh_hook)
    static let elvish = render(EmbeddedShellScripts.elvish_hook)

    static func render(_ template: String) -> String {
        template
            .replacing("{{time-left}}\n", with: EmbeddedShellScripts.bourne_time_left)
            .replacing("{{generation}}", with: TrustStore.generationInDataHome)
            .replacing("{{seen}}", with: TrustStore.seenInDataHome)
    }
}
