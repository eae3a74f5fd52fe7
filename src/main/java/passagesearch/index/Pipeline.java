package passagesearch.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.CorpusReader;
import passagesearch.ingest.DocumentSource;
import passagesearch.ingest.ReadReport;
import passagesearch.vectors.PassageVectors;

/**
 * The indexing pipeline, written once: configuration, then the corpus read one document at a time, each
 * document split and tagged into passages ({@link passagesearch.ingest.Ingest}), the passages written into a
 * new index generation ({@link IndexStore#build}), published under the index folder's lock. The
 * {@code index} command, {@code serve}'s start-up and its rebuild jobs, {@code eval} and the tests all
 * build through it.
 *
 * <p>A build holds the folder's lock ({@link IndexLock}) from before it clears what a crash left until its
 * generation is published; it waits for another holder up to {@link #LOCK_PATIENCE}, saying so once.
 */
public final class Pipeline {
  /** How long a build waits for another build or rollback of the same index folder to finish. */
  public static final Duration LOCK_PATIENCE = Duration.ofMinutes(30);

  /** What a build made, and what reading the corpus skipped and warned of. */
  public record Built(GenerationInfo info, ReadReport report) {}

  /**
   * Where a build tells what it does: {@code notes} takes a line for a person (waiting for the lock, why
   * it builds, an index served as it is); {@code progress} follows the documents as they are indexed.
   */
  public record Sink(Consumer<String> notes, IndexStore.Progress progress) {
    public static final Sink NONE = new Sink(note -> { }, IndexStore.Progress.NONE);
  }

  /** Where the vectors of passages embedded by earlier builds are kept, inside the index folder. */
  public static final String VECTOR_CACHE = "vector-cache";

  private final IndexConfig config;
  private final IndexStore store;
  private final Sink sink;
  private final ModelSlot models;
  private final Path vectorCache;

  /**
   * @param models the process's embedding model: a build with semantic retrieval on waits for it and
   *     writes passage vectors; when it cannot load, the build goes on without them and says so
   */
  public Pipeline(IndexConfig config, Path index, Sink sink, ModelSlot models) {
    this(config, index, sink, models, index.resolve(VECTOR_CACHE));
  }

  private Pipeline(IndexConfig config, Path index, Sink sink, ModelSlot models, Path vectorCache) {
    this.config = config;
    this.store = new IndexStore(index);
    this.sink = sink;
    this.models = models;
    this.vectorCache = vectorCache;
  }

  /** The same, loading the configuration folder (and a ranking profile instead of its own, when not null). */
  public static Pipeline configured(Path configDir, Path ranking, Path index, Sink sink, ModelSlot models) {
    return new Pipeline(new ConfigLoader().load(configDir, ranking), index, sink, models);
  }

  /** The same pipeline with another embedding model (the one a server searches with). */
  public Pipeline with(ModelSlot other) {
    return new Pipeline(config, store.root(), sink, other, vectorCache);
  }

  /**
   * The same pipeline keeping passage vectors in another folder: several index folders can share one
   * (the tests, the evaluation runs), each vector computed once. Null: the index folder's own.
   */
  public Pipeline withVectorCache(Path folder) {
    return new Pipeline(config, store.root(), sink, models, folder == null ? store.root().resolve(VECTOR_CACHE) : folder);
  }

  public IndexConfig config() {
    return config;
  }

  public IndexStore store() {
    return store;
  }

  /** The corpus folder as a build walks it: one document at a time, within the configuration's limits. */
  public CorpusFolder corpus(Path corpusDir, boolean strict) {
    return new CorpusReader(config.limits(), strict).folder(corpusDir);
  }

  /**
   * Builds and publishes a new generation of the corpus folder, whatever the state of the index.
   *
   * @param strict fail on the first file or line that cannot be read, instead of skipping it
   */
  public Built build(Path corpusDir, boolean strict) {
    return build(corpus(corpusDir, strict));
  }

  /** The same from any source of documents (a BEIR collection, say). */
  public Built build(DocumentSource corpus) {
    try (IndexLock lock = lock()) {
      store.removeUnpublished(lock);
      return write(corpus);
    }
  }

