package passagesearch.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.index.StorageErrors;
import passagesearch.ingest.ReadReport;

/**
 * Rebuilds and rollbacks of an OpenSearch alias, through the same admin routes and the same jobs as the
 * embedded index's ({@link IndexManager}): one at a time on the alias, in this process and across processes (the
 * alias is held from the request until the job ends, as the index folder's lock is), in the background, a job
 * that ends SUCCEEDED with the generation it published or FAILED saying why. The cluster does the rest: a rebuild
 * writes a new index, verifies it and moves the alias in one atomic request, and a build that fails removes
 * its index and leaves the alias where it was; a rollback moves the alias back.
 *
 * <p>An uploaded corpus is received as for the embedded index ({@link Uploads}), into a scratch folder of its
 * own under {@code uploads}, removed when its job ends.
 */
public final class ClusterRebuilds implements IndexAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRebuilds.class);
  private static final int STOP_WAIT_SECONDS = 10;

  /** The cluster's side, wired by the command that serves. */
  public interface Alias {
    /**
     * Takes the alias for {@code what} (a rebuild job, a rollback), across processes, until the returned release
     * runs.
     *
     * @throws Busy when another process holds it
     */
    Runnable hold(String what);

    /**
     * Reads the corpus folder, builds a generation of it, verifies it and moves the alias to it; throws, the
     * alias untouched, when any step fails.
     */
    Published build(Path corpus, Progress progress);

    /**
     * Moves the alias back to the generation before, once it answers.
     *
     * @throws CannotRollBack when there is none that can be served
     */
    String rollback();
  }

  /** What a build published. */
  public record Published(String generation, int documents, int passages, ReadReport report) {}

  /** A build's progress: documents read of about {@code total}, passages sent. */
  @FunctionalInterface
  public interface Progress {
    void update(int documents, int total, int passages);
  }

  private final Path corpus;
  private final Path uploads;
  private final Alias alias;
  private final JobBoard jobs = new JobBoard();
  /** What holds this process's turn: a rebuild job's id, or "a rollback". */
  private final OneAtATime oneAtATime = new OneAtATime();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rebuild");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param corpus the configured corpus folder
   * @param uploads where uploaded corpora are unpacked, one folder a job
   */
  public ClusterRebuilds(Path corpus, Path uploads, Alias alias) {
    this.corpus = corpus;
    this.uploads = uploads;
    this.alias = alias;
  }

  @Override
  public RebuildJob rebuild() {
    return start(null, null);
  }

  @Override
  public RebuildJob rebuild(InputStream body, String contentType) {
    return start(body, contentType);
  }

  private RebuildJob start(InputStream body, String contentType) {
    String id = UUID.randomUUID().toString();
    oneAtATime.take("rebuild job " + id);
    Path scratch = body == null ? null : uploads.resolve(id);
    Runnable release = null;
    try {
      release = alias.hold("rebuild job " + id);
      if (scratch != null) {
        try {
          Uploads.receive(body, contentType, scratch);
        } catch (IOException e) {
          throw new NotStored("the upload cannot be stored in " + scratch + ": " + StorageErrors.describe(e), e);
        }
      }
      RebuildJob queued = jobs.queued(id);
      worker.execute(new Queued(queued, scratch, release));
      return queued;
    } catch (RuntimeException | Error e) {
      end(scratch, release);
      throw e;
    }
  }

  /** A job waiting for the worker; one abandoned at {@link #close} gives back its turn. */
  private final class Queued implements Runnable {
    final RebuildJob job;
    final Path scratch;
    final Runnable release;

    Queued(RebuildJob job, Path scratch, Runnable release) {
      this.job = job;
      this.scratch = scratch;
      this.release = release;
    }

    /** The job's end is recorded once what it held is given back, so a client told it ended may start the next. */
    @Override
    public void run() {
      Runnable outcome;
      try {
        jobs.running(job, "reading the corpus", 0, 0, 0);
        Published built = alias.build(scratch == null ? corpus : scratch,
            (done, total, passages) -> jobs.running(job, "indexing", done, passages, total));
        String message = JobMessages.summarised("published " + built.generation(), "skipped", built.report().skipped(),
            built.report().skippedTotal());
        outcome = () -> jobs.succeeded(job, message, built.generation(), built.documents(), built.passages());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        String reason = JobMessages.reason(e);
        LOG.warn("rebuild {} failed: {}", job.id(), reason);
        outcome = () -> jobs.failed(job, reason);
      } finally {
        end(scratch, release);
      }
      outcome.run();
    }
  }

  /** Gives back what a rebuild held: its upload's scratch folder, the alias, this process's turn. */
  private void end(Path scratch, Runnable release) {
    try {
      if (scratch != null) {
        Scratch.remove(scratch);
      }
    } finally {
      try {
        if (release != null) {
          release.run();
        }
      } finally {
        oneAtATime.give();
      }
    }
  }

  @Override
  public Optional<RebuildJob> job(String id) {
    return jobs.get(id);
  }

  @Override
  public String rollback() {
    oneAtATime.take("a rollback");
    Runnable release = null;
    try {
      release = alias.hold("a rollback");
      return alias.rollback();
    } finally {
      end(null, release);
    }
  }

  /** Abandons a running rebuild: the build removes its half-written index; the alias is not touched. */
  @Override
  public void close() {
    List<Runnable> queued = worker.shutdownNow();
    try {
      if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("the rebuild did not stop within {} s", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Runnable abandoned : queued) {
      if (abandoned instanceof Queued q) {
        jobs.failed(q.job, "abandoned: the server stopped before it started");
        end(q.scratch, q.release);
      }
    }
  }
}
