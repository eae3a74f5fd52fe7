package passagesearch.cli;

import java.io.PrintWriter;
import passagesearch.embed.EncoderUnavailable;
import passagesearch.embed.ModelSlot;
import passagesearch.index.GenerationInfo;
import passagesearch.index.IndexStore;
import passagesearch.index.Pipeline;
import passagesearch.ingest.ReadReport;
import passagesearch.search.SearchService;

/** The commands' way into the {@link Pipeline}: its notes and a progress bar on standard error, the index opened for search. */
final class Bootstrap {
  /** What a command says when its searches answer by words alone, the model being unavailable; the reason follows. */
  static final String WORDS_ALONE = "warning: searching by words alone: ";

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
    Pipeline pipeline = pipeline(progress());
    try (ModelSlot models = ModelSlot.of(pipeline.config().semantic())) {
      Pipeline.Built built = pipeline.with(models).build(at.corpus, strict);
      return new Rebuilt(built.info(), print(built.report()).skippedTotal());
    }
  }

  /**
   * Opens the index, building it first when there is none or the corpus or configuration changed. Before
   * that, under the index folder's lock, it clears what a crash left (unpublished generations, upload
   * scratch); an index folder that cannot be written is served as it is when it is fresh.
   */
  SearchService open(boolean mayBuild) {
    return open(mayBuild, false);
  }

  /**
   * The same. With {@code waitForModel} (a one-off search) the embedding model starts loading at once, beside
   * the index, and the first answer waits for it. Without (a server), it starts loading when a build needs
   * it or the caller calls {@link ModelSlot#load} (once listening): searches are by words until it is ready.
   */
  SearchService open(boolean mayBuild, boolean waitForModel) {
    Pipeline pipeline = pipeline(IndexStore.Progress.NONE);
    ModelSlot models = waitForModel ? ModelSlot.of(pipeline.config().semantic())
        : ModelSlot.onDemand(pipeline.config().semantic());
    try {
      if (mayBuild) {
        pipeline.with(models).buildIfStale(at.corpus, strict).ifPresent(built -> print(built.report()));
      }
      // Whether the model failed before this point or while waiting for it, the one-off search says so.
      if (waitForModel && models.state() != ModelSlot.State.OFF) {
        try {
          models.await();
        } catch (EncoderUnavailable e) {
          note(WORDS_ALONE + e.getMessage());
        }
      }
      return new SearchService(pipeline.openCurrent(), models);
    } catch (RuntimeException e) {
      models.close();
      throw e;
    }
  }

  private Pipeline pipeline(IndexStore.Progress progress) {
    return Pipeline.configured(at.config, at.ranking, at.index, new Pipeline.Sink(this::note, progress),
        ModelSlot.off("no embedding model given")).withVectorCache(at.vectorCache);
  }

  private void note(String line) {
    err.println(line);
    err.flush();
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
