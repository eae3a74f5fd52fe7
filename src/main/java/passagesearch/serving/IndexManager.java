package passagesearch.serving;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.index.IndexStore;
import passagesearch.index.StorageErrors;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.search.SearchService;

/**
 * Rebuilds the index in the background, one job at a time, and swaps searches onto the new generation
 * once it is built and checked; a failed rebuild leaves the serving generation as it was. Rollback serves
 * the previous generation again.
 */
public final class IndexManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);
  private static final int KEPT_JOBS = 50;
  private static final int STOP_WAIT_SECONDS = 10;
  private static final String UPLOADS = "uploads";

  private final Path corpus;
  private final Path config;
  private final Path ranking;
  private final IndexStore store;
  private final SearchService search;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rebuild");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<String> running = new AtomicReference<>();
  private final Map<String, RebuildJob> jobs = new LinkedHashMap<>();

  /**
   * @param ranking a ranking profile to use instead of the configuration's, or null
   */
  public IndexManager(Path corpus, Path config, Path ranking, Path index, SearchService search) {
    this.corpus = corpus;
    this.config = config;
    this.ranking = ranking;
    this.store = new IndexStore(index);
    this.search = search;
  }

  /** Starts a rebuild of the configured corpus; fails with {@link RebuildInProgress} while one runs. */
  public RebuildJob rebuild() {
    return start(null, null);
  }

  /**
   * Starts a rebuild of a corpus sent with the request (see {@link Uploads}); the upload is checked and
   * unpacked before the job is accepted, so a bad one fails here with {@link Uploads.BadUpload}, and one
   * the disk cannot take (full, read-only) with {@link UploadNotStored}.
   */
  public RebuildJob rebuild(byte[] body, String contentType) {
    return start(body, contentType);
  }

  private RebuildJob start(byte[] body, String contentType) {
    String id = UUID.randomUUID().toString();
    if (!running.compareAndSet(null, id)) {
      throw new RebuildInProgress(running.get());
    }
    Path source = corpus;
    try {
      if (body != null) {
        source = store.root().resolve(UPLOADS).resolve(id);
        Uploads.unpack(body, contentType, source);
      }
    } catch (java.io.IOException | RuntimeException e) {
      running.set(null);
      removeScratch(source);
      if (e instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new UploadNotStored("the upload cannot be stored in " + source + ": " + StorageErrors.describe(e), e);
    }
    RebuildJob queued = new RebuildJob(id, RebuildJob.State.QUEUED, Instant.now().toString(), null,
        "waiting to start", null, 0, 0, 0);
    remember(queued);
    Path from = source;
    worker.execute(() -> {
      try {
        run(queued, from);
      } finally {
        if (body != null) {
          removeScratch(from);
        }
      }
    });
    return queued;
  }

  /** Removes an upload's scratch folder, and the uploads folder with it when no other upload is there. */
  private void removeScratch(Path scratch) {
    if (scratch.equals(corpus)) {
      return;
    }
    deleteQuietly(scratch);
    try {
      java.nio.file.Files.deleteIfExists(store.root().resolve(UPLOADS));
    } catch (java.io.IOException notEmpty) {
      LOG.debug("uploads folder kept: {}", notEmpty.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (java.io.IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.getMessage());
    }
  }

  private void run(RebuildJob job, Path source) {
    remember(new RebuildJob(job.id(), RebuildJob.State.RUNNING, job.startedAt(), null, "reading the corpus", null, 0, 0, 0));
    try {
      IndexConfig cfg = new ConfigLoader().load(config, ranking);
      CorpusFolder read = new CorpusReader(cfg.limits(), false).folder(source);
      GenerationInfo built = store.build(read, cfg, (done, total, passages) -> {
        if (done == total || done % 100 == 0) {
          remember(new RebuildJob(job.id(), RebuildJob.State.RUNNING, job.startedAt(), null, "indexing", null, done,
              passages, total));
        }
      });
      search.swap(store.openCurrent(cfg));
      remember(new RebuildJob(job.id(), RebuildJob.State.SUCCEEDED, job.startedAt(), Instant.now().toString(),
          "published " + built.name() + (read.lastReport().skipped().isEmpty() ? ""
              : "; skipped: " + String.join("; ", read.lastReport().skipped())),
          built.name(), built.documents().size(), built.passages(), built.documents().size()));
    } catch (RuntimeException e) {
      LOG.warn("rebuild {} failed: {}", job.id(), e.getMessage());
      remember(new RebuildJob(job.id(), RebuildJob.State.FAILED, job.startedAt(), Instant.now().toString(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null, 0, 0, 0));
    } finally {
      running.set(null);
    }
  }

  public Optional<RebuildJob> job(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  /** Serves the previous generation again; empty when there is none. */
  public Optional<String> rollback() {
    if (running.get() != null) {
      throw new RebuildInProgress(running.get());
    }
    IndexConfig cfg = new ConfigLoader().load(config, ranking);
    Optional<String> previous = store.rollback();
    previous.ifPresent(name -> search.swap(store.openCurrent(cfg)));
    return previous;
  }

  private void remember(RebuildJob job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
      while (jobs.size() > KEPT_JOBS) {
        jobs.remove(jobs.keySet().iterator().next());
      }
    }
  }

  /**
   * Abandons a running rebuild and waits a little for it to clear up its half-built generation; the
   * generation being served is not touched. Whatever is left is removed at the next start.
   */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("the rebuild did not stop within {} s; its folder is removed at the next start", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Uploads of jobs that were queued, never started, and so never cleared their scratch folder.
    deleteQuietly(store.root().resolve(UPLOADS));
  }
}
