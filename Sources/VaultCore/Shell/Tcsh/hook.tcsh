# vault shell hook for tcsh. In ~/.tcshrc:  eval "`vault hook tcsh`"
#
# tcsh has no functions, and `eval "`…`"` turns newlines into blanks. So
# `vault hook tcsh` prints one line: each part below, from its `#:: NAME`
# line to the next, kept in the unexported variable NAME (comments and
# indentation dropped), which the hook runs with `eval $NAME:q`; the part
# named `install` runs once, there and then. tcsh keeps $status across
# precmd by itself. `!` appears only before a blank, `=` or `(`, where
# history expansion (which happens in eval'd text too) leaves it alone, and
# no variable that may be missing is read (tcsh stops at an undefined one): `__vault_defaults` runs first whenever something
# (vault env, vault unset) may have unset one.

#:: __vault_hook
# The prompt where nothing changed, in as few lines as tcsh allows (eval lexes
# every line it is given, taken or not, so the rest is in __vault_slow): same
# folder and same .vaultrc, either none or one whose allow-list entry was
# written in a later second than its last edit (a deny removes the entry;
# equal seconds take the long way), and credentials not yet due for a refresh.
if (! $?__vault_defaulted) eval $__vault_defaults:q
if ("x$cwd" != "x$__vault_pwd" || "x$__vault_found" != "x$__vault_rc") then
  eval $__vault_slow:q
else if ("x$__vault_rc" != x && ! ("x$__vault_allowfile" != x && -f "$__vault_allowfile" && (-M "$__vault_rc") < (-M "$__vault_allowfile"))) then
  eval $__vault_slow:q
else if ($?__vault_active) then
  eval $__vault_clock:q
  if ("x$__vault_refresh_at" == x) then
    if ($__vault_now >= $__vault_prompt_at) eval $__vault_prompt_update:q
  else if ($__vault_now >= $__vault_refresh_at) then
    eval $__vault_slow:q
  else if ($__vault_now >= $__vault_prompt_at) then
    eval $__vault_prompt_update:q
  endif
else if ("x$vault_prompt" != x) then
  set vault_prompt = ''
endif

#:: __vault_slow
set __vault_why = '' __vault_g = '' __vault_now = ''
# The nearest .vaultrc is looked up again only when $cwd or a watched file changed.
if ("x$cwd" != "x$__vault_pwd") eval $__vault_find:q
if ("x$__vault_found" == x && "x$__vault_rc" == x) then
  # no .vaultrc here, and none before
else if ("x$__vault_found" == "x$__vault_rc" && "x$__vault_allowfile" != x && -f "$__vault_allowfile" && (-M "$__vault_found") < (-M "$__vault_allowfile")) then
  # the trusted .vaultrc in use: still allowed (denying removes the entry),
  # not edited since (-M has whole seconds: equal times take the long way)
else
  # Anything else: the trust list's generation, and the file's mtime against
  # the stamp vault made when it last read it (neither newer nor older).
  eval $__vault_generation:q
  if ("x$__vault_found" != "x$__vault_rc" || "x$__vault_g" != "x$__vault_gen") then
    set __vault_why = change
  else if ("x$__vault_found" != x) then
    # -M has whole seconds: an edit in the second of the stamp shows in the
    # size or the inode the hook noted when it last asked vault.
    eval $__vault_shape:q
    if ((-M "$__vault_found") != (-M "$__vault_seen") || "$__vault_s" != "$__vault_shape_seen") set __vault_why = change
  endif
  if ("x$__vault_why" != x) eval $__vault_find:q
endif
if ("x$__vault_why" == x && "x$__vault_refresh_at" != x) then
  eval $__vault_clock:q
  if ($__vault_now >= $__vault_refresh_at) set __vault_why = refresh
endif
if ("x$__vault_why" != x) then
  if ("$__vault_why" == refresh) then
    @ __vault_refresh_at = $__vault_now + 60
  else
    if ("x$__vault_g" == x) eval $__vault_generation:q
    set __vault_rc = "$__vault_found" __vault_gen = "$__vault_g"
    eval $__vault_shape:q
    set __vault_shape_seen = "$__vault_s"
  endif
  set __vault_allowfile = '' __vault_prompt_at = 0
  # Not "`…`": inside double quotes tcsh substitutes the variables into the
  # command's text before the command is read, and a .vaultrc's region may
  # hold a backquote. Unquoted, the output is cut at blanks and globbed:
  # vault's tcsh scripts are one `eval $'…'` word, which has neither.
  eval `\vault hook-apply tcsh why=$__vault_why:q rc=$__vault_found:q origin=$__vault_origin:q profile=$__vault_profile:q region=$__vault_region:q duration=$__vault_duration:q no-session=$__vault_no_session:q pid=$$`
  eval $__vault_defaults:q
