package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk failures in words, where the JDK's message is only a path or nothing. */
class StorageErrorsTest {
  @TempDir Path tmp;

  @Test
  void aMissingFileSaysSoNotOnlyItsPath() {
    Path missing = tmp.resolve("gone/generation.json");
    IOException e = assertThrows(IOException.class, () -> Files.readString(missing));
    assertEquals("no such file or folder: " + missing, StorageErrors.describe(e));
  }

  @Test
  void aDeniedWriteSaysPermissionDenied() {
    // Made, not provoked: tests may run as root, whom permissions do not stop.
    assertEquals("permission denied: /data/index/gen-000002",
        StorageErrors.describe(new AccessDeniedException("/data/index/gen-000002")));
  }

  @Test
  void aReasonTheSystemGaveIsKeptWithItsFile() {
    assertEquals("/data/index: Read-only file system",
        StorageErrors.describe(new FileSystemException("/data/index", null, "Read-only file system")));
    assertEquals("No space left on device", StorageErrors.describe(new IOException("No space left on device")));
  }

  @Test
  void anInterruptedWriteSaysTheServerIsStopping() {
    assertEquals("interrupted (the server is stopping)",
        StorageErrors.describe(new java.nio.channels.ClosedByInterruptException()));
  }
}
