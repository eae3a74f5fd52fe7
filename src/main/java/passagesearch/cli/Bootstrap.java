package passagesearch.cli;

import java.io.PrintWriter;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.index.IndexStore;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.ingest.ReadReport;
import passagesearch.search.SearchService;

/** Loads configuration and corpus, builds the index when it is missing or stale, opens it for search. */
final class Bootstrap {
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

  /** Builds a new generation whatever the state of the index. */
  Rebuilt rebuild() {
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    CorpusFolder corpus = new CorpusReader(config.limits(), strict).folder(at.corpus);
    IndexStore store = new IndexStore(at.index);
    store.removeUnpublished();
    GenerationInfo info = store.build(corpus, config, progress());
    return new Rebuilt(info, print(corpus.lastReport()).skippedTotal());
  }

  /** Opens the index, building it first when there is none or the corpus or configuration changed. */
  SearchService open(boolean mayBuild) {
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    IndexStore store = new IndexStore(at.index);
    if (mayBuild) {
      store.removeUnpublished();
      // The corpus's fingerprint says whether the index is fresh; its documents are read only to rebuild.
      CorpusFolder corpus = new CorpusReader(config.limits(), strict).folder(at.corpus);
      if (!store.isFresh(corpus.fingerprint(), config)) {
        err.println(store.current().isPresent()
            ? "The corpus or index-config changed since the index was built: rebuilding."
            : "No index yet in " + store.root() + ": building it.");
        err.flush();
        store.build(corpus, config);
        print(corpus.lastReport());
      }
    }
    return new SearchService(store.openCurrent(config));
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
