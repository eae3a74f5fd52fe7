package passagesearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import passagesearch.config.IndexConfig;
import passagesearch.index.OpenIndex;

/**
 * The seed corpus indexed for real, with the project's configuration, in a folder of its own, and opened: once
 * per test run, shared by every test class that registers it
 * ({@code @RegisterExtension static final SeedIndex SEED = new SeedIndex();}), closed and its folder removed
 * when the run ends. Such classes only read it: they neither close it nor build into its folder.
 */
public final class SeedIndex implements BeforeAllCallback {
  private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(SeedIndex.class);

  private Built built;

  @Override
  public void beforeAll(ExtensionContext context) {
    built = context.getRoot().getStore(SHARED).computeIfAbsent(Built.class, key -> Built.create(), Built.class);
  }

  /** The configuration the index was built with. */
  public IndexConfig config() {
    return built.config();
  }

  /** The open index. */
  public OpenIndex index() {
    return built.index();
  }

  /** One build: the root store closes it after the run's last test. */
  private record Built(Path folder, IndexConfig config, OpenIndex index) implements AutoCloseable {
    static Built create() {
      try {
        Path folder = Files.createTempDirectory("seed-index");
        IndexConfig config = TestSupport.loadConfig();
        return new Built(folder, config, TestSupport.seedIndex(folder.resolve("index"), config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      index.close();
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
