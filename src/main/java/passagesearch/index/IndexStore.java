package passagesearch.index;

import passagesearch.vectors.PassageVectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passagesearch.config.IndexConfig;
import passagesearch.ingest.Corpus;
import passagesearch.ingest.CorpusException;
import passagesearch.ingest.DocumentSource;

/**
 * The index folder: one sub-folder per generation ({@code gen-000001}, ...) and a file {@code CURRENT}
 * naming the generation being served.
 *
 * <p>A build writes a new generation beside the others, commits it, writes its {@code generation.json},
 * and only then replaces {@code CURRENT} with an atomic rename. A crash at any point before that rename
 * leaves {@code CURRENT} naming the last good generation; {@link #removeUnpublished()} clears what the
 * crash left. The previous generation is kept for rollback; older ones are removed.
 *
 * <p>Builds, rollbacks and clean-ups hold the folder's lock ({@link #lock()}, {@link IndexLock}), across
 * processes: callers take it around {@code build}; {@link #rollback} and {@link #removeUnpublished(IndexLock)}
 * ask for it. So two builders never pick the same generation name, and none removes another's half-built one.
 */
public final class IndexStore {
  public static final String CURRENT = "CURRENT";
  static final String INFO_FILE = "generation.json";
  /** Where generations written before {@link SourceTexts} kept their sources' text, all in one file. */
  static final String SOURCES_FILE = "sources.json";
  private static final String PREFIX = "gen-";
  private static final String SCRATCH = "uploads";
  private static final long LOCK_POLL_MILLIS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

  private final Path root;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public IndexStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The generation {@code CURRENT} names, if there is a complete one. */
  public Optional<GenerationInfo> current() {
    Optional<String> name = publishedName();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path info = root.resolve(name.get()).resolve(INFO_FILE);
    try {
      return Files.isRegularFile(info) ? Optional.of(GenerationInfoFile.read(json, info)) : Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read the current generation of {}: {}", root, e.getMessage());
      return Optional.empty();
    }
  }

  /** The name {@code CURRENT} holds now, complete or not; empty when it is missing or holds no generation name. */
  public Optional<String> publishedName() {
    return publishedName(root);
  }