endif
if ($?__vault_active) then
  if ("x$__vault_now" == x) eval $__vault_clock:q
  if ($__vault_now >= $__vault_prompt_at) eval $__vault_prompt_update:q
else if ("x$vault_prompt" != x) then
  set vault_prompt = ''
endif

#:: __vault_defaults
# What the hook reads, as "" when vault env, vault unset or hook-apply unset it
# (a missing variable stops tcsh).
if (! $?vault_prompt) set vault_prompt = ''
if (! $?__vault_pwd) set __vault_pwd = ''
if (! $?__vault_found) set __vault_found = ''
if (! $?__vault_rc) set __vault_rc = ''
if (! $?__vault_gen) set __vault_gen = ''
if (! $?__vault_shape_seen) set __vault_shape_seen = ''
if (! $?__vault_allowfile) set __vault_allowfile = ''
if (! $?__vault_origin) set __vault_origin = ''
if (! $?__vault_profile) set __vault_profile = ''
if (! $?__vault_region) set __vault_region = ''
if (! $?__vault_duration) set __vault_duration = ''
if (! $?__vault_no_session) set __vault_no_session = ''
if (! $?__vault_refresh_at) set __vault_refresh_at = ''
if (! $?__vault_prompt_at) set __vault_prompt_at = 0
# Every script vault prints unsets this, so the lines above run again then.
set __vault_defaulted

#:: __vault_find
# Sets __vault_found to the nearest .vaultrc at or above $cwd, or "".
set __vault_pwd = "$cwd" __vault_found = '' __vault_d = "$cwd"
while (1)
  if ("x$__vault_d" == x/) set __vault_d = ''
  if (-e "$__vault_d/.vaultrc" && ! -d "$__vault_d/.vaultrc") then
    set __vault_found = "$__vault_d/.vaultrc"
    break
  endif
  if ("x$__vault_d" == x) break
  set __vault_d = "$__vault_d:h"
end

#:: __vault_generation
# tcsh cannot read a file without starting a process: the trust list's
# generation is its file's inode and mtime (vault replaces the file on each
# allow or deny).
@ __vault_i = -I "$__vault_genfile"
@ __vault_m = -M "$__vault_genfile"
set __vault_g = "$__vault_i.$__vault_m"

#:: __vault_shape
# The .vaultrc's size and inode ("" when there is none), without opening it.
set __vault_s = ''
if ("x$__vault_found" != x) then
  @ __vault_i = -I "$__vault_found"
  @ __vault_m = -Z "$__vault_found"
  set __vault_s = "$__vault_i.$__vault_m"
endif

#:: __vault_clock
# tcsh has no builtin clock: the time is the mtime of a file the hook
# truncates (no process), in vault's private folder once vault made it;
# before that, the terminal's access or change time, which the kernel keeps
# to within 8 seconds of the last key pressed or line written.
if (-d "$__vault_seendir" && -w "$__vault_seendir" && ! -l "$__vault_clockfile") then
  # A builtin with a redirection truncates the (empty) file: no write, no process.
  set __vault_now = '' >! "$__vault_clockfile"
  @ __vault_now = -M "$__vault_clockfile"
else
  @ __vault_now = -A /dev/stdin
  @ __vault_m = -M /dev/stdin
  if ($__vault_m > $__vault_now) @ __vault_now = $__vault_m
endif

