package passagesearch.serving;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks a zip's central directory as {@code ZipFile} will, without keeping anything, so that an archive
 * with more entries, or longer names, than are accepted is refused before a reader holds them all in
 * memory (a 32 MB central directory is over a million entries).
 */
final class ZipDirectory {
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int ENTRY = 0x02014b50;
  private static final int ENTRY_BYTES = 46;
  private static final int MAX_NAME_BYTES = 1024;
  private static final long MAX_DIRECTORY_BYTES = 8L * 1024 * 1024;

  private ZipDirectory() {}

  /** Refuses a body that is not a zip, or whose directory lists more than {@code maxEntries} entries. */
  static void check(Path zip, int maxEntries) throws IOException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, 22 + 65_535 + 20);
      ByteBuffer end = read(ch, size - tail, tail);
      int at = -1;
      for (int i = tail - 22; i >= 0; i--) {
        if (end.getInt(i) == EOCD) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        throw new Uploads.BadUpload("the body is not a zip archive (it has no zip directory)");
      }
      long offset = end.getInt(at + 16) & 0xFFFFFFFFL;
      if (at >= 20 && end.getInt(at - 20) == ZIP64_LOCATOR) {
        ByteBuffer z64 = read(ch, end.getLong(at - 20 + 8), 56);
        if (z64.getInt(0) == ZIP64_EOCD) {
          offset = z64.getLong(48);
        }
      }
      int entries = 0;
      long bytes = 0;
      for (long pos = offset; pos + ENTRY_BYTES <= size; ) {
        ByteBuffer entry = read(ch, pos, ENTRY_BYTES);
        if (entry.getInt(0) != ENTRY) {
          break;
        }
        int name = entry.getShort(28) & 0xFFFF;
        if (name > MAX_NAME_BYTES) {
          throw new Uploads.BadUpload("the archive has an entry name longer than " + MAX_NAME_BYTES + " bytes");
        }
        long length = ENTRY_BYTES + name + (entry.getShort(30) & 0xFFFF) + (entry.getShort(32) & 0xFFFF);
        if (++entries > maxEntries) {
          throw new Uploads.BadUpload("the archive holds more than " + maxEntries + " files and folders");
        }
        if ((bytes += length) > MAX_DIRECTORY_BYTES) {
          throw new Uploads.BadUpload("the archive's directory is larger than " + MAX_DIRECTORY_BYTES + " bytes");
        }
        pos += length;
      }
    } catch (EOFException | IllegalArgumentException e) {
      throw new Uploads.BadUpload("the body is not a zip archive (its directory is cut short)");
    }
  }

  private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
    if (position < 0 || position + length > ch.size()) {
      throw new EOFException();
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (ch.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException();
      }
    }
    return buffer.flip();
  }
}
