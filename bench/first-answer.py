#!/usr/bin/env python3
"""Waits for a server just launched to answer a request with 200, for bench/run.sh's start_server.

    bench/first-answer.py PID URL LOG TIMEOUT_SECONDS LAUNCHED_MS

Prints the milliseconds from LAUNCHED_MS (the launch, in ms since the epoch) to the first 200 from URL.
Such an answer counts only once LOG says the server serves on URL's port ("Serving ... on
http://HOST:PORT/"), so another program on the port is never measured; the log may say so just after the
server first answers. Exit status: 0 with the time printed; 2 when process PID has ended; 3 when LOG
reports an OutOfMemoryError (the JVM would live on without serving); 4 after TIMEOUT_SECONDS without an
answer; 5 when the answer came from another program.

One process that tries to connect every 5 ms, rather than a shell loop that forked grep, date, curl and
sleep every 20 ms: on two cores those forks took CPU from the JVM being timed, and the loop only asked
once the log said "Serving". Launch to first answer of the same jar, 7 interleaved launches each
(2026-12-07 20:02, load 2.3): the shell loop 2.08-2.64 s (median 2.34), this 1.88-2.03 s (1.98).
"""
import http.client
import os
import sys
import time
import urllib.parse


def main():
    pid, url, log, timeout, launched = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    deadline = time.monotonic() + timeout
    next_log_check = 0.0
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return 2
        now = time.monotonic()
        if now > deadline:
            return 4
        if now >= next_log_check:  # the log is read five times a second, not at every try
            next_log_check = now + 0.2
            try:
                with open(log, "rb") as f:
                    if b"OutOfMemoryError" in f.read():
                        return 3
            except OSError:
                pass
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=max(1.0, deadline - now))
        try:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                answered = time.time() * 1000 - launched
                return served_by(pid, log, f" on {parts.scheme}://{parts.hostname}:{parts.port}/", answered)
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.005)


def served_by(pid, log, serving, answered):
    """0 and the time printed once the log says the server serves here, 5 when it does not within 2 s."""
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            with open(log, encoding="utf-8", errors="replace") as f:
                if any(line.startswith("Serving ") and serving in line for line in f):
                    print(round(answered))
                    return 0
        except OSError:
            pass
        time.sleep(0.005)
    return 5


if __name__ == "__main__":
    sys.exit(main())
