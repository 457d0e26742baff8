# vault shell hook for elvish, a module. Install it once and load it from rc.elv:
#   vault hook elvish > ~/.config/elvish/lib/vault.elv   (rc.elv:  use vault)
# or, when the prompt need not name vault:vault_prompt_info in rc.elv,
#   eval (vault hook elvish | slurp)
# Shell variables are never exported in elvish: only VAULT_HOOK is.
# elvish 0.19 has no clock and no stat: times are seconds since boot from
# /proc/uptime (read-upto, a builtin), and comparing two files' mtimes takes
# one `test` process (see the prompt below).
use str
use path

# The session's bookkeeping (__vault_old_*, __vault_profile, ...) is one map
# behind this holder, which the scripts vault prints find as $__vault.
var __vault_m = [&]
var __vault = [&get={ put $__vault_m } &set={|m| set __vault_m = $m }]
var __vault_h = $__vault
# The prompt segment, as `$vault:vault_prompt` (updated at each prompt).
var vault_prompt = ''

var __vault_datahome = $E:HOME/.local/share
if (and (has-env XDG_DATA_HOME) (not-eq $E:XDG_DATA_HOME '')) { set __vault_datahome = $E:XDG_DATA_HOME }
var __vault_genfile = $__vault_datahome/{{generation}}
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
var __vault_seen = $__vault_datahome/{{seen}}/$pid
var __vault_pwd = ''
var __vault_found = ''
var __vault_rc = ''

fn __vault_uptime { str:trim-suffix (read-upto . < /proc/uptime) . }

# One value of the session's map, or ''.
fn __vault_get {|k|
  var m = ($__vault_h[get])
  if (has-key $m $k) { put $m[$k] } else { put '' }
}

fn __vault_set {|k v| $__vault_h[set] (assoc ($__vault_h[get]) $k $v) }

# The first line of a small file vault wrote (the trust list's generation), or ''.
fn __vault_line {|f|
  var l = ''
  if (path:is-regular &follow-symlink $f) { try { set l = (str:trim-right (slurp < $f) "\n") } catch { } }
  put $l
}

# `test` for what elvish cannot ask itself (-nt, -ot): one process.
fn __vault_test {|@a| bool ?(e:test $@a 2>$path:dev-null) }

var __vault_gen = (__vault_line $__vault_genfile)

# Sets __vault_found to the nearest .vaultrc at or above $pwd, or ''. A name
# that resolves (eval-symlinks reads links, it opens nothing) and is no folder.
fn __vault_find {
  set __vault_pwd = $pwd
  set __vault_found = ''
  var d = $pwd
  while $true {
    if (eq $d /) { set d = '' }
    var f = $d/.vaultrc
    if (and ?(nop (path:eval-symlinks $f)) (not (path:is-dir &follow-symlink $f))) {
      set __vault_found = $f
      return
    }
    if (eq $d '') { return }
    set d = (path:dir $d)
  }
}

# "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL), "PROFILE expired", or ''
# (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left); no process.
fn __vault_prompt_text {
  var m = ($__vault_h[get])
  if (not (has-key $m __vault_active)) { put ''; return }
  var t = ''
  if (and (has-key $m __vault_expires_up) (has-key $m __vault_refresh_up)) {
    var now = (__vault_uptime)
    var l = (- $m[__vault_expires_up] $now)
    if (<= $l 0) {
      set t = expired
    } else {
      if (>= $l 3600) {
        set t = (/ (- $l (% $l 3600)) 3600)h(/ (- (% $l 3600) (% $l 60)) 60)m
      } elif (>= $l 60) {
        set t = (/ (- $l (% $l 60)) 60)m
      } else {
        set t = (to-string $l)s
      }
      if (>= $now $m[__vault_refresh_up]) { set t = $t'!' }
    }
  }
  var out = '%p %t'
  if (has-env VAULT_PROMPT_FORMAT) { set out = $E:VAULT_PROMPT_FORMAT }
  var p = ''
  var r = ''
  if (has-key $m __vault_show_profile) { set p = $m[__vault_show_profile] }
  if (has-key $m __vault_show_region) { set r = $m[__vault_show_region] }
  set out = (str:replace '%p' $p $out)
  set out = (str:replace '%r' $r $out)
  set out = (str:replace '%t' $t $out)
  put (str:trim-right $out ' ')
}

