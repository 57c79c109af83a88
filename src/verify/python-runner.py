# Runs one AWM Python verifier the way the reference does, inside resource limits.
# Reads {code, function_name, initial_db_path, final_db_path, final_answer, memory_mb, cpu_s}
# as JSON on stdin; prints {"ok": true, "result": ...} or {"ok": false, "error": "..."}.
# Whatever the verifier itself prints goes to stderr, so stdout holds only that result.
import inspect
import json
import os
import re
import resource
import socket
import sqlite3
import sys
import traceback


def no_network(*_args, **_kwargs):
    raise OSError("network access is disabled for verifiers")


def no_processes(*_args, **_kwargs):
    raise PermissionError("starting processes is disabled for verifiers")


def block_processes():
    # RLIMIT_NPROC binds every user but root; a server run as root (as in containers) needs
    # this too. A guard, like the network one: it closes the doors Python code uses.
    import _posixsubprocess
    import subprocess

    for name in ("fork", "forkpty", "system", "popen", "posix_spawn", "posix_spawnp", "execv", "execve", "execvp", "execvpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"):
        if hasattr(os, name):
            setattr(os, name, no_processes)
    _posixsubprocess.fork_exec = no_processes
    subprocess.Popen._execute_child = no_processes


def main():
    req = json.load(sys.stdin)
    mem = req["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    resource.setrlimit(resource.RLIMIT_CPU, (req["cpu_s"], req["cpu_s"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    socket.socket = no_network
    socket.create_connection = no_network
    block_processes()

    code = req["code"]
    name = req.get("function_name")
    if not name:
        for line in code.splitlines():
            if line.strip().startswith("def verify_"):
                name = line.strip()[4:].split("(")[0].strip()
                break
    namespace = {"sqlite3": sqlite3, "json": json, "os": os, "re": re, "__builtins__": __builtins__}
    exec(code, namespace)
    fn = namespace.get(name) or namespace.get("verify_task_completion") or namespace.get("verify_task")
    if fn is None:
        raise NameError(f"no function {name!r} in the verifier code")
    args = {
        "initial_db_path": req["initial_db_path"],
        "final_db_path": req["final_db_path"],
        "final_answer": req.get("final_answer"),
    }
    params = inspect.signature(fn).parameters
    if any(k in params for k in args):
        result = fn(**{k: v for k, v in args.items() if k in params})
    else:
        positional = [args["initial_db_path"], args["final_db_path"], args["final_answer"]]
        result = fn(*positional[: len(params)])
    return result


# LLM-written verifiers print as they check: send fd 1 (print, and anything else that
# writes there) to stderr, and keep a copy of the real stdout for the result alone.
result_out = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)

try:
    out = {"ok": True, "result": main()}
except BaseException as e:  # the verifier's failure is data, not a crash
    out = {"ok": False, "error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc(limit=3)}
result_out.write(json.dumps(out, default=str))
result_out.flush()
