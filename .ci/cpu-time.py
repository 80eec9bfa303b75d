#!/usr/bin/env python3
"""
Runs a command (.ci/run's steps) and then prints the CPU time of every process it started, however deep: user and
system time, browsers and the starters' builds included, which is what two cores have to give whatever the packing.

bash's `times` counts only the processes that were waited for all the way up. A Chromium's helper processes outlive
the browser that started them, and a test worker may be stopped before its children, so they end as orphans whose
time nobody collects: `times` saw 2,077 of the 3,199 CPU-s a cgroup counted for one run (issue 72). Here this process
is a subreaper: orphans below it are handed to it, and waiting for them adds their time to its children's.
"""
import ctypes
import os
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
# After the command ends, how long its orphans may take to exit before the time is reported without them.
ORPHANS_GRACE_S = 30.0


def main(argv: list[str]) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    subreaper = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    start = time.monotonic()
    # Children's times survive exec: a launcher that ran helpers before exec'ing Python (pyenv's shim: 0.3 CPU-s) would
    # be counted as the run's. Only what is added from here on is.
    before = os.times()
    run = {"child": None, "cancelled": False}

    # A cancelled run stops the command, as it would have stopped without this wrapper. Once the command has been
    # reaped its pid may belong to another process, so it is never signalled then: the cancel ends the wait for orphans.
    def forward(sig: int, _frame: object) -> None:
        run["cancelled"] = True
        if run["child"] is not None:
            try:
                os.kill(run["child"], sig)
            except ProcessLookupError:
                pass  # ended, not yet reaped

    # Installed before the fork, so that no cancel is lost in between; exec resets them to the default in the child.
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, forward)
    child = os.fork()
    if child == 0:
        os.execvp(argv[0], argv)
    run["child"] = child
    if run["cancelled"]:  # cancelled while forking
        os.kill(child, signal.SIGTERM)

    status = 1
    ended_at = None
    while True:
        flags = 0 if ended_at is None else os.WNOHANG
        try:
            pid, raw = os.waitpid(-1, flags)
        except ChildProcessError:
            break  # nothing left to wait for
        if pid == child:
            status = os.waitstatus_to_exitcode(raw)
            ended_at = time.monotonic()
            run["child"] = None
        elif pid == 0:  # orphans still running after the command ended
            if run["cancelled"]:
                print("::: the run was cancelled: the CPU of processes still running is not counted")
                break
            if time.monotonic() - ended_at > ORPHANS_GRACE_S:
                print(f"::: processes still running {ORPHANS_GRACE_S:.0f} s after the run: their CPU is not counted")
                break
            time.sleep(0.2)

    wall = time.monotonic() - start
    times = os.times()
    cpu = (times.children_user - before.children_user) + (times.children_system - before.children_system)
    scope = "every process of the run" if subreaper else "the processes waited for (no subreaper: orphans missed)"
    print(f"::: CPU: {cpu:.1f} CPU-s, {scope}: {cpu / wall:.2f} cores busy on average over {wall:.1f} s", flush=True)
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
