package passagesearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, one at a time, never holding more than {@code max} bytes of one: the rest
 * of a longer line is read past and counted, not kept. Lines end at {@code \n}; a {@code \r} before it is
 * dropped, and so is a UTF-8 byte-order mark at the start of the stream.
 */
final class BoundedLines {
  private final InputStream in;
  private final int max;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[1 << 12];
  private int length;
  private long fullLength;
  private int number;
  private boolean atStart = true;

  BoundedLines(InputStream in, int max) {
    this.in = in;
    this.max = max;
  }

  /** Reads the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    if (!fill()) {
      return false;
    }
    if (atStart) {
      atStart = false;
      skipByteOrderMark();
    }
    number++;
    while (fill()) {
      int from = chunkPos;
      int end = from;
      while (end < chunkLen && chunk[end] != '\n') {
        end++;
      }
      keep(from, end);
      chunkPos = end;
      if (end < chunkLen) {
        chunkPos++; // past the \n
        break;
      }
    }
    if (length > 0 && fullLength == length && line[length - 1] == '\r') {
      length--;
      fullLength--;
    }
    return true;
  }

  private void keep(int from, int end) {
    int n = end - from;
    fullLength += n;
    int room = (int) Math.min(n, Math.max(0, max - length));
    if (room > 0) {
      if (length + room > line.length) {
        line = Arrays.copyOf(line, Math.min(max, Math.max(length + room, line.length * 2)));
      }
      System.arraycopy(chunk, from, line, length, room);
      length += room;
    }
  }

  private boolean fill() throws IOException {
    if (chunkPos < chunkLen) {
      return true;
    }
    chunkLen = in.read(chunk);
    chunkPos = 0;
    return chunkLen > 0;
  }

  private void skipByteOrderMark() throws IOException {
    if (chunkLen - chunkPos < 3) {
      return; // a stream of fewer than three bytes has no room for a mark and a record
    }
    if ((chunk[chunkPos] & 0xFF) == 0xEF && (chunk[chunkPos + 1] & 0xFF) == 0xBB && (chunk[chunkPos + 2] & 0xFF) == 0xBF) {
      chunkPos += 3;
    }
  }

  /** Whether the line was longer than the bound (and so only its start was kept). */
  boolean tooLong() {
    return fullLength > max;
  }

  /** The line's length in bytes, all of it. */
  long fullLength() {
    return fullLength;
  }

  /** 1-based number of the line last read. */
  int number() {
    return number;
  }

  /** The line's bytes (valid up to {@link #length()}); overwritten by the next read. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  boolean blank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
