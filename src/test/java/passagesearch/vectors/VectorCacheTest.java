package passagesearch.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {
  @TempDir Path dir;

  private static float[] vector(float seed) {
    float[] v = new float[8];
    for (int i = 0; i < v.length; i++) {
      v[i] = seed + i / 10f;
    }
    return v;
  }

  @Test
  void keepsVectorsByTextAcrossOpenings() throws Exception {
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertNull(cache.get("a passage"));
      cache.put("a passage", vector(1));
      cache.put("another passage", vector(2));
      assertArrayEquals(vector(1), cache.get("a passage"));
    }
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertEquals(2, cache.size());
      assertArrayEquals(vector(2), cache.get("another passage"));
      assertNull(cache.get("a passage, edited"));
    }
  }

  @Test
  void aRecordCutShortByACrashIsDropped() throws Exception {
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      cache.put("whole", vector(1));
      cache.put("cut", vector(2));
    }
    Path file = dir.resolve("m.vectors");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(file) - 5);
    }
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertEquals(1, cache.size());
      assertArrayEquals(vector(1), cache.get("whole"));
      assertNull(cache.get("cut"));
      cache.put("cut", vector(3)); // appended after the whole records, not after the cut tail
    }
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertArrayEquals(vector(3), cache.get("cut"));
    }
  }

  @Test
  void compactionKeepsOnlyWhatTheLastBuildUsed() throws Exception {
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      for (int i = 0; i < 3_000; i++) {
        cache.put("old text " + i, vector(i));
      }
    }
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertArrayEquals(vector(7), cache.get("old text 7"));
      cache.put("new text", vector(9));
      cache.compact();
    }
    try (VectorCache cache = VectorCache.open(dir, "m", 8)) {
      assertEquals(2, cache.size());
      assertArrayEquals(vector(7), cache.get("old text 7"));
      assertArrayEquals(vector(9), cache.get("new text"));
      assertNull(cache.get("old text 8"));
    }
  }
}
