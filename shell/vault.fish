# vault shell hook for fish. In ~/.config/fish/config.fish:  vault hook fish | source
# fish has no builtin clock, so times are seconds since boot from /proc/uptime.
function __vault_uptime
  read -l __vault_u </proc/uptime
  string split -f1 . -- $__vault_u
end

function __vault_hook --on-event fish_prompt
  set -l __vault_s $status
  set -l __vault_d $PWD
  set -l __vault_f ''
  while true
    if test "$__vault_d" = /; set __vault_d ''; end
    if test -f "$__vault_d/.vaultrc"; set __vault_f "$__vault_d/.vaultrc"; break; end
    if test -z "$__vault_d"; break; end
    set __vault_d (string replace -r '/[^/]*$' '' -- $__vault_d)
  end
  set -l __vault_c ''
  if test -n "$__vault_f"; read -z __vault_c 2>/dev/null <$__vault_f; end
  set -l __vault_g ''
  set -l __vault_gf (set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/vault/generation
  if test -f $__vault_gf; read __vault_g 2>/dev/null <$__vault_gf; end
  set -l __vault_why ''
  if test "$__vault_f" != "$__vault_rc" -o "$__vault_c" != "$__vault_rc_content" -o "$__vault_g" != "$__vault_gen"
    set __vault_why change
  else if test -n "$__vault_refresh_up"; and test (__vault_uptime) -ge "$__vault_refresh_up"
    set __vault_why refresh
  end
  if test -n "$__vault_why"
    set -g -u __vault_rc $__vault_f
    set -g -u __vault_rc_content $__vault_c
    set -g -u __vault_gen $__vault_g
    if test $__vault_why = refresh; set -g -u __vault_refresh_up (math (__vault_uptime) + 60); end
    command vault hook-apply fish why=$__vault_why rc="$__vault_f" \
      origin="$__vault_origin" profile="$__vault_profile" region="$__vault_region" \
      duration="$__vault_duration" no-session="$__vault_no_session" | source
  end
  return $__vault_s
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
  set out (string replace -a -- '%p' "$__vault_profile" "$out")
  set out (string replace -a -- '%r' "$__vault_region" "$out")
  set out (string replace -a -- '%t' "$t" "$out")
  printf '%s' (string trim -r -c ' ' -- "$out")
end

if not set -q __vault_gen
  set -g -u __vault_gen ''
  set -l __vault_gf (set -q XDG_DATA_HOME[1]; and test -n "$XDG_DATA_HOME"; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/vault/generation
  if test -f $__vault_gf; read -g __vault_gen <$__vault_gf; end
end
set -gx VAULT_HOOK fish:$fish_pid
