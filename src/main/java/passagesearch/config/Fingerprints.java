package passagesearch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** SHA-256 over the names and bytes of every regular file in a folder, so a change to any is seen. */
public final class Fingerprints {
  private Fingerprints() {}

  public static String ofFolder(Path folder) {
    return ofFolder(folder, Set.of());
  }

  /** The same, leaving out files with these names. */
  public static String ofFolder(Path folder, Set<String> leaveOut) {
    MessageDigest digest = sha256();
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> sorted = files.filter(Files::isRegularFile)
          .filter(f -> !leaveOut.contains(f.getFileName().toString()))
          .sorted()
          .toList();
      for (Path file : sorted) {
        digest.update(folder.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        // Streamed: a corpus file may be larger than the heap a server runs with.
        try (java.io.InputStream in = Files.newInputStream(file)) {
          byte[] buffer = new byte[1 << 16];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
          }
        }
        digest.update((byte) 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
