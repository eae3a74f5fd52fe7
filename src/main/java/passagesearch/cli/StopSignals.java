package passagesearch.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * What SIGTERM and SIGINT (Ctrl-C) do to a command that runs for long (serve, index): until the command says
 * otherwise, end the process at once with 128 + the signal's number, as the JVM would; once a server is up,
 * run its graceful stop ({@link #gracefully}). Any other end of the JVM (SIGHUP, say) runs that stop as a
 * shutdown hook.
 *
 * <p>Why the signals are handled here rather than left to the JVM's shutdown: ONNX Runtime registers a
 * shutdown hook of its own that frees its native environment, and the JVM runs every hook at once. Run beside
 * a model still loading, or a query or passage being encoded, it freed the environment under them and the JVM
 * crashed (SIGSEGV, exit 134; 8 of 20 stops right after start-up, while the model loaded). Handled here, no
 * shutdown hook runs after these signals: the process halts, after the graceful stop when there is one.
 */
final class StopSignals {
  private final AtomicReference<Runnable> stop;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private StopSignals(Runnable halt) {
    this.stop = new AtomicReference<>(halt);
  }

  /** Handles SIGTERM and SIGINT from now on by halting the process; where a JVM cannot handle them, nothing changes. */
  static StopSignals install() {
    StopSignals signals = new StopSignals(null);
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> signals.stop(signal.getNumber()));
      } catch (IllegalArgumentException notHere) {
        // this JVM or platform does not let a program handle it: the JVM's own handling remains
      }
    }
    return signals;
  }

  /**
   * From now on a signal, or the JVM's shutdown, runs {@code graceful} once, which ends the process itself
   * ({@link GracefulShutdown}).
   */
  void gracefully(Runnable graceful) {
    stop.set(graceful);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run(graceful), "shutdown"));
  }

  private void stop(int signal) {
    Runnable graceful = stop.get();
    if (graceful == null) {
      Runtime.getRuntime().halt(128 + signal);
    }
    // The JVM calls a handler on a daemon thread; the stop runs on one that is not, so the JVM cannot end by
    // itself (its last other thread gone with the web server) before the stop has closed everything.
    Thread.ofPlatform().name("stop").daemon(false).start(() -> run(graceful));
  }

  private void run(Runnable graceful) {
    if (stopping.compareAndSet(false, true)) {
      graceful.run();
    }
  }
}
