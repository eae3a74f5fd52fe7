package passagesearch.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.index.IndexBusy;
import passagesearch.index.IndexException;
import passagesearch.index.IndexLock;
import passagesearch.index.IndexStore;
import passagesearch.index.NoRollback;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;
import passagesearch.index.StorageErrors;
import passagesearch.ingest.ReadReport;
import passagesearch.search.SearchService;

/**
 * Rebuilds the index in the background, one job at a time, and swaps searches onto the new generation
 * once it is built and checked; a failed rebuild leaves the serving generation as it was and ends as a
 * FAILED job that says why. Rollback serves the previous generation again.
 *
 * <p>A rebuild (from the moment its upload starts arriving until it is served) and a rollback (until it is
 * served) hold the index folder's lock, so they exclude each other and any {@code index} command or other
 * server working on the same folder; whoever comes second is told so (409), nothing waits.
 */
public final class IndexManager implements IndexAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);

  private final Path corpus;
  private final Path config;
  private final Path ranking;
  private final IndexStore store;
  private final SearchService search;
  private final Path vectorCache;
  /** What holds this process's turn: a rebuild job's id, or "a rollback". */
  private final OneAtATime oneAtATime = new OneAtATime();
  private final JobBoard jobs = new JobBoard();
  private final RebuildWorker worker = new RebuildWorker(jobs, "its folder is removed at the next start");

  /**
   * @param ranking a ranking profile to use instead of the configuration's, or null
   */
  public IndexManager(Path corpus, Path config, Path ranking, Path index, SearchService search) {
    this(corpus, config, ranking, index, search, null);
  }

  /** The same, keeping passage vectors in {@code vectorCache} (null: the index folder's own). */
  public IndexManager(Path corpus, Path config, Path ranking, Path index, SearchService search, Path vectorCache) {
    this.vectorCache = vectorCache;
    this.corpus = corpus;
    this.config = config;
    this.ranking = ranking;
    this.store = new IndexStore(index);
    this.search = search;
  }

  /** Starts a rebuild of the configured corpus; fails with {@link Busy} while a rebuild or rollback runs. */
  @Override
  public RebuildJob rebuild() {
    return start(null, null);
  }

  /**
   * Starts a rebuild of a corpus arriving on {@code body} (see {@link Uploads}); the upload is received,
   * checked and unpacked before the job is accepted, so a bad one fails here with {@link Uploads.BadUpload}
   * or {@link Uploads.TooLarge}, and one the disk cannot take (full, read-only) with {@link NotStored}.
   */
  @Override
  public RebuildJob rebuild(InputStream body, String contentType) {
    return start(body, contentType);
  }

  private RebuildJob start(InputStream body, String contentType) {
    String id = UUID.randomUUID().toString();
    oneAtATime.take("rebuild job " + id);
    IndexLock lock = null;
    Path scratch = null;
    RuntimeException lockFailure = null;
    try {
      try {
        lock = store.lock();
      } catch (IndexBusy e) {
        throw new Busy(e.getMessage());
      } catch (IndexException e) {
        if (body != null) {
          throw new NotStored("the upload cannot be stored: " + e.getMessage(), e);
        }
        lockFailure = e; // the configured corpus: the job says why it could not build
      }
      if (body != null) {
        scratch = store.scratch().resolve(id);
        try {
          Uploads.receive(body, contentType, scratch);
        } catch (IOException e) {
          throw new NotStored("the upload cannot be stored in " + scratch + ": " + StorageErrors.describe(e), e);
        }
      }
      RebuildJob queued = jobs.queued(id);
      Turn turn = new Turn(lock, scratch, lockFailure);
      worker.queue(queued, () -> build(queued, turn), turn::end);
      return queued;
    } catch (RuntimeException | Error e) {
      new Turn(lock, scratch, null).end();
      throw e;
    }
  }

  /** What a rebuild holds until it ends: the lock, its upload's scratch folder. Ending gives both back. */
  private final class Turn {
    final IndexLock lock;
    final Path scratch;
    final RuntimeException lockFailure;

    Turn(IndexLock lock, Path scratch, RuntimeException lockFailure) {
      this.lock = lock;
      this.scratch = scratch;
      this.lockFailure = lockFailure;
    }

    Path source() {
      return scratch == null ? corpus : scratch;
    }

    void end() {
      try {
        if (scratch != null) {
          Scratch.remove(scratch);
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
        oneAtATime.give();
      }
    }
  }

  /** A message and what the corpus read skipped, bounded. */
  private static String skippedOf(String head, ReadReport report) {
    return JobMessages.summarised(head, "skipped", report.skipped(), report.skippedTotal());
  }

  /** A rebuild on the worker: the generation built, checked and served, or an exception saying why not. */
  private RebuildWorker.Published build(RebuildJob job, Turn turn) {
    if (turn.lockFailure != null) {
      throw turn.lockFailure;
    }
    Pipeline pipeline = Pipeline.configured(config, ranking, store.root(), new Pipeline.Sink(
        note -> LOG.info("rebuild {}: {}", job.id(), note),
        (done, total, passages) -> {
          if (done == total || done % 100 == 0) {
            jobs.running(job, "indexing", done, passages, total);
          }
        }), search.models()).withVectorCache(vectorCache);
    Pipeline.Built built = pipeline.build(pipeline.corpus(turn.source(), false), turn.lock);
    search.swap(pipeline.openCurrent());
    GenerationInfo info = built.info();
    return new RebuildWorker.Published(skippedOf("published " + info.name(), built.report()), info.name(),
        info.documents().size(), info.passages());
  }

  @Override
  public Optional<RebuildJob> job(String id) {
    return jobs.get(id);
  }

  /**
   * Serves the previous generation again, once it has been opened and checked, and returns its name.
   *
   * @throws Busy while a rebuild or rollback runs, here or in another process
   * @throws CannotRollBack when there is no previous generation that can be served, saying why
   * @throws NotStored when {@code CURRENT} cannot be written (a full or read-only disk), saying why
   */
  @Override
  public String rollback() {
    oneAtATime.take("a rollback");
    try (IndexLock lock = lockForRollback()) {
      IndexConfig cfg = new ConfigLoader().load(config, ranking);
      OpenIndex previous = store.rollback(lock, cfg);
      search.swap(previous);
      return previous.info().name();
    } catch (NoRollback e) {
      throw new CannotRollBack(e.getMessage());
    } catch (IndexException e) {
      if (e.getCause() instanceof IOException) {
        throw new NotStored(e.getMessage(), e);
      }
      throw e;
    } finally {
      oneAtATime.give();
    }
  }

  private IndexLock lockForRollback() {
    try {
      return store.lock();
    } catch (IndexBusy e) {
      throw new Busy(e.getMessage());
    }
  }

  /**
   * Abandons a running rebuild and waits a little for it to clear up its half-built generation; the
   * generation being served is not touched. Whatever is left is removed at the next start.
   */
  @Override
  public void close() {
    worker.close();
  }
}