  /**
   * The same under the lock the caller already holds: a rebuild job holds it from the moment its upload
   * starts arriving. What a crash left is not cleared here (the upload waits in the folder's scratch).
   */
  public Built build(DocumentSource corpus, IndexLock held) {
    if (held == null || !held.root().equals(store.root())) {
      throw new IllegalArgumentException("the lock of " + store.root() + " must be held");
    }
    return write(corpus);
  }

  /**
   * Builds a generation only when there is none, or the corpus or configuration changed since the current
   * one was built (the corpus's fingerprint says so; its documents are read only to build). Under the lock
   * it first clears what a crash left. An index folder that cannot be written is left as it is when it is
   * fresh, with a note saying so; when it is stale, that is an {@link IndexException}.
   *
   * @return what was built; empty when the index was fresh
   */
  public Optional<Built> buildIfStale(Path corpusDir, boolean strict) {
    return buildIfStale(corpus(corpusDir, strict));
  }

  /** The same from any source of documents. */
  public Optional<Built> buildIfStale(DocumentSource corpus) {
    IndexLock lock;
    try {
      lock = lock();
    } catch (IndexException cannotWrite) {
      if (!store.isFresh(corpus.fingerprint(), config)) {
        throw cannotWrite;
      }
      sink.notes().accept("warning: " + cannotWrite.getMessage() + "; serving the index as it is");
      return Optional.empty();
    }
    try (lock) {
      store.removeUnpublished(lock);
      if (store.isFresh(corpus.fingerprint(), config)) {
        return Optional.empty();
      }
      sink.notes().accept(store.current().isPresent()
          ? "The corpus or index-config changed since the index was built: rebuilding."
          : "No index yet in " + store.root() + ": building it.");
      return Optional.of(write(corpus));
    }
  }

  /** Walks the corpus into a new generation, publishes it, and keeps what the walk skipped and warned of. */
  private Built write(DocumentSource corpus) {
    Walked walked = new Walked(corpus);
    try (PassageVectors vectors = vectors()) {
      GenerationInfo info = store.build(walked, config, sink.progress(), vectors);
      return new Built(info, walked.report);
    } catch (java.io.IOException e) {
      throw new IndexException("cannot close the vector cache in " + vectorCache + ": " + StorageErrors.describe(e), e);
    }
  }

  /** Where this build's passage vectors come from ({@link PassageVectors#forBuild}); null for none. */
  private PassageVectors vectors() {
    try {
      // A cache of the index folder's own follows its corpus (compacted after a build); one shared by
      // several index folders holds all their corpora and is never compacted by one of them.
      return PassageVectors.forBuild(config.semantic(), models, vectorCache,
          vectorCache.equals(store.root().resolve(VECTOR_CACHE)), sink.notes());
    } catch (java.io.IOException e) {
      throw new IndexException("cannot open the vector cache in " + vectorCache + ": " + StorageErrors.describe(e), e);
    }
  }

  /** Opens the current generation for searching. */
  public OpenIndex openCurrent() {
    return store.openCurrent(config);
  }

  /** The index folder's lock, waiting up to {@link #LOCK_PATIENCE} for another holder and saying so. */
  private IndexLock lock() {
    return store.lock(LOCK_PATIENCE, () -> sink.notes().accept("Another build or rollback is running in "
        + store.root() + " (it holds " + IndexLock.FILE + "); waiting up to " + LOCK_PATIENCE.toMinutes()
        + " minutes for it to finish."));
  }

  /** A source that keeps what its walk skipped and warned of, for the caller to print or summarise. */
  private static final class Walked implements DocumentSource {
    private final DocumentSource corpus;
    private ReadReport report = new ReadReport(List.of(), 0, List.of(), 0);

    Walked(DocumentSource corpus) {
      this.corpus = corpus;
    }

    @Override
    public String fingerprint() {
      return corpus.fingerprint();
    }

    @Override
    public int expectedDocuments() {
      return corpus.expectedDocuments();
    }

    @Override
    public ReadReport walk(Visitor visitor) {
      report = corpus.walk(visitor);
      return report;
    }
  }
}