#:: __vault_prompt_update
# Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
# "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region, %t
# time left), and __vault_prompt_at to when that text can next change.
set vault_prompt = ''
if ($?__vault_active) then
  set __vault_t = ''
  @ __vault_prompt_at = 9223372036854775807
  if ($?__vault_expires) then
    @ __vault_l = $__vault_expires - $__vault_now
    if ($__vault_l <= 0) then
      set __vault_t = expired
    else
      if ($__vault_l >= 3600) then
        @ __vault_h = $__vault_l / 3600
        @ __vault_m = ($__vault_l % 3600) / 60
        set __vault_t = "${__vault_h}h${__vault_m}m"
        @ __vault_prompt_at = ($__vault_expires - (($__vault_l / 60) * 60)) + 1
      else if ($__vault_l >= 60) then
        @ __vault_m = $__vault_l / 60
        set __vault_t = "${__vault_m}m"
        @ __vault_prompt_at = ($__vault_expires - (($__vault_l / 60) * 60)) + 1
      else
        set __vault_t = "${__vault_l}s"
        @ __vault_prompt_at = $__vault_now + 1
      endif
      if ($__vault_now >= $__vault_refresh_at) then
        set __vault_t = "$__vault_t$__vault_bang"
      else if ($__vault_refresh_at < $__vault_prompt_at) then
        @ __vault_prompt_at = $__vault_refresh_at
      endif
    endif
  endif
  # tcsh has no string replacement that takes any text: the format is cut
  # into words at each %, a space kept as the piece "_" (so %_ is a space).
  set __vault_f = '%p %t'
  if ($?VAULT_PROMPT_FORMAT) eval 'set __vault_f = $VAULT_PROMPT_FORMAT:q'
  set __vault_f = "=$__vault_f:as/ /%_/"
  set __vault_f = "$__vault_f:as/%/ /"
  set __vault_sp = ''
  foreach __vault_x ($__vault_f:x)
    set __vault_v = ''
    if ("$__vault_x" =~ '=*') then
      set __vault_x = "$__vault_x:s/=//"
    else if ("$__vault_x" =~ 'p*') then
      set __vault_v = "$__vault_show_profile" __vault_x = "$__vault_x:s/p//"
    else if ("$__vault_x" =~ 'r*') then
      if ($?__vault_show_region) eval 'set __vault_v = $__vault_show_region:q'
      set __vault_x = "$__vault_x:s/r//"
    else if ("$__vault_x" =~ 't*') then
      set __vault_v = "$__vault_t" __vault_x = "$__vault_x:s/t//"
    else if ("$__vault_x" =~ '_*') then
      set __vault_sp = "$__vault_sp " __vault_x = "$__vault_x:s/_//"
    else
      set __vault_v = %
    endif
    # Spaces wait until text follows them: none is left at the end.
    if ("x$__vault_v" != x) set vault_prompt = "$vault_prompt$__vault_sp$__vault_v" __vault_sp = ''
    if ("x$__vault_x" != x) set vault_prompt = "$vault_prompt$__vault_sp$__vault_x" __vault_sp = ''
  end
endif

#:: __vault_print
# Prints vault_prompt with nothing added or interpreted (echo_style bsd).
set __vault_es = ''
if ($?echo_style) eval 'set __vault_es = $echo_style:q'
set echo_style = bsd
echo -n "$vault_prompt"
if ("x$__vault_es" == x) then
  unset echo_style
else
  set echo_style = "$__vault_es"
endif

#:: install
set __vault_bang = $'\041'
eval $__vault_defaults:q
set vault_prompt = '' __vault_found = ''
set __vault_data = ~/.local/share
if ($?XDG_DATA_HOME) then
  if ("x$XDG_DATA_HOME" != x) set __vault_data = "$XDG_DATA_HOME"
endif
set __vault_genfile = "$__vault_data/{{generation}}"
set __vault_seendir = "$__vault_data/{{seen}}"
# The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp),
# and the file whose mtime is the hook's clock.
set __vault_seen = "$__vault_seendir/$$" __vault_clockfile = "$__vault_seendir/$$.clock"
if ("x$__vault_gen" == x) eval $__vault_generation:q
if ("x$__vault_gen" == x) set __vault_gen = "$__vault_g"
# Prints "PROFILE 42m" and the like; no process is started.
alias vault_prompt_info 'eval $__vault_defaults:q; eval $__vault_clock:q; eval $__vault_prompt_update:q; eval $__vault_print:q'
# Reading the person's precmd alias needs a process, here only, once.
set __vault_p = "`alias precmd`"
if ("$__vault_p" =~ '*__vault_hook*') then
  # installed already
else if ("x$__vault_p" == x) then
  alias precmd 'eval $__vault_hook:q'
else
  alias precmd 'eval $__vault_hook:q; '"$__vault_p"
endif
unset __vault_p
setenv VAULT_HOOK "tcsh:$$"
