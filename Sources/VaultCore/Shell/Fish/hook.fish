# vault shell hook for fish. In ~/.config/fish/config.fish:  vault hook fish | source
# fish has no builtin clock, so times are seconds since boot from /proc/uptime.
function __vault_uptime
  read -l -d . __vault_u __vault_rest </proc/uptime
  echo $__vault_u
end

# Sets __vault_found to the nearest .vaultrc at or above $PWD, or "".
function __vault_find
  set -g -u __vault_pwd $PWD
  set -g -u __vault_found ''
  set -l d $PWD
  while true
    if test "$d" = /; set d ''; end
    if test -e "$d/.vaultrc" -a ! -d "$d/.vaultrc"; set __vault_found "$d/.vaultrc"; return 0; end
    if test -z "$d"; return 0; end
    set d (string replace -r '/[^/]*$' '' -- $d)
  end
end

# The nearest .vaultrc is looked up again only when $PWD or what is read here
# changed. fish prints a warning for a redirection from a missing file even
# with 2>/dev/null, hence the `test -f` first.
# fish restores $status after an event handler, so the hook need not keep it.
function __vault_hook --on-event fish_prompt
  # The prompt where nothing changed, in as few commands as fish allows (each
  # costs about 10 µs, a `test` operand about 1 µs): the clock, then one test —
  # same folder and same .vaultrc, credentials not yet due for a refresh, and
  # either no .vaultrc or an allow-list entry written after the .vaultrc's last
  # edit (a deny removes the entry; equal times take the long way, which
  # compares contents). `-o` stops early, so an empty refresh time is never
  # read as a number.
  read -l __vault_u __vault_rest </proc/uptime
  test "$PWD" = "$__vault_pwd" -a "$__vault_found" = "$__vault_rc" -a \( -z "$__vault_refresh_up" -o "$__vault_u" -lt "$__vault_refresh_up" \) -a \( -z "$__vault_rc" -o "$__vault_allowfile" -nt "$__vault_rc" \); and return
  test "$PWD" = "$__vault_pwd"; or __vault_find
  set -l __vault_why
  if test -z "$__vault_found" -a -z "$__vault_rc"
    # no .vaultrc here, and none before
  else if test "$__vault_found" = "$__vault_rc" -a -n "$__vault_allowfile" -a -f "$__vault_allowfile"; and not test "$__vault_found" -nt "$__vault_allowfile"
    # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
  else
    # Anything else: the trust list's generation, and the file's mtime against
    # the stamp vault made when it last read it (neither newer nor older).
    set -f __vault_g ''
    test -f "$__vault_genfile"; and read __vault_g <$__vault_genfile
    set -f __vault_c ''
    if test "$__vault_found" != "$__vault_rc" -o "$__vault_g" != "$__vault_gen"
      set __vault_c 1
    else if test -n "$__vault_found"
      test -f "$__vault_seen"; and not test "$__vault_found" -nt "$__vault_seen"; and not test "$__vault_found" -ot "$__vault_seen"; or set __vault_c 1
    end
    if test -n "$__vault_c"
      __vault_find
      set __vault_why change
    end
  end
  if test -z "$__vault_why" -a -n "$__vault_refresh_up"
    test "$__vault_u" -ge "$__vault_refresh_up"; and set __vault_why refresh
  end
  if test -n "$__vault_why"
    if test $__vault_why = refresh
      set -g -u __vault_refresh_up (math (__vault_uptime) + 60)
    else
      test -z "$__vault_g"; and test -f "$__vault_genfile"; and read __vault_g <$__vault_genfile
      set -g -u __vault_rc $__vault_found
      set -g -u __vault_gen $__vault_g
    end
    set -g -u __vault_allowfile ''
    command vault hook-apply fish why=$__vault_why rc="$__vault_found" \
      origin="$__vault_origin" profile="$__vault_profile" region="$__vault_region" \
      duration="$__vault_duration" no-session="$__vault_no_session" pid=$fish_pid | source
  end
end

# Prints "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL), "PROFILE expired", or
# nothing (VAULT_PROMPT_FORMAT: %p profile, %r region, %t time left); no process is started.
function vault_prompt_info
  set -q __vault_active; or return 0
  set -l t ''
  if test -n "$__vault_expires_up"
    set -l now (__vault_uptime)
    set -l l (math $__vault_expires_up - $now)
    if test $l -le 0
      set t expired
    else
      if test $l -ge 3600
        set t (math -s0 $l / 3600)h(math -s0 $l % 3600 / 60)m
      else if test $l -ge 60
        set t (math -s0 $l / 60)m
      else
        set t {$l}s
      end
      if test $now -ge $__vault_refresh_up; set t "$t!"; end
    end
  end
  set -l out '%p %t'
  set -q VAULT_PROMPT_FORMAT; and set out "$VAULT_PROMPT_FORMAT"
  set out (string replace -a -- '%p' "$__vault_show_profile" "$out")
  set out (string replace -a -- '%r' "$__vault_show_region" "$out")
  set out (string replace -a -- '%t' "$t" "$out")
  printf '%s' (string trim -r -c ' ' -- "$out")
end

set -g -u __vault_genfile $HOME/.local/share/{{generation}}
set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and set __vault_genfile $XDG_DATA_HOME/{{generation}}
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
set -g -u __vault_seen (string replace -r '[^/]*$' '' -- $__vault_genfile)seen/$fish_pid
set -q __vault_found; or set -g -u __vault_found ''
if not set -q __vault_gen
  set -g -u __vault_gen ''
  test -f $__vault_genfile; and read -g -u __vault_gen <$__vault_genfile
end
set -gx VAULT_HOOK fish:$fish_pid
