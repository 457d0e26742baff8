# vault shell hook for xonsh. In ~/.xonshrc:  execx($(vault hook xonsh))
# Python inside xonsh: the files are looked at with os.stat and the clock is
# time.time(), so a prompt at which nothing changed starts no process. The
# bookkeeping lives in the session's namespace (__xonsh__.ctx, where
# `vault env` scripts put it too); only VAULT_HOOK is exported.


def __vault_setup():
    import os
    import stat
    import subprocess
    import sys
    import time

    ctx = __xonsh__.ctx
    env = __xonsh__.env

    def data_home():
        return env.get('XDG_DATA_HOME') or (env.get('HOME') or '') + '/.local/share'

    def read_generation():
        try:
            with open(data_home() + '/{{generation}}', encoding='utf-8', errors='surrogateescape') as f:
                return f.readline().rstrip('\n')
        except (OSError, ValueError):
            return ''

    def mtime(path):
        try:
            return os.stat(path).st_mtime_ns
        except (OSError, ValueError):
            return None

    def is_file(path):
        try:
            return stat.S_ISREG(os.stat(path).st_mode)
        except (OSError, ValueError):
            return False

    # As `! A -nt B` in bash: A is not newer than B (or A is gone).
    def not_newer(a, b):
        ma, mb = mtime(a), mtime(b)
        return ma is None or (mb is not None and ma <= mb)

    # Sets __vault_found to the nearest .vaultrc at or above $PWD, or ''.
    def find():
        d = env.get('PWD') or os.getcwd()
        ctx['__vault_pwd'] = d
        ctx['__vault_found'] = ''
        while True:
            if d == '/':
                d = ''
            try:
                if not stat.S_ISDIR(os.stat(d + '/.vaultrc').st_mode):
                    ctx['__vault_found'] = d + '/.vaultrc'
                    return
            except (OSError, ValueError):
                pass
            if not d:
                return
            d = d.rpartition('/')[0]

    # Sets vault_prompt to "PROFILE 42m", "PROFILE 4m!" (under AWS_MIN_TTL),
    # "PROFILE expired", or "" (VAULT_PROMPT_FORMAT: %p profile, %r region,
    # %t time left), and returns it.
    def prompt_update():
        text = ''
        if '__vault_active' in ctx:
            now = int(time.time())
            left = ''
            if ctx.get('__vault_expires'):
                n = int(ctx['__vault_expires']) - now
                if n <= 0:
                    left = 'expired'
                else:
                    if n >= 3600:
                        left = '%dh%dm' % (n // 3600, n % 3600 // 60)
                    elif n >= 60:
                        left = '%dm' % (n // 60)
                    else:
                        left = '%ds' % n
                    if now >= int(ctx.get('__vault_refresh_at') or 0):
                        left += '!'
            fmt = env.get('VAULT_PROMPT_FORMAT')
            text = str('%p %t' if fmt is None else fmt)
            text = text.replace('%p', ctx.get('__vault_show_profile', ''))
            text = text.replace('%r', ctx.get('__vault_show_region', ''))
            text = text.replace('%t', left).rstrip(' ')
        ctx['vault_prompt'] = text
        return text

    def apply(why, found):
        args = ['vault', 'hook-apply', 'xonsh', 'why=' + why, 'rc=' + found]
        for key in ('origin', 'profile', 'region', 'duration', 'no_session'):
            args.append(key.replace('_', '-') + '=' + ctx.get('__vault_' + key, ''))
        args.append('pid=%d' % os.getpid())
        try:
            # `vault` as $PATH finds it; its messages go to the terminal.
            script = subprocess.run(args, stdout=subprocess.PIPE, env=env.detype()).stdout
        except KeyboardInterrupt:
            return  # Ctrl-C while vault waits: nothing of it is applied
        except OSError as error:
            print('vault: cannot run vault: %s' % error.strerror, file=sys.stderr)
            return
        if script:
            execx(script.decode('utf-8', 'surrogateescape'), 'exec', {})

    # At each prompt, before it is drawn (so the prompt shows what it did).
    def __vault_hook(**_):
        # The nearest .vaultrc is looked up again only when $PWD or a watched file changed.
        if env.get('PWD') != ctx.get('__vault_pwd'):
            find()
        found = ctx.get('__vault_found', '')
        rc = ctx.get('__vault_rc', '')
        allowfile = ctx.get('__vault_allowfile', '')
        why = ''
        generation = None
        if not found and not rc:
            pass  # no .vaultrc here, and none before
        elif found == rc and allowfile and is_file(allowfile) and not_newer(found, allowfile):
            pass  # the trusted .vaultrc in use: still allowed (denying removes the entry), not edited since
        else:
            # Anything else: the trust list's generation, and the file's mtime against
            # the stamp vault made when it last read it (neither newer nor older).
            generation = read_generation()
            changed = found != rc or generation != ctx.get('__vault_gen', '')
            if not changed and found:
                seen = ctx.get('__vault_seen', '')
                changed = not is_file(seen) or mtime(found) != mtime(seen)
            if changed:
                find()
                found = ctx['__vault_found']
                why = 'change'
        if not why and ctx.get('__vault_refresh_at') and int(time.time()) >= int(ctx['__vault_refresh_at']):
            why = 'refresh'
        if why:
            if why == 'refresh':
                ctx['__vault_refresh_at'] = str(int(time.time()) + 60)
            else:
                ctx['__vault_rc'] = found
                ctx['__vault_gen'] = read_generation() if generation is None else generation
            ctx['__vault_allowfile'] = ''
            apply(why, found)
        prompt_update()

    def vault_prompt_info(args=None, stdin=None):
        """Prints the prompt segment; no process is started."""
        return prompt_update()

    events = __xonsh__.builtins.events
    if not any(getattr(h, '__name__', '') == '__vault_hook' for h in events.on_pre_prompt_format):
        events.on_pre_prompt_format(__vault_hook)
    __xonsh__.aliases['vault_prompt_info'] = vault_prompt_info
    # None when empty, so that '{vault:({}) }' shows nothing at all then; braces
    # doubled, as xonsh reads '{RED}' in a prompt as a colour, not as text.
    env['PROMPT_FIELDS']['vault'] = lambda: prompt_update().replace('{', '{{').replace('}', '}}') or None
    ctx.setdefault('vault_prompt', '')
    ctx.setdefault('__vault_found', '')
    # The stamp vault sets to the .vaultrc's mtime when it reads it (HookStamp).
    ctx['__vault_seen'] = data_home() + '/{{seen}}/%d' % os.getpid()
    if '__vault_gen' not in ctx:
        ctx['__vault_gen'] = read_generation()
    env['VAULT_HOOK'] = 'xonsh:%d' % os.getpid()


__vault_setup()
del __vault_setup
