package passagesearch.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The model's graph as a file for ONNX Runtime to read: a copy in the temporary folder, deleted once the session
 * has read it. ONNX Runtime reads the graph from a file into its own (native) memory; read from the jar into the
 * heap, the 23 to 34 MB graph would take a large share of a 128 MB heap for the moment it is loaded. A process
 * stopped while it copies or reads (a server stopped during start-up: {@code halt} runs no {@code finally}
 * of another thread) left its copy behind, up to 34 MB each time; so each copy is named after its process, and
 * the copies of processes no longer running are deleted before a new one is made.
 */
final class ModelFile implements AutoCloseable {
  private static final String PREFIX = "passage-search-model-";
  private static final String SUFFIX = ".onnx";

  private final Path file;

  private ModelFile(Path file) {
    this.file = file;
  }

  /** A copy of the graph; close it once the session is created. */
  static ModelFile copy(InputStream graph) throws IOException {
    Path folder = Path.of(System.getProperty("java.io.tmpdir"));
    removeOrphans(folder);
    Path file = Files.createTempFile(folder, PREFIX + ProcessHandle.current().pid() + "-", SUFFIX);
    try {
      Files.copy(graph, file, StandardCopyOption.REPLACE_EXISTING);
      return new ModelFile(file);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  Path path() {
    return file;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover copy: the next load in any process deletes it once this one has ended.
    }
  }

  /** Deletes the copies whose process has ended. */
  static void removeOrphans(Path folder) {
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
      for (Path copy : copies) {
        long pid = owner(copy.getFileName().toString());
        if (pid > 0 && ProcessHandle.of(pid).isEmpty()) {
          Files.deleteIfExists(copy);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning is a courtesy: a folder that cannot be listed or a copy that cannot be deleted stays as it is.
    }
  }

  /** The process a copy's name gives; -1 when the name gives none. */
  static long owner(String name) {
    int start = PREFIX.length();
    int end = name.indexOf('-', start);
    if (!name.startsWith(PREFIX) || end < 0) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(start, end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
