package passagesearch.serving;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a corpus sent with a rebuild request into a scratch folder: a {@code .zip}, a {@code .tar.gz}, or
 * a JSON Lines body. Nothing is written outside the scratch folder (no {@code ../}, no absolute paths, no
 * links, no devices), and the number of files and the expanded size are bounded, so an archive bomb stops
 * at the bound with a clear message.
 */
public final class Uploads {
  public static final int MAX_FILES = 10_000;
  public static final long MAX_EXPANDED_BYTES = 200L * 1024 * 1024;

  private Uploads() {}

  /** The upload could not be used; the message says why. */
  public static final class BadUpload extends RuntimeException {
    BadUpload(String message) {
      super(message);
    }
  }

  /**
   * Writes the corpus in {@code body} into {@code scratch}.
   *
   * @param contentType the request's content type: application/zip, application/gzip (a .tar.gz), or
   *     application/x-ndjson / application/jsonl (one document a line)
   * @throws BadUpload when the upload is at fault (its type, shape or size)
   * @throws IOException when the scratch folder cannot be written (a full disk, say): the server is at fault
   */
  public static void unpack(byte[] body, String contentType, Path scratch) throws IOException {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    switch (type) {
      case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" -> {
        if (body.length > MAX_EXPANDED_BYTES) {
          throw new BadUpload("the JSON Lines body is larger than " + MAX_EXPANDED_BYTES + " bytes");
        }
        Files.createDirectories(scratch);
        Files.write(scratch.resolve("upload.jsonl"), body);
      }
      case "application/zip" -> extract(new ZipArchiveInputStream(new ByteArrayInputStream(body)), scratch);
      case "application/gzip", "application/x-gzip", "application/x-tar+gzip", "application/tar+gzip" ->
          extract(tarGz(body), scratch);
      default -> throw new BadUpload("Content-Type must be application/zip, application/gzip (.tar.gz) or "
          + "application/x-ndjson (JSON Lines), not '" + type + "'");
    }
  }

  private static TarArchiveInputStream tarGz(byte[] body) {
    try {
      return new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(new ByteArrayInputStream(body))));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Reading the archive fails: the upload is at fault. Writing what it holds fails: the disk is. */
  private static void extract(ArchiveInputStream<? extends ArchiveEntry> in, Path scratch) throws IOException {
    Path root = scratch.toAbsolutePath().normalize();
    Files.createDirectories(root);
    int files = 0;
    long expanded = 0;
    try (in) {
      for (ArchiveEntry entry = next(in); entry != null; entry = next(in)) {
        String name = entry.getName();
        if (isLink(entry)) {
          throw new BadUpload("archive entry '" + name + "' is a link; links are not accepted");
        }
        Path target = root.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*") || !target.startsWith(root)
            || target.equals(root)) {
          if (entry.isDirectory() && target.equals(root)) {
            continue;
          }
          throw new BadUpload("archive entry '" + name + "' would be written outside the upload folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        if (++files > MAX_FILES) {
          throw new BadUpload("the archive holds more than " + MAX_FILES + " files");
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          byte[] buffer = new byte[64 * 1024];
          for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
            expanded += n;
            if (expanded > MAX_EXPANDED_BYTES) {
              throw new BadUpload("the archive expands to more than " + MAX_EXPANDED_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
          }
        }
      }
    }
  }

  private static ArchiveEntry next(ArchiveInputStream<? extends ArchiveEntry> in) {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static int read(ArchiveInputStream<? extends ArchiveEntry> in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static BadUpload unreadable(IOException e) {
    return new BadUpload("the archive cannot be read: " + e.getMessage());
  }

  private static boolean isLink(ArchiveEntry entry) {
    if (entry instanceof TarArchiveEntry t) {
      return t.isSymbolicLink() || t.isLink() || t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO();
    }
    return entry instanceof ZipArchiveEntry z && z.isUnixSymlink();
  }

}