  static Optional<String> publishedName(Path root) {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      return name.matches(PREFIX + "\\d{6}") ? Optional.of(name) : Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", pointer, e.getMessage());
      return Optional.empty();
    }
  }

  /** Where uploaded corpora are unpacked while they are indexed: a scratch folder nothing else uses. */
  public Path scratch() {
    return root.resolve(SCRATCH);
  }

  /**
   * Takes the index folder's lock now (see {@link IndexLock}); builds, rollbacks and clean-ups hold it.
   *
   * @throws IndexBusy when another holder has it
   * @throws IndexException when the folder cannot be written, saying why
   */
  public IndexLock lock() {
    return lock(java.time.Duration.ZERO, () -> { });
  }

  /**
   * The same, waiting up to {@code patience} for another holder to finish; {@code waiting} runs once, when
   * it first has to wait.
   */
  public IndexLock lock(java.time.Duration patience, Runnable waiting) {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean told = false;
    while (true) {
      IndexLock lock;
      try {
        lock = IndexLock.tryTake(root);
      } catch (IOException e) {
        throw new IndexException("cannot lock the index folder " + root + ": " + StorageErrors.describe(e), e);
      }
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IndexBusy(root);
      }
      if (!told) {
        waiting.run();
        told = true;
      }
      try {
        Thread.sleep(LOCK_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexBusy(root);
      }
    }
  }

  /** Whether the current generation was built from this corpus with this configuration and layout. */
  public boolean isFresh(Corpus corpus, IndexConfig config) {
    return isFresh(corpus.fingerprint(), config);
  }

  /** The same, from the corpus's fingerprint alone. */
  public boolean isFresh(String corpusFingerprint, IndexConfig config) {
    return current()
        .filter(g -> g.corpusFingerprint().equals(corpusFingerprint))
        .filter(g -> g.configFingerprint().equals(config.fingerprint()))
        .filter(g -> g.layout() == PassageDocuments.LAYOUT)
        .isPresent();
  }

  /** Progress of a build: documents done of all, passages so far. */
  @FunctionalInterface
  public interface Progress {
    void update(int documentsDone, int documentsTotal, int passagesSoFar);

    Progress NONE = (done, total, passages) -> { };
  }

  /** Builds a new generation from the corpus, publishes it, and returns what it holds. */
  public GenerationInfo build(DocumentSource corpus, IndexConfig config) {
    return build(corpus, config, Progress.NONE, null);
  }

  /**
   * The same, reporting progress after each document. The corpus is walked once, one document at a time
   * ({@link GenerationWriter}); the generation is then described, verified, published, and the
   * generations no longer needed pruned.
   */
  GenerationInfo build(DocumentSource corpus, IndexConfig config, Progress progress, PassageVectors vectors) {
    long started = System.nanoTime();
    String name = nextName();
    Path dir = root.resolve(name);
    boolean published = false;
    try {
      // Taken before the walk: a file changed while it is read makes the generation stale, never wrongly fresh.
      String fingerprint = corpus.fingerprint();
      Files.createDirectories(dir);
      GenerationWriter.Written written = GenerationWriter.write(dir, corpus, config, progress, vectors);
      GenerationInfo info = new GenerationInfo(
          name, Instant.now().toString(), fingerprint, config.fingerprint(), written.documents(),
          written.passages(), (System.nanoTime() - started) / 1_000_000, PassageDocuments.LAYOUT,
          vectors == null ? null : vectors.model());
      json.writeValue(dir.resolve(INFO_FILE).toFile(), info);
      try (OpenIndex check = open(info, config)) {
        check.verify();
      }
      String previous = current().map(GenerationInfo::name).orElse(null);
      publish(name);
      published = true;
      removeOld(name, previous);
      LOG.info("built {}: {} documents, {} passages in {} ms{}", name, info.documents().size(), info.passages(),
          info.buildMillis(), vectors == null ? "" : String.format(" (vectors: %,d embedded by %s, %,d from the cache)",
              vectors.embedded(), vectors.model(), vectors.reused()));
      return info;
    } catch (IOException | RuntimeException e) {
      if (!published) { // once published, the folder is the one being served: never remove it
        deleteQuietly(dir);
        deleteQuietly(root.resolve(CURRENT + ".tmp"));
      }
      if (e instanceof IndexException || e instanceof CorpusException) {
        throw (RuntimeException) e;
      }
      throw new IndexException("cannot build a new index generation in " + root + ": " + StorageErrors.describe(e), e);
    }
  }

  /** Opens the current generation for searching. */
  public OpenIndex openCurrent(IndexConfig config) {
    GenerationInfo info = current().orElseThrow(() -> new IndexException("no index has been built in " + root));
    return open(info, config);
  }

  private OpenIndex open(GenerationInfo info, IndexConfig config) {
    if (info.layout() != PassageDocuments.LAYOUT) {
      throw new IndexException("index generation " + info.name() + " was written by an older version of "
          + "passage-search; build a new one with the index command");
    }
    try {
      return OpenIndex.open(root.resolve(info.name()), info, analyzers(config), config);
    } catch (IOException e) {
      throw new IndexException("cannot open index generation " + info.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Publishes the complete generation before the current one, making it current, and returns it opened
   * for searching. It is opened and checked (it has passages, a lookup by id answers) before {@code CURRENT}
   * changes, so a rollback that fails changes nothing. The generation rolled back from is kept, so a later
   * build still numbers after it.
   *
   * @param held the index folder's lock, held by the caller until it serves what this returns
   * @throws NoRollback when there is no previous generation, or it cannot be served, saying why
   * @throws IndexException when {@code CURRENT} cannot be written (a full or read-only disk), saying why
   */
  public OpenIndex rollback(IndexLock held, IndexConfig config) {
    requireHeld(held);
    String current = publishedName().orElseThrow(() -> new NoRollback("no generation is published in " + root));
    String previous = generations().stream()
        .map(p -> p.getFileName().toString())
        .filter(name -> name.compareTo(current) < 0)
        .filter(name -> Files.isRegularFile(root.resolve(name).resolve(INFO_FILE)))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new NoRollback("there is no previous generation to roll back to"));
    OpenIndex opened = null;
    try {
      GenerationInfo info = GenerationInfoFile.read(json, root.resolve(previous).resolve(INFO_FILE));
      opened = open(info, config);
      opened.verify();
    } catch (IOException | RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      String why = e instanceof IOException io ? StorageErrors.describe(io) : e.getMessage();
      throw new NoRollback("the previous generation " + previous + " cannot be served, so " + current
          + " stays: " + why, e);
    }
    try {
      publish(previous);
    } catch (IOException e) {
      opened.close();
      throw new IndexException("rollback to " + previous + " failed, " + current + " stays: cannot write "
          + root.resolve(CURRENT) + ": " + StorageErrors.describe(e), e);
    }
    LOG.info("rolled back from {} to {}", current, previous);
    return opened;
  }

  /**
   * Removes what a crashed or failed build left, when no build runs: generation folders that were never
   * published, temporary pointer files, and upload scratch. Does nothing, and says so, while another
   * holder has the index folder's lock: what it is building is not left over.
   */
  public void removeUnpublished() {
    IndexLock held;
    try {
      held = lock();
    } catch (IndexBusy busy) {
      LOG.info("not clearing leftovers: {}", busy.getMessage());
      return;
    }
    try (held) {
      removeUnpublished(held);
    }
  }

  /** The same, under the lock the caller holds. */
  public void removeUnpublished(IndexLock held) {
    requireHeld(held);
    String current = publishedName().orElse(null);
    for (Path dir : generations()) {
      String name = dir.getFileName().toString();
      if (!name.equals(current) && !Files.isRegularFile(dir.resolve(INFO_FILE))) {
        LOG.warn("removing unpublished generation {}", name);
        deleteQuietly(dir);
      }
    }
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.list(root)) {
        for (Path p : s.filter(p -> p.getFileName().toString().matches(CURRENT + "\\..*tmp")).toList()) {
          LOG.warn("removing {}, left by a publish that did not finish", p.getFileName());
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        LOG.warn("could not clear temporary files in {}: {}", root, e.getMessage());
      }
    }
    if (Files.exists(scratch())) {
      LOG.warn("removing upload scratch left by a stopped rebuild: {}", scratch());
      deleteQuietly(scratch());
    }
  }

  private void requireHeld(IndexLock held) {
    if (held == null || !held.root().equals(root)) {
      throw new IllegalArgumentException("the lock of " + root + " must be held");
    }
  }

  public static PassageAnalyzer.Set analyzers(IndexConfig config) {
    return PassageAnalyzer.build(config.tags().acronyms(), config.vocabulary());
  }

  /** Fields get the index chain; the spelling vocabulary comes as words already made ({@link WordsField}). */
  static Analyzer writerAnalyzer(IndexConfig config) {
    return analyzers(config).index();
  }

  private String nextName() {
    int max = generations().stream()
        .map(p -> p.getFileName().toString().substring(PREFIX.length()))
        .mapToInt(Integer::parseInt)
        .max()
        .orElse(0);
    return PREFIX + String.format("%06d", max + 1);
  }

  private List<Path> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{6}"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IndexException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Points {@code CURRENT} at {@code name} by an atomic rename of a temporary file with a name of its own,
   * so writers never share one; the temporary file is gone afterwards, whatever happened.
   */
  private void publish(String name) throws IOException {
    Path tmp = root.resolve(CURRENT + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
      try {
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        LOG.warn("could not remove {}: {}", tmp, e.getMessage());
      }
    }
  }

  /**
   * Keeps the published generation and the one served before it (for rollback); removes the rest. After
   * a rollback, the one served before is not the newest older one, so it is named, not guessed.
   */
  private void removeOld(String published, String previous) {
    for (Path p : generations()) {
      String name = p.getFileName().toString();
      if (!name.equals(published) && !name.equals(previous) && Files.isRegularFile(p.resolve(INFO_FILE))) {
        deleteQuietly(p);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.getMessage());
    }
  }
}
