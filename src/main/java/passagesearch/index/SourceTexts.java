package passagesearch.index;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The source text of every document of a generation, so a passage can be shown in place: written while
 * the generation is built, one document at a time, and read back one document at a time.
 *
 * <p>Two append-only files. {@code sources.bin} holds each document's text as UTF-8, deflated on its own
 * (a four-byte length, then the deflated bytes); {@code sources.offsets} holds where each document's block
 * starts, a big-endian long for each in corpus order, and one more for the end. Opening a passage in context
 * reads two longs and one block: neither side ever holds more than one document. (A stored field on a
 * Lucene document would have put a non-passage document among the passages every search, count and facet
 * reads; one file per document would be tens of thousands of small files per generation.)
 */
final class SourceTexts {
  static final String TEXTS = "sources.bin";
  static final String OFFSETS = "sources.offsets";

  private SourceTexts() {}

  /** Writes the texts of one generation, in corpus order. */
  static final class Writer implements Closeable {
    private final DataOutputStream texts;
    private final DataOutputStream offsets;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final byte[] buffer = new byte[1 << 16];
    private long position;

    Writer(Path dir) throws IOException {
      this.texts = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(TEXTS)), 1 << 16));
      this.offsets = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(OFFSETS))));
      offsets.writeLong(0);
    }

    void add(String text) throws IOException {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      texts.writeInt(utf8.length);
      position += Integer.BYTES;
      deflater.reset();
      deflater.setInput(utf8);
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        texts.write(buffer, 0, n);
        position += n;
      }
      offsets.writeLong(position);
    }

    @Override
    public void close() throws IOException {
      deflater.end();
      try (OutputStream a = texts; OutputStream b = offsets) {
        a.flush();
        b.flush();
      }
    }
  }

  static boolean exist(Path dir) {
    return Files.isRegularFile(dir.resolve(OFFSETS)) && Files.isRegularFile(dir.resolve(TEXTS));
  }

  /** The text of the document at {@code position} (its place in corpus order). */
  static String read(Path dir, int position) throws IOException {
    ByteBuffer bounds = ByteBuffer.allocate(2 * Long.BYTES);
    try (FileChannel offsets = FileChannel.open(dir.resolve(OFFSETS), StandardOpenOption.READ)) {
      readFully(offsets, bounds, (long) position * Long.BYTES);
    }
    long start = bounds.getLong(0);
    long end = bounds.getLong(Long.BYTES);
    ByteBuffer block = ByteBuffer.allocate(Math.toIntExact(end - start));
    try (FileChannel texts = FileChannel.open(dir.resolve(TEXTS), StandardOpenOption.READ)) {
      readFully(texts, block, start);
    }
    byte[] utf8 = new byte[block.getInt(0)];
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(block.array(), Integer.BYTES, block.capacity() - Integer.BYTES);
      int n = 0;
      while (n < utf8.length && !inflater.finished()) {
        int got = inflater.inflate(utf8, n, utf8.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != utf8.length) {
        throw new IOException(TEXTS + ": the text at " + start + " is cut short");
      }
    } catch (DataFormatException e) {
      throw new IOException(TEXTS + ": the text at " + start + " is damaged", e);
    } finally {
      inflater.end();
    }
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      int n = channel.read(into, at + into.position());
      if (n < 0) {
        throw new IOException("unexpected end of " + channel);
      }
    }
  }
}
