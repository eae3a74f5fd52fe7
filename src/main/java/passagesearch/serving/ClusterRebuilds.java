package passagesearch.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
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
  private final RebuildWorker worker = new RebuildWorker(jobs, "the build removes its index when it does");

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
      Path source = scratch == null ? corpus : scratch;
      Runnable held = release;
      worker.queue(queued, () -> {
        Published built = alias.build(source, (done, total, passages) -> jobs.running(queued, "indexing", done, passages, total));
        return new RebuildWorker.Published(JobMessages.summarised("published " + built.generation(), "skipped",
            built.report().skipped(), built.report().skippedTotal()), built.generation(), built.documents(), built.passages());
      }, () -> end(scratch, held));
      return queued;
    } catch (RuntimeException | Error e) {
      end(scratch, release);
      throw e;
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
    worker.close();
  }
}
