package passagesearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import passagesearch.config.IndexConfig;
import passagesearch.index.OpenIndex;

/**
 * The seed corpus indexed for real, with the project's configuration, in a folder of its own, and opened: once
 * for a test class that registers it ({@code @RegisterExtension static final SeedIndex SEED = new SeedIndex();}),
 * closed and its folder removed after the class's last test.
 */
public final class SeedIndex implements BeforeAllCallback, AfterAllCallback {
  private Path folder;
  private IndexConfig config;
  private OpenIndex index;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    folder = Files.createTempDirectory("seed-index");
    config = TestSupport.loadConfig();
    index = TestSupport.seedIndex(folder.resolve("index"), config);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    index.close();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The configuration the index was built with. */
  public IndexConfig config() {
    return config;
  }

  /** The open index. */
  public OpenIndex index() {
    return index;
  }
}
