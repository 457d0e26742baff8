/// elvish: `'…'` quoting with `"\xHH"` breakouts, `set-env`/`unset-env`, and
/// the session's bookkeeping in one map behind a holder.
///
/// elvish never exports a shell variable, but it cannot make one from inside
/// `eval` either: code run by `eval (vault env P | slurp)` declares its
/// variables in a namespace that is gone when it ends, and a reference to a
/// variable that does not exist fails the whole script at compile time. So
/// the bookkeeping (`__vault_old_*`, `__vault_profile`, …) is one map kept by
/// a holder, `[&get={…} &set={|m| …}]`, two closures over one variable, which
/// the script finds at run time in the caller's scope as `$__vault` (the
/// hook module declares it and publishes it to the REPL with
/// `edit:add-var`); a script that finds none makes one and publishes it.
package struct Elvish: Shell {
    package init() {}
    package var kind: ShellKind { .elvish }

    /// Bytes an elvish bareword may hold that mean nothing anywhere in one:
    /// fish's plain set less `:` (elvish's namespace separator).
    static func isPlain(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: ":") && Fish.isPlain(byte)
    }

    /// Inside elvish's single quotes nothing is special but `'`, written `''`;
    /// every byte outside printable ASCII is a double-quoted `"\xHH"` (one
    /// byte, not a code point) next to it, so the word is ASCII and
    /// elvish's compound word joins the pieces into exactly the bytes.
    package func quote(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "''" }
        if bytes.allSatisfy(Self.isPlain) { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var quoted = false
        for byte in bytes {
            if (0x20...0x7e).contains(byte) {
                if !quoted { out += "'"; quoted = true }
                out += byte == UInt8(ascii: "'") ? "''" : String(Unicode.Scalar(byte))
            } else {
                if quoted { out += "'"; quoted = false }
                out += "\"\\x" + BourneQuoting.hex(byte) + "\""
            }
        }
        return quoted ? out + "'" : out
    }

    package func export(_ name: String, _ value: String) -> String { "set-env \(name) \(quote(value))\n" }
    package func unset(_ name: String) -> String { "unset-env \(name)\n" }

    /// Self-contained: `vault hook-apply` may print this alone, for the hook,
    /// whose scope has `$__vault_h`.
    package func setLocal(_ name: String, _ value: String) -> String {
        "$__vault_h[set] (assoc ($__vault_h[get]) \(name) \(quote(value)))\n"
    }

    package func save(_ names: [String]) -> String {
        "set __vault_s = ($__vault_h[get])\n"
            + "for n [\(names.joined(separator: " "))] { if (has-env $n) { set __vault_s = (assoc $__vault_s __vault_old_$n (get-env $n)) } }\n"
            + "$__vault_h[set] $__vault_s\n"
    }

    package func restore(_ names: [String], locals: [String]) -> String {
        let forget = names.map { "__vault_old_" + $0 } + locals
        return "set __vault_s = ($__vault_h[get])\n"
            + "if (has-key $__vault_s __vault_active) {\n"
            + "  for n [\(names.joined(separator: " "))] { if (has-key $__vault_s __vault_old_$n) { set-env $n $__vault_s[__vault_old_$n] } else { unset-env $n } }\n"
            + "  for k [\(forget.joined(separator: " "))] { set __vault_s = (dissoc $__vault_s $k) }\n"
            + "  $__vault_h[set] $__vault_s\n"
            + "}\n"
    }

    /// Finds the holder in the caller's scope (the empty `eval`'s namespace
    /// inherits it), or makes one and publishes it: into a declared
    /// `$__vault` (a script's, or the hook's), else into the REPL. The tries
    /// run at the top level, where a nested `eval` still sees the caller, and
    /// hand back a setter rather than read the holder themselves: a nested
    /// `eval` resolves a name to its last declaration in the chunk, which in
    /// several scripts run as one is not the one assigned yet. `$edit:add-var~`
    /// is named as a variable so that, where there is no `edit:` (a script),
    /// the try fails to compile instead of running a command of that name.
    package func wrap(_ body: String) -> String {
        """
        var __vault_h = $nil
        eval '' &on-end={|n| if (has-key $n __vault) { set __vault_h = $n[__vault] } }
        if (eq $__vault_h $nil) {
          var __vault_m = [&]
          set __vault_h = [&get={ put $__vault_m } &set={|m| set __vault_m = $m }]
        }
        var __vault_s = [&]
        var __vault_p = {|h| }
        var __vault_e = ?(set __vault_p = (eval 'put {|h| set __vault = $h }'))
        if (not $__vault_e) { set __vault_e = ?(set __vault_p = (eval 'put {|h| $edit:add-var~ __vault $h }')) }
        $__vault_p $__vault_h

        """ + body
    }

    package var hook: String { ShellHooks.elvish }
    /// elvish 0.19 has no clock but `/proc/uptime`, read with `read-upto`.
    package var clockIsUptime: Bool { true }
}
