"""An interactive bash under the init on a pty keeps job control: ^Z stops the foreground job, bg/fg/kill work."""
import os
import sys
import time

import pexpect

command = sys.argv[1:]
env = dict(os.environ, PS1="PROMPT$ ", TERM="dumb")
shell = pexpect.spawn(command[0], command[1:] + ["--", "bash", "--norc", "--noprofile", "-i"],
                      encoding="utf-8", timeout=15, env=env)
shell.expect_exact("PROMPT$ ")
if "no job control" in shell.before:
    sys.exit("job control is off: " + shell.before)
shell.sendline("sleep 100")
time.sleep(0.5)
shell.sendcontrol("z")
shell.expect("Stopped")
shell.expect_exact("PROMPT$ ")
shell.sendline("jobs -l")
shell.expect("sleep 100")
shell.expect_exact("PROMPT$ ")
shell.sendline("fg")
time.sleep(0.5)
shell.sendcontrol("c")
shell.expect_exact("PROMPT$ ")
shell.sendline("echo status-$?")
shell.expect("status-130")
shell.expect_exact("PROMPT$ ")
shell.sendline("exit 3")
shell.expect(pexpect.EOF)
shell.close()
print("exit %s" % shell.exitstatus, flush=True)
sys.exit(0 if shell.exitstatus == 3 else 1)
