package passagesearch.serving;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread rebuild jobs run on, whichever engine they build for. A job's build either publishes (its
 * {@link Published}) or fails, every failure short of the JVM's own (out of memory) recorded as a FAILED job
 * with its reason; what the job held is given back first, so a client told it ended may start the next at once.
 * Closing abandons the running build (interrupted, waited for a little) and fails the jobs not yet started,
 * giving back what each held.
 */
final class RebuildWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildWorker.class);
  private static final int STOP_WAIT_SECONDS = 10;

  /** What a build that succeeded published, as its job reports it. */
  record Published(String message, String generation, int documents, int passages) {}

  /** A job's build, run on the worker; it throws when the build fails, saying why. */
  interface Build {
    Published run();
  }

  private final JobBoard jobs;
  /** What is left behind when a build does not stop in time, for the log line. */
  private final String leftBehind;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rebuild");
    t.setDaemon(true);
    return t;
  });

  /** @param leftBehind what a build that does not stop in time leaves, and when it is cleared */
  RebuildWorker(JobBoard jobs, String leftBehind) {
    this.jobs = jobs;
    this.leftBehind = leftBehind;
  }

  /** Runs {@code build} for {@code job} after the jobs queued before it; {@code giveBack} runs once it ends. */
  void queue(RebuildJob job, Build build, Runnable giveBack) {
    worker.execute(new Queued(job, build, giveBack));
  }

  private final class Queued implements Runnable {
    final RebuildJob job;
    final Build build;
    final Runnable giveBack;

    Queued(RebuildJob job, Build build, Runnable giveBack) {
      this.job = job;
      this.build = build;
      this.giveBack = giveBack;
    }

    @Override
    public void run() {
      Runnable outcome;
      try {
        jobs.running(job, "reading the corpus", 0, 0, 0);
        Published p = build.run();
        outcome = () -> jobs.succeeded(job, p.message(), p.generation(), p.documents(), p.passages());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        String reason = JobMessages.reason(e);
        LOG.warn("rebuild {} failed: {}", job.id(), reason);
        outcome = () -> jobs.failed(job, reason);
      } finally {
        giveBack.run();
      }
      outcome.run();
    }
  }

  @Override
  public void close() {
    List<Runnable> queued = worker.shutdownNow();
    try {
      if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("the rebuild did not stop within {} s; {}", STOP_WAIT_SECONDS, leftBehind);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Runnable abandoned : queued) {
      if (abandoned instanceof Queued q) {
        jobs.failed(q.job, "abandoned: the server stopped before it started");
        q.giveBack.run();
      }
    }
  }
}
