"""Runs a command under a pseudo-terminal and plays a script of (wait-for-text, keys) steps.

Usage: pty.py SCRIPT_JSON -- command args...
SCRIPT_JSON is a list of [expect, send] pairs; prints everything the program wrote, and exits
with the program's exit code (or 124 when an expected text never appears).
"""
import fcntl, json, os, pty, re, select, struct, sys, termios, time

ANSI = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]')

def main():
    sep = sys.argv.index('--')
    steps = json.loads(sys.argv[1])
    command = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # PTY_COLUMNS: the terminal's width, set before the program starts (a new pty has none).
        if os.environ.get('PTY_COLUMNS'):
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, int(os.environ['PTY_COLUMNS']), 0, 0))
        os.execvp(command[0], command)
    out = b''
    def read(timeout):
        nonlocal out
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        out += chunk
        return True
    # How far into the screen text the script has read: the next step looks only after the text
    # the last one matched (not after all output so far, which may already hold the next prompt).
    seen = 0
    for expect, send in steps:
        deadline = time.time() + 20
        while True:
            plain = ANSI.sub(b'', out).decode('utf8', 'replace')
            at = plain.find(expect, seen)
            if at >= 0:
                seen = at + len(expect)
                break
            if time.time() > deadline or read(0.2) is None:
                sys.stdout.write(ANSI.sub(b'', out).decode('utf8', 'replace'))
                sys.stdout.write('\n[pty: never saw %r]\n' % expect)
                os.kill(pid, 9)
                sys.exit(124)
        time.sleep(0.05)
        os.write(fd, send.encode('utf8'))
    deadline = time.time() + 20
    while time.time() < deadline:
        if read(0.2) is None:
            break
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(ANSI.sub(b'', out).decode('utf8', 'replace'))
    sys.exit(os.waitstatus_to_exitcode(status))

main()