# Prints the prompt segment; no process is started.
fn vault_prompt_info { print (__vault_prompt_text) }

# Keeps $vault:vault_prompt, and $vault_prompt at the REPL (a new variable
# each time the text changes, which the next line typed sees), up to date.
fn __vault_prompt_update {
  var t = (__vault_prompt_text)
  if (not-eq $t $vault_prompt) {
    set vault_prompt = $t
    edit:add-var vault_prompt $t
  }
}

fn __vault_hook {
  # The prompt where nothing changed: same folder and same .vaultrc, not yet
  # due for a refresh, and either no .vaultrc or an allow-list entry written
  # after the .vaultrc's last edit (a deny removes the entry; equal times take
  # the long way, which compares contents). Only that last check starts a
  # process (`test`), and only while a .vaultrc is in use.
  var u = (__vault_uptime)
  var rup = (__vault_get __vault_refresh_up)
  var af = (__vault_get __vault_allowfile)
  if (and (eq $pwd $__vault_pwd) (eq $__vault_found $__vault_rc) ^
          (or (eq $rup '') (< $u $rup)) ^
          (or (eq $__vault_rc '') (and (not-eq $af '') (__vault_test $af -nt $__vault_rc)))) {
    __vault_prompt_update
    return
  }
  if (not-eq $pwd $__vault_pwd) { __vault_find }
  var why = ''
  var g = ''
  if (and (eq $__vault_found '') (eq $__vault_rc '')) {
    # no .vaultrc here, and none before
  } elif (and (eq $__vault_found $__vault_rc) (not-eq $af '') (path:is-regular &follow-symlink $af) ^
              (not (__vault_test $__vault_found -nt $af))) {
    # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
  } else {
    # Anything else: the trust list's generation, and the file's mtime against
    # the stamp vault made when it last read it (neither newer nor older).
    set g = (__vault_line $__vault_genfile)
    var c = $false
    if (or (not-eq $__vault_found $__vault_rc) (not-eq $g $__vault_gen)) {
      set c = $true
    } elif (not-eq $__vault_found '') {
      set c = (not (and (path:is-regular &follow-symlink $__vault_seen) ^
                        (not (__vault_test $__vault_found -nt $__vault_seen)) ^
                        (not (__vault_test $__vault_found -ot $__vault_seen))))
    }
    if $c { __vault_find; set why = change }
  }
  if (and (eq $why '') (not-eq $rup '')) {
    if (>= $u $rup) { set why = refresh }
  }
  if (not-eq $why '') {
    if (eq $why refresh) {
      __vault_set __vault_refresh_up (+ (__vault_uptime) 60)
    } else {
      if (eq $g '') { set g = (__vault_line $__vault_genfile) }
      set __vault_rc = $__vault_found
      set __vault_gen = $g
    }
    __vault_set __vault_allowfile ''
    # vault's messages go to stderr; a failed or interrupted run applies nothing.
    var script = ''
    try {
      set script = (e:vault hook-apply elvish why=$why rc=$__vault_found ^
        origin=(__vault_get __vault_origin) profile=(__vault_get __vault_profile) ^
        region=(__vault_get __vault_region) duration=(__vault_get __vault_duration) ^
        no-session=(__vault_get __vault_no_session) pid=$pid | slurp)
    } catch { }
    # Not in a try block: `eval` sees only the scope it runs in, and must see
    # $__vault and $__vault_h, named just before it (named only at the top of
    # this function, elvish 0.19's eval did not find them).
    nop $__vault $__vault_h
    var err = ?(eval $script)
    if (not $err) { echo 'vault: the hook could not apply vault''s script: '(to-string $err[reason]) >&2 }
  }
  __vault_prompt_update
}

# Installed once: a second load in the same shell (eval twice, or eval and
# use) finds VAULT_HOOK naming this shell and adds nothing.
if (or (not (has-env VAULT_HOOK)) (not-eq $E:VAULT_HOOK elvish:$pid)) {
  set edit:before-readline = [$__vault_hook~ $@edit:before-readline]
  edit:add-vars [&__vault=$__vault &vault_prompt='' &vault_prompt_info~=$vault_prompt_info~]
  set-env VAULT_HOOK elvish:$pid
}
