package passagesearch.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploaded corpora cannot write outside their scratch folder, and their size is bounded. */
class UploadsTest {
  @TempDir Path tmp;

  static byte[] zip(String name, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  static byte[] tarGz(TarArchiveEntry entry, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      if (content != null) {
        entry.setSize(content.length);
      }
      tar.putArchiveEntry(entry);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipAndATarGzAreUnpackedIntoTheScratchFolder() throws Exception {
    Path a = tmp.resolve("a");
    Uploads.unpack(zip("docs/page.md", "# Page\n\nImatinib text.\n".getBytes(StandardCharsets.UTF_8)), "application/zip", a);
    assertTrue(Files.isRegularFile(a.resolve("docs/page.md")));
    Path b = tmp.resolve("b");
    Uploads.unpack(tarGz(new TarArchiveEntry("page.txt"), "Page\n\nText.\n".getBytes(StandardCharsets.UTF_8)),
        "application/gzip", b);
    assertTrue(Files.isRegularFile(b.resolve("page.txt")));
    Path c = tmp.resolve("c");
    Uploads.unpack("{\"_id\": \"1\", \"text\": \"x\"}\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson", c);
    assertTrue(Files.isRegularFile(c.resolve("upload.jsonl")));
  }

  @Test
  void entriesThatClimbOutOrArePathsElsewhereAreRefused() throws Exception {
    for (String name : new String[] {"../escape.txt", "docs/../../escape.txt", "/etc/passwd-copy"}) {
      Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
          () -> Uploads.unpack(zip(name, new byte[] {'x'}), "application/zip", tmp.resolve("z")));
      assertTrue(e.getMessage().contains("outside the upload folder"), e.getMessage());
    }
    Uploads.BadUpload tar = assertThrows(Uploads.BadUpload.class, () -> Uploads.unpack(
        tarGz(new TarArchiveEntry("../../escape.txt"), new byte[] {'x'}), "application/gzip", tmp.resolve("t")));
    assertTrue(tar.getMessage().contains("outside the upload folder"), tar.getMessage());
    assertFalse(Files.exists(tmp.resolve("escape.txt")));
    assertFalse(Files.exists(tmp.getParent().resolve("escape.txt")));
  }

  @Test
  void linksAreRefused() throws Exception {
    TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> Uploads.unpack(tarGz(link, null), "application/gzip", tmp.resolve("l")));
    assertTrue(e.getMessage().contains("is a link"), e.getMessage());
  }

  @Test
  void anArchiveBombStopsAtTheExpandedSizeBound() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] block = new byte[1024 * 1024];
      for (long written = 0; written <= Uploads.MAX_EXPANDED_BYTES; written += block.length) {
        z.write(block);
      }
      z.closeEntry();
    }
    assertTrue(bytes.size() < 1024 * 1024, "the bomb is small: " + bytes.size());
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> Uploads.unpack(bytes.toByteArray(), "application/zip", tmp.resolve("bomb")));
    assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
  }

  @Test
  void anUnknownContentTypeIsRefusedWithTheAllowedOnes() {
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> Uploads.unpack(new byte[] {1}, "text/plain", tmp.resolve("x")));
    assertEquals("Content-Type must be application/zip, application/gzip (.tar.gz) or application/x-ndjson "
        + "(JSON Lines), not 'text/plain'", e.getMessage());
  }
}
