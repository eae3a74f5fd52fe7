package passagesearch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.index.IndexException;
import passagesearch.index.IndexLock;
import passagesearch.index.IndexStore;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.ingest.ReadReport;
import passagesearch.search.SearchService;

/** Loads configuration and corpus, builds the index when it is missing or stale, opens it for search. */
final class Bootstrap {
  /** How long {@code index} and {@code serve} wait for another build of the same index folder to finish. */
  static final Duration LOCK_PATIENCE = Duration.ofMinutes(30);

  private final Locations at;
  private final PrintWriter err;
  private final boolean strict;

  Bootstrap(Locations at, PrintWriter err) {
    this(at, err, false);
  }

  Bootstrap(Locations at, PrintWriter err, boolean strict) {
    this.at = at;
    this.err = err;
    this.strict = strict;
  }

  /** What a rebuild made, and what it could not read. */
  record Rebuilt(GenerationInfo info, int skipped) {}

  /**
   * Builds a new generation whatever the state of the index. Waits, saying so, while another build or
   * rollback holds the index folder (a server rebuilding, say): its half-built generation is its own.
   */
  Rebuilt rebuild() {
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    CorpusFolder corpus = new CorpusReader(config.limits(), strict).folder(at.corpus);
    IndexStore store = new IndexStore(at.index);
    try (IndexLock lock = lock(store)) {
      store.removeUnpublished(lock);
      GenerationInfo info = store.build(corpus, config, progress());
      return new Rebuilt(info, print(corpus.lastReport()).skippedTotal());
    }
  }

  /**
   * Opens the index, building it first when there is none or the corpus or configuration changed. Before
   * that, under the index folder's lock, it clears what a crash left (unpublished generations, upload
   * scratch); an index folder that cannot be written is served as it is when it is fresh.
   */
  SearchService open(boolean mayBuild) {
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    IndexStore store = new IndexStore(at.index);
    if (mayBuild) {
      CorpusFolder corpus = new CorpusReader(config.limits(), strict).folder(at.corpus);
      IndexLock lock;
      try {
        lock = lock(store);
      } catch (IndexException cannotWrite) {
        if (!store.isFresh(corpus.fingerprint(), config)) {
          throw cannotWrite;
        }
        err.println("warning: " + cannotWrite.getMessage() + "; serving the index as it is");
        err.flush();
        return new SearchService(store.openCurrent(config));
      }
      try (lock) {
        store.removeUnpublished(lock);
        // The corpus's fingerprint says whether the index is fresh; its documents are read only to rebuild.
        if (!store.isFresh(corpus.fingerprint(), config)) {
          err.println(store.current().isPresent()
              ? "The corpus or index-config changed since the index was built: rebuilding."
              : "No index yet in " + store.root() + ": building it.");
          err.flush();
          store.build(corpus, config);
          print(corpus.lastReport());
        }
      }
    }
    return new SearchService(store.openCurrent(config));
  }

  /** The index folder's lock, waiting up to {@link #LOCK_PATIENCE} for another holder and saying so. */
  private IndexLock lock(IndexStore store) {
    return store.lock(LOCK_PATIENCE, () -> {
      err.println("Another build or rollback is running in " + store.root() + " (it holds " + IndexLock.FILE
          + "); waiting up to " + LOCK_PATIENCE.toMinutes() + " minutes for it to finish.");
      err.flush();
    });
  }

  /** A progress line on a terminal (documents and passages per second, time left); nothing otherwise. */
  private IndexStore.Progress progress() {
    if (System.console() == null) {
      return IndexStore.Progress.NONE;
    }
    long started = System.nanoTime();
    long[] lastPrint = {0};
    return (done, total, passages) -> {
      long now = System.nanoTime();
      if (now - lastPrint[0] < 200_000_000L && done < total) {
        return;
      }
      lastPrint[0] = now;
      double seconds = Math.max(1e-3, (now - started) / 1e9);
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) width * done / total);
      double left = done == 0 ? 0 : seconds * (total - done) / done;
      err.printf("\r[%s%s] %d/%d documents, %.0f docs/s, %.0f passages/s, %.0f s left ",
          "#".repeat(filled), " ".repeat(width - filled), done, total, done / seconds, passages / seconds, left);
      if (done == total) {
        err.println();
      }
      err.flush();
    };
  }

  private ReadReport print(ReadReport report) {
    report.warnings().forEach(w -> err.println("warning: " + w));
    report.skipped().forEach(w -> err.println("skipped: " + w));
    err.flush();
    return report;
  }
}
