package passagesearch.embed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
  @TempDir Path tmp;

  @Test
  void onlyOldEmptyFoldersOfTheRuntimeAreRemoved() throws Exception {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofMinutes(5)));
    Path abandoned = Files.createDirectory(tmp.resolve("onnxruntime-java111"));
    Path fresh = Files.createDirectory(tmp.resolve("onnxruntime-java222"));
    Path full = Files.createDirectory(tmp.resolve("onnxruntime-java333"));
    Files.writeString(full.resolve("libonnxruntime.so"), "a library being written");
    Path other = Files.createDirectory(tmp.resolve("something-else"));
    for (Path p : new Path[] {abandoned, full, other}) {
      Files.setLastModifiedTime(p, old);
    }
    NativeLibraries.removeAbandoned(tmp, NativeLibraries.ABANDONED_AFTER);
    assertFalse(Files.exists(abandoned), "an empty folder five minutes old");
    assertTrue(Files.exists(fresh), "an empty folder just made: another process may be about to fill it");
    assertTrue(Files.exists(full), "a folder with files");
    assertTrue(Files.exists(other), "not the runtime's");
  }
}
