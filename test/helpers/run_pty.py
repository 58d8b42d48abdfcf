"""Runs a command under a pseudo-terminal and plays a script of (wait-for-text, keys) steps.

Usage: pty.py SCRIPT_JSON -- command args...
SCRIPT_JSON is a list of [expect, send] pairs; prints everything the program wrote, and exits
with the program's exit code (or 124 when an expected text never appears). A step may have a
third element, a shell command run once its text shows and before its keys are sent (another
writer working while the prompt is open); its exit code and output are printed after the screen,
as "[side N exit C]" and the output. With PTY_RAW set, the output is printed as written, escape
codes and all (the script still matches the text without them).
"""
import fcntl, json, os, pty, re, select, struct, subprocess, sys, termios, time

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
    side = []
    for step in steps:
        expect, send = step[0], step[1]
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
        if len(step) > 2:
            ran = subprocess.run(step[2], shell=True, capture_output=True, text=True)
            side.append('[side %d exit %d]\n%s%s' % (len(side), ran.returncode, ran.stdout, ran.stderr))
        time.sleep(0.05)
        os.write(fd, send.encode('utf8'))
    deadline = time.time() + 20
    while time.time() < deadline:
        if read(0.2) is None:
            break
    _, status = os.waitpid(pid, 0)
    sys.stdout.write((out if os.environ.get('PTY_RAW') else ANSI.sub(b'', out)).decode('utf8', 'replace'))
    for said in side:
        sys.stdout.write('\n' + said)
    sys.exit(os.waitstatus_to_exitcode(status))

main()
