package passagesearch.embed;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ONNX Runtime's environment, its native libraries unpacked into a folder of this process's own and removed
 * as soon as they are loaded. Left to itself, ONNX Runtime 1.20 unpacks its two libraries (16 MB on Linux
 * x64) into a new {@code onnxruntime-java*} folder of the temporary folder at every load and never removes it:
 * every start of a server, every {@code index}, {@code search} and {@code eval} left 16 MB behind, until
 * the disk filled. It reads them from the folder the system property {@value #PROPERTY} names, when one is
 * set; a folder someone set there is used as it is. It still makes an empty folder of its own, removed at exit,
 * which a server stopped by {@code halt} never reaches: such folders, once a minute old, are removed by the
 * next load ({@link #removeAbandoned}).
 */
final class NativeLibraries {
  static final String PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
  /** How long an empty folder of ONNX Runtime's must have been untouched before it is taken for abandoned. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

  private NativeLibraries() {}

  /** The environment; its libraries are unpacked for the first load in this process only. */
  static OrtEnvironment environment() {
    synchronized (NativeLibraries.class) {
      if (System.getProperty(PROPERTY) != null) {
        return OrtEnvironment.getEnvironment(); // loaded already, or from a folder the user chose
      }
      Path folder = unpacked();
      if (folder == null) {
        return OrtEnvironment.getEnvironment(); // not in this jar for this platform: ONNX Runtime's own search
      }
      try {
        System.setProperty(PROPERTY, folder.toString());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        removeAbandoned(folder.getParent(), ABANDONED_AFTER);
        return environment;
      } catch (LinkageError | RuntimeException e) {
        System.clearProperty(PROPERTY); // the folder goes: a later try takes ONNX Runtime's own way
        throw e;
      } finally {
        // Loaded libraries stay mapped once their files are gone.
        removeQuietly(folder);
      }
    }
  }

  /**
   * Removes ONNX Runtime's own empty folders ({@code onnxruntime-java*}) left in the temporary folder by
   * processes stopped before their exit hooks ran: at most one a server start, but one a test's server too.
   * Only folders empty and untouched for {@code age}: a runtime loading elsewhere fills its folder within
   * moments of making it, so an older empty one is nobody's.
   */
  static void removeAbandoned(Path temporary, Duration age) {
    FileTime before = FileTime.from(Instant.now().minus(age));
    try (var folders = Files.newDirectoryStream(temporary, "onnxruntime-java*")) {
      for (Path folder : folders) {
        try {
          if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
              && Files.getLastModifiedTime(folder).compareTo(before) < 0) {
            Files.delete(folder); // refused when not empty: it is left as it is
          }
        } catch (IOException e) {
          // Not empty, not ours to remove, or gone meanwhile.
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning is a courtesy: a temporary folder that cannot be listed stays as it is.
    }
  }

  /** A new private folder holding this platform's libraries from the jar; null when the jar has none. */
  private static Path unpacked() {
    List<String> resources = new ArrayList<>();
    for (String library : LIBRARIES) {
      String resource = "ai/onnxruntime/native/" + platform() + "/" + fileName(library);
      if (NativeLibraries.class.getClassLoader().getResource(resource) == null) {
        return null;
      }
      resources.add(resource);
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("passage-search-onnxruntime");
      for (String resource : resources) {
        try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(resource)) {
          Files.copy(in, folder.resolve(resource.substring(resource.lastIndexOf('/') + 1)));
        }
      }
      return folder;
    } catch (IOException e) {
      removeQuietly(folder);
      return null; // ONNX Runtime tries its own way, and says why if that fails too
    }
  }

  /** The platform as ONNX Runtime names its folders in the jar: linux-x64, osx-aarch64, ... */
  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
    String machine = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64" : arch;
    return system + "-" + machine;
  }

  private static String fileName(String library) {
    return System.mapLibraryName(library).replace("jnilib", "dylib");
  }

  private static void removeQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // What is left is in the temporary folder, whose cleaning takes it.
    }
  }
}
