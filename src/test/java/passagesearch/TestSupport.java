package passagesearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.index.OpenIndex;
import passagesearch.index.Pipeline;
import passagesearch.search.SearchService;

/** Paths to the project's real corpus and configuration, and real indexes built from them on disk. */
public final class TestSupport {
  private TestSupport() {}

  public static Path root() {
    return Path.of(System.getProperty("project.root", "")).toAbsolutePath();
  }

  public static Path corpus() {
    return root().resolve("corpus");
  }

  public static Path config() {
    return root().resolve("index-config");
  }

  public static IndexConfig loadConfig() {
    return new ConfigLoader().load(config());
  }

  /**
   * The embedding model, loaded once for the whole test run (each load maps the model anew, and tests
   * build and open dozens of indexes) and never closed: the JVM's end frees it.
   */
  private static final ModelSlot MODELS = ModelSlot.loading(loadConfig().semantic().model());

  /** The test run's embedding model, loaded once. */
  public static ModelSlot models() {
    return MODELS;
  }

  /**
   * The indexing pipeline for {@code indexDir} as the tests use it: the shared model, and passage vectors
   * kept in one cache under target/ so that each passage is embedded once however many indexes are built.
   */
  public static Pipeline pipeline(IndexConfig config, Path indexDir) {
    return new Pipeline(config, indexDir, Pipeline.Sink.NONE, MODELS).withVectorCache(vectorCache());
  }

  /**
   * The project's index-config/ with semantic retrieval off, for commands run as processes over corpora
   * too large to embed in a test (SciFact, a 40,000-document upload, megabyte paragraphs): made once under
   * target/.
   */
  public static synchronized Path lexicalConfig() {
    Path dir = root().resolve("target").resolve("index-config-lexical");
    try {
      if (!Files.isDirectory(dir)) {
        Path next = Files.createTempDirectory(root().resolve("target"), "index-config-lexical");
        copyFiles(config(), next);
        Files.writeString(next.resolve("semantic.yaml"), "enabled: false\n");
        Files.move(next, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // Another test JVM made it first: the same files.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Where the tests keep passage vectors between builds (and between runs). */
  public static Path vectorCache() {
    return root().resolve("target").resolve("vector-cache");
  }

  /**
   * Builds a real index of a corpus folder in {@code indexDir} and opens it for search, by words and
   * meaning: the build waits for the model, so every search of the service is hybrid.
   */
  public static SearchService searchService(Path corpusDir, Path indexDir) {
    Pipeline pipeline = pipeline(loadConfig(), indexDir);
    pipeline.build(corpusDir, false);
    return new SearchService(pipeline.openCurrent(), MODELS);
  }

  /** The seed corpus, indexed for real in {@code indexDir} with {@code config}, and opened. */
  public static OpenIndex seedIndex(Path indexDir, IndexConfig config) {
    Pipeline pipeline = pipeline(config, indexDir);
    pipeline.build(corpus(), false);
    return pipeline.openCurrent();
  }

  /**
   * The seed corpus, indexed for real in {@code indexDir} (with passage vectors), searched by words alone:
   * for tests of what the words of a query mean and match.
   */
  public static SearchService lexicalSeedSearch(Path indexDir) {
    return lexicalSearch(corpus(), indexDir);
  }

  /**
   * A corpus folder indexed for real in {@code indexDir} without passage vectors, searched by words alone:
   * tests of matching, paging and folding, and of corpora too large to embed in a test.
   */
  public static SearchService lexicalSearch(Path corpusDir, Path indexDir) {
    IndexConfig config = loadConfig();
    Pipeline pipeline = pipeline(config.withSemantic(config.semantic().withEnabled(false)), indexDir);
    pipeline.build(corpusDir, false);
    return new SearchService(pipeline.openCurrent());
  }

  /** The seed corpus, indexed for real in {@code indexDir}. */
  public static SearchService seedSearch(Path indexDir) {
    return searchService(corpus(), indexDir);
  }

  /** Copies a folder's regular files (not recursively) into another. */
  public static void copyFiles(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
