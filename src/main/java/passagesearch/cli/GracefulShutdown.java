package passagesearch.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * What SIGTERM (or Ctrl-C) does to a serving process: the web server stops taking connections and lets the
 * requests in flight finish, a running rebuild is abandoned (the serving generation stays as it was), the
 * index is closed, and the process ends with exit status 0, or 1 when something could not be closed cleanly
 * (a request still running when the server's stop timeout ran out, say).
 *
 * <p>It runs on SIGTERM or SIGINT ({@link StopSignals}), or else as a JVM shutdown hook. It ends the process
 * itself with {@link Runtime#halt} once everything is closed and the output flushed: a JVM ended by a signal
 * through its hooks would report 128 + the signal's number (143 for SIGTERM), and {@code System.exit} inside a
 * hook would wait for the hooks forever. No shutdown hook runs after a signal (ONNX Runtime's own, which frees
 * its native environment, is one reason; see {@link StopSignals}); the program registers none of its own but
 * this one (no delete-on-exit files, no Jetty stop-at-shutdown).
 */
final class GracefulShutdown implements Runnable {
  /** Something to close, with a name for the log line when it fails. */
  record Step(String what, AutoCloseable closeable) {}

  private final List<Step> steps;
  private final PrintWriter out;
  private final PrintWriter err;

  /** @param steps closed in this order (the web server first, so requests finish on an open index) */
  GracefulShutdown(List<Step> steps, PrintWriter out, PrintWriter err) {
    this.steps = List.copyOf(steps);
    this.out = out;
    this.err = err;
  }

  /** Closes every step, even after one fails, and returns the exit status: 0 when all closed cleanly. */
  int closeAll() {
    int status = 0;
    for (Step step : steps) {
      try {
        step.closeable().close();
      } catch (Exception e) {
        err.println("error: could not stop the " + step.what() + " cleanly: " + e.getMessage());
        status = 1;
      }
    }
    out.println(status == 0 ? "Stopped." : "Stopped, not cleanly.");
    out.flush();
    err.flush();
    return status;
  }

  @Override
  public void run() {
    Runtime.getRuntime().halt(closeAll());
  }
}
