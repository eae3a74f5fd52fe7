package passagesearch.serving;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Receives a corpus sent with a rebuild request into a scratch folder, streaming it to disk as it arrives
 * (nothing of it is held in memory): a {@code .zip}, a {@code .tar.gz}, or a JSON Lines body. Nothing is
 * written outside the scratch folder (no {@code ../}, no absolute paths, no links, no devices), and the
 * bytes sent, the bytes unpacked and the number of files and folders are bounded, so an archive bomb stops
 * at the bound with a clear message.
 *
 * <p>The corpus is indexed one document at a time, so the heap does not bound an upload; the disk does. A
 * body is at most 32 MB as sent (it is spooled before it is checked) and 256 MB unpacked, and no document
 * in it more than {@code limits.maxDocumentBytes} (the corpus reader skips a larger one).
 */
public final class Uploads {
  /** The request body, as sent. */
  public static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;
  /** What an archive unpacks to, all files together. */
  public static final long MAX_EXPANDED_BYTES = 256L * 1024 * 1024;
  /** Files and folders in an archive, the folders its paths imply included. */
  public static final int MAX_ENTRIES = 10_000;
  public static final String EMPTY_MESSAGE = "the request has no body: send a corpus (application/zip, application/gzip for a "
      + ".tar.gz, or application/x-ndjson), or POST /api/index/rebuild?corpus=configured to rebuild the configured corpus";
  /** How the message of an upload cut off by its client begins. */
  public static final String CUT_OFF = "the upload was cut off";
  private static final String JSONL_FILE = "upload.jsonl";

  private Uploads() {}

  /** The upload could not be used; the message says why. */
  public static final class BadUpload extends RuntimeException {
    BadUpload(String message) {
      super(message);
    }
  }

  /** The upload is larger than the bound; the message says which. */
  public static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  private enum Kind { JSONL, ZIP, TAR_GZ }

  /**
   * Writes the corpus arriving on {@code body} into {@code scratch}, checking the bounds as bytes arrive.
   *
   * @param contentType the request's content type: application/zip, application/gzip (a .tar.gz), or
   *     application/x-ndjson / application/jsonl (one document a line)
   * @throws BadUpload when the upload is at fault (its type, shape, or a client that hung up)
   * @throws TooLarge when the body is larger than {@link #MAX_UPLOAD_BYTES}
   * @throws IOException when the scratch folder cannot be written (a full disk, say): the server is at fault
   */
  public static void receive(InputStream body, String contentType, Path scratch) throws IOException {
    Kind kind = kind(contentType);
    Incoming in = new Incoming(body, MAX_UPLOAD_BYTES);
    Files.createDirectories(scratch);
    switch (kind) {
      case JSONL -> {
        copy(in, scratch.resolve(JSONL_FILE));
        requireSome(in);
      }
      case ZIP -> {
        Path spool = scratch.resolveSibling(scratch.getFileName() + ".zip");
        try {
          copy(in, spool);
          requireSome(in);
          unzip(spool, new Scratch(scratch));
        } finally {
          Files.deleteIfExists(spool);
        }
      }
      case TAR_GZ -> {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(1);
        if (buffered.read() < 0) {
          throw new BadUpload(EMPTY_MESSAGE);
        }
        buffered.reset();
        untar(tarGz(buffered), new Scratch(scratch));
      }
    }
  }

  private static Kind kind(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return switch (type) {
      case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" -> Kind.JSONL;
      case "application/zip" -> Kind.ZIP;
      case "application/gzip", "application/x-gzip", "application/x-tar+gzip", "application/tar+gzip" -> Kind.TAR_GZ;
      default -> throw new BadUpload("Content-Type must be application/zip, application/gzip (.tar.gz) or "
          + "application/x-ndjson (JSON Lines), not '" + type + "'");
    };
  }

  private static void requireSome(Incoming in) {
    if (in.count() == 0) {
      throw new BadUpload(EMPTY_MESSAGE);
    }
  }

  private static void copy(InputStream in, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    }
  }

  private static TarArchiveInputStream tarGz(InputStream body) {
    try {
      return new TarArchiveInputStream(new TarHeaders(new Bounded(new GzipCompressorInputStream(body))));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The zip is read from its central directory, where the entries' types (a link's mode bits) are. */
  private static void unzip(Path spool, Scratch scratch) throws IOException {
    ZipDirectory.check(spool, MAX_ENTRIES);
    ZipFile zip;
    try {
      zip = ZipFile.builder().setPath(spool).get();
    } catch (IOException e) {
      throw unreadable(e);
    }
    try (zip) {
      for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
        if (isLinkOrDevice(entry)) {
          throw new BadUpload("archive entry '" + entry.getName() + "' is a link or a device; links are not accepted");
        }
        Path target = scratch.place(entry.getName(), entry.isDirectory());
        if (target == null) {
          continue;
        }
        if (!zip.canReadEntryData(entry)) {
          throw new BadUpload("archive entry '" + entry.getName() + "' is encrypted or compressed in a way "
              + "that cannot be read");
        }
        InputStream data;
        try {
          data = zip.getInputStream(entry);
        } catch (IOException e) {
          throw unreadable(e);
        }
        try (data) {
          scratch.write(data, target);
        }
      }
    }
  }

  private static void untar(TarArchiveInputStream in, Scratch scratch) throws IOException {
    try (in) {
      for (ArchiveEntry entry = next(in); entry != null; entry = next(in)) {
        TarArchiveEntry t = (TarArchiveEntry) entry;
        if (t.isSymbolicLink() || t.isLink() || t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO()) {
          throw new BadUpload("archive entry '" + entry.getName() + "' is a link or a device; links are not accepted");
        }
        Path target = scratch.place(entry.getName(), entry.isDirectory());
        if (target != null) {
          scratch.write(in, target);
        }
      }
    }
  }

  private static ArchiveEntry next(TarArchiveInputStream in) {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  static BadUpload unreadable(IOException e) {
    return new BadUpload("the archive cannot be read: " + e.getMessage());
  }

  private static boolean isLinkOrDevice(ZipArchiveEntry entry) {
    int type = entry.getUnixMode() & 0170000;
    return entry.isUnixSymlink() || (type != 0 && type != 0100000 && type != 0040000);
  }

  /**
   * The request body as it arrives: counted and bounded; a client that hangs up or stalls is the upload's
   * fault (a {@link BadUpload}), never the disk's.
   */
  private static final class Incoming extends WatchedStream {
    private final long max;
    private long count;

    Incoming(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    long count() {
      return count;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        throw new BadUpload(CUT_OFF + " after " + count + " bytes: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new TooLarge("the request body is larger than " + max + " bytes, the most accepted for an upload");
        }
      }
      return n;
    }

  }

  /** Decompressed bytes, bounded: a gzip bomb stops at the bound, before the tar reader buffers any of it. */
  private static final class Bounded extends WatchedStream {
    private long count;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && (count += n) > MAX_EXPANDED_BYTES + MAX_ENTRIES * 1024L) {
        throw new BadUpload("the archive expands to more than " + MAX_EXPANDED_BYTES + " bytes");
      }
      return n;
    }
  }
}
