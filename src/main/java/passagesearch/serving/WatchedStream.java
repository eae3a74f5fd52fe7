package passagesearch.serving;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that sees every byte passing through its {@link #read(byte[], int, int)}: the one-byte
 * read and {@link #skip} go through it too, so what a subclass counts or checks cannot be bypassed.
 */
abstract class WatchedStream extends FilterInputStream {
  WatchedStream(InputStream in) {
    super(in);
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public long skip(long n) throws IOException {
    int chunk = (int) Math.max(0, Math.min(n, 8192));
    return chunk == 0 ? 0 : Math.max(0, read(new byte[chunk], 0, chunk));
  }
}
