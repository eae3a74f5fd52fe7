package passagesearch.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;

/**
 * Passage vectors kept between builds, keyed by the passage's text, so that a rebuild embeds only the
 * passages whose text is new: embedding is most of a build's time (milliseconds a passage), reading a
 * cached vector microseconds.
 *
 * <p>One file per model ({@code <model>.vectors}) in a folder of the index folder; a record is the first
 * 16 bytes of the text's SHA-256 and the vector's floats, appended as they are computed. The heap holds
 * only a table from key to record (about 24 bytes an entry); vectors are read from the file when asked for.
 * A record cut short by a crash is dropped when the file is next opened. Only a build uses it, under the
 * index folder's lock; after a build, a file that holds more than twice what the build used is rewritten
 * with just those, so it does not grow without end as the corpus changes.
 */
final class VectorCache implements AutoCloseable {
  private static final int KEY_BYTES = 16;

  private final Path file;
  private final int dimensions;
  private final int recordBytes;
  private final FileChannel channel;
  private final java.nio.channels.FileLock lock;
  private final KeyTable table = new KeyTable();
  private final BitSet used = new BitSet();
  private int records;

  private VectorCache(Path file, int dimensions) throws IOException {
    this.file = file;
    this.dimensions = dimensions;
    this.recordBytes = KEY_BYTES + 4 * dimensions;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.lock = lock(channel, file);
    long whole = channel.size() / recordBytes;
    if (whole * recordBytes != channel.size()) {
      channel.truncate(whole * recordBytes); // the tail of a record a crash cut short
    }
    ByteBuffer keys = ByteBuffer.allocate(KEY_BYTES);
    for (int r = 0; r < whole; r++) {
      keys.clear();
      channel.read(keys, (long) r * recordBytes);
      keys.flip();
      table.put(keys.getLong(), keys.getLong(), r);
    }
    records = (int) whole;
  }

  /** How long a build waits for another build that shares the cache folder (several index folders may). */
  private static final long LOCK_PATIENCE_MILLIS = 30 * 60 * 1000L;

  /**
   * The file to itself: two builds sharing a cache folder (the evaluation's indexes, a test run's) take
   * turns, so that neither appends into the other's records.
   */
  private static java.nio.channels.FileLock lock(FileChannel channel, Path file) throws IOException {
    long until = System.currentTimeMillis() + LOCK_PATIENCE_MILLIS;
    while (true) {
      try {
        java.nio.channels.FileLock held = channel.tryLock();
        if (held != null) {
          return held;
        }
      } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
        // Another build of this process holds it: wait as for another process.
      }
      if (System.currentTimeMillis() > until) {
        channel.close();
        throw new IOException("the vector cache " + file + " stayed locked by another build for 30 minutes");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        throw new IOException("interrupted while waiting for the vector cache " + file, e);
      }
    }
  }

  /** The cache of {@code model}'s vectors in {@code folder}, made when missing. */
  static VectorCache open(Path folder, String model, int dimensions) throws IOException {
    Files.createDirectories(folder);
    return new VectorCache(folder.resolve(model + ".vectors"), dimensions);
  }

  /** The vector kept for this text, or null. */
  float[] get(String text) throws IOException {
    long[] key = key(text);
    int record = table.get(key[0], key[1]);
    if (record < 0) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(buffer, (long) record * recordBytes + KEY_BYTES);
    buffer.flip();
    float[] vector = new float[dimensions];
    buffer.asFloatBuffer().get(vector);
    used.set(record);
    return vector;
  }

  /** Keeps a vector for this text. */
  void put(String text, float[] vector) throws IOException {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException("a vector of " + vector.length + " dimensions, not " + dimensions);
    }
    long[] key = key(text);
    if (table.get(key[0], key[1]) >= 0) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.order(ByteOrder.BIG_ENDIAN).putLong(key[0]).putLong(key[1]).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      buffer.putFloat(f);
    }
    buffer.flip();
    long at = (long) records * recordBytes;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    table.put(key[0], key[1], records);
    used.set(records);
    records++;
  }

  /** Records in the file. */
  int size() {
    return records;
  }

  /**
   * Rewrites the file with only the records this build read or wrote, when it holds more than twice as
   * many: the cache follows the corpus instead of growing with every edit ever made.
   */
  void compact() throws IOException {
    int kept = used.cardinality();
    if (records <= 2 * kept + 1_000) {
      return;
    }
    Path next = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer record = ByteBuffer.allocate(recordBytes);
      for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
        record.clear();
        channel.read(record, (long) r * recordBytes);
        record.flip();
        while (record.hasRemaining()) {
          out.write(record);
        }
      }
      out.force(true);
    }
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel.close(); // after the move: the lock is held until the new file is in place
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      channel.close();
    }
  }

  private static long[] key(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.wrap(hash);
      return new long[] {b.getLong(), b.getLong()};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Open addressing from a 128-bit key to a record number, in three arrays: no object per entry. */
  private static final class KeyTable {
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] record = filled(1024);
    private int size;

    int get(long h, long l) {
      int mask = high.length - 1;
      for (int i = slot(h, mask); record[i] >= 0; i = (i + 1) & mask) {
        if (high[i] == h && low[i] == l) {
          return record[i];
        }
      }
      return -1;
    }

    void put(long h, long l, int r) {
      if (2 * (size + 1) > high.length) {
        grow();
      }
      int mask = high.length - 1;
      int i = slot(h, mask);
      while (record[i] >= 0) {
        if (high[i] == h && low[i] == l) {
          record[i] = r;
          return;
        }
        i = (i + 1) & mask;
      }
      high[i] = h;
      low[i] = l;
      record[i] = r;
      size++;
    }

    private void grow() {
      long[] oldHigh = high;
      long[] oldLow = low;
      int[] oldRecord = record;
      high = new long[oldHigh.length * 2];
      low = new long[oldHigh.length * 2];
      record = filled(oldHigh.length * 2);
      size = 0;
      for (int i = 0; i < oldHigh.length; i++) {
        if (oldRecord[i] >= 0) {
          put(oldHigh[i], oldLow[i], oldRecord[i]);
        }
      }
    }

    private static int slot(long h, int mask) {
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private static int[] filled(int n) {
      int[] a = new int[n];
      java.util.Arrays.fill(a, -1);
      return a;
    }
  }
}
