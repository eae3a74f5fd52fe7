package passagesearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
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

  /** Builds a real index of a corpus folder in {@code indexDir} and opens it for search. */
  public static SearchService searchService(Path corpusDir, Path indexDir) {
    Pipeline pipeline = new Pipeline(loadConfig(), indexDir, Pipeline.Sink.NONE);
    pipeline.build(corpusDir, false);
    return new SearchService(pipeline.openCurrent());
  }

  /** The seed corpus, indexed for real in {@code indexDir} with {@code config}, and opened. */
  public static OpenIndex seedIndex(Path indexDir, IndexConfig config) {
    Pipeline pipeline = new Pipeline(config, indexDir, Pipeline.Sink.NONE);
    pipeline.build(corpus(), false);
    return pipeline.openCurrent();
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
