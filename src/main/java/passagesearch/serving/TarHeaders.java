package passagesearch.serving;

import java.io.IOException;
import java.io.InputStream;

/**
 * Watches the 512-byte headers of a tar stream as it passes to the tar reader, and refuses entries the
 * reader would hold whole in memory before we could bound them: long names and PAX headers ({@code L},
 * {@code K}, {@code x}, {@code g}) larger than {@value #MAX_META_BYTES} bytes. A gzip of a few KB can
 * otherwise hold a "name" of hundreds of megabytes. Old GNU sparse entries, whose extra headers this
 * cannot follow, are refused too.
 */
final class TarHeaders extends WatchedStream {
  static final int MAX_META_BYTES = 64 * 1024;
  private static final int BLOCK = 512;

  private final byte[] header = new byte[BLOCK];
  private int filled;
  private long position;
  private long nextHeader;

  TarHeaders(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    for (int i = 0; i < n; ) {
      if (position < nextHeader) {
        int skip = (int) Math.min(n - i, nextHeader - position);
        position += skip;
        i += skip;
        continue;
      }
      int take = Math.min(n - i, BLOCK - filled);
      System.arraycopy(b, off + i, header, filled, take);
      filled += take;
      position += take;
      i += take;
      if (filled == BLOCK) {
        filled = 0;
        nextHeader = position + (size() + BLOCK - 1) / BLOCK * BLOCK;
      }
    }
    return n;
  }

  /** The entry's data size from the header just read, after checking its type. */
  private long size() {
    if ((header[124] & 0x80) != 0) {
      throw new Uploads.BadUpload("the archive has an entry larger than 8 GB");
    }
    long size = 0;
    for (int i = 124; i < 136; i++) {
      byte c = header[i];
      if (c >= '0' && c <= '7') {
        size = size * 8 + (c - '0');
      } else if (size > 0 || (c != ' ' && c != 0)) {
        break;
      }
    }
    char type = (char) header[156];
    if (type == 'S') {
      throw new Uploads.BadUpload("the archive has a sparse file; sparse files are not accepted");
    }
    if ((type == 'L' || type == 'K' || type == 'x' || type == 'g' || type == 'X') && size > MAX_META_BYTES) {
      throw new Uploads.BadUpload("the archive has a long name or extended header of " + size
          + " bytes; at most " + MAX_META_BYTES + " are accepted");
    }
    return size;
  }
}
