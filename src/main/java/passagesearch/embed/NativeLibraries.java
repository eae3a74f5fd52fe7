package passagesearch.embed;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ONNX Runtime's environment, its native libraries unpacked into a folder of this process's own and removed
 * as soon as they are loaded. Left to itself, ONNX Runtime 1.20 unpacks its two libraries (16 MB on Linux
 * x64) into a new {@code onnxruntime-java*} folder of the temporary folder at every load and never removes it:
 * every start of a server, every {@code index}, {@code search} and {@code eval} left 16 MB behind, until
 * the disk filled. It reads them from the folder the system property {@value #PROPERTY} names, when one is
 * set; a folder someone set there is used as it is. (It still makes an empty folder of its own, removed at
 * exit; a server stopped by {@code halt} leaves that empty folder behind.)
 */
final class NativeLibraries {
  static final String PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

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
        return OrtEnvironment.getEnvironment();
      } catch (LinkageError | RuntimeException e) {
        System.clearProperty(PROPERTY); // the folder goes: a later try takes ONNX Runtime's own way
        throw e;
      } finally {
        // Loaded libraries stay mapped once their files are gone.
        removeQuietly(folder);
      }
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
