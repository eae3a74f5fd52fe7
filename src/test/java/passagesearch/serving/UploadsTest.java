package passagesearch.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
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

  static void unpack(byte[] body, String type, Path scratch) throws java.io.IOException {
    Uploads.receive(new java.io.ByteArrayInputStream(body), type, scratch);
  }

  @Test
  void aZipAndATarGzAreUnpackedIntoTheScratchFolder() throws Exception {
    Path a = tmp.resolve("a");
    unpack(zip("docs/page.md", "# Page\n\nImatinib text.\n".getBytes(StandardCharsets.UTF_8)), "application/zip", a);
    assertTrue(Files.isRegularFile(a.resolve("docs/page.md")));
    Path b = tmp.resolve("b");
    unpack(tarGz(new TarArchiveEntry("page.txt"), "Page\n\nText.\n".getBytes(StandardCharsets.UTF_8)),
        "application/gzip", b);
    assertTrue(Files.isRegularFile(b.resolve("page.txt")));
    Path c = tmp.resolve("c");
    unpack("{\"_id\": \"1\", \"text\": \"x\"}\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson", c);
    assertTrue(Files.isRegularFile(c.resolve("upload.jsonl")));
  }

  @Test
  void entriesThatClimbOutOrArePathsElsewhereAreRefused() throws Exception {
    for (String name : new String[] {"../escape.txt", "docs/../../escape.txt", "/etc/passwd-copy"}) {
      Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
          () -> unpack(zip(name, new byte[] {'x'}), "application/zip", tmp.resolve("z")));
      assertTrue(e.getMessage().contains("outside the upload folder"), e.getMessage());
    }
    Uploads.BadUpload tar = assertThrows(Uploads.BadUpload.class, () -> unpack(
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
        () -> unpack(tarGz(link, null), "application/gzip", tmp.resolve("l")));
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
        () -> unpack(bytes.toByteArray(), "application/zip", tmp.resolve("bomb")));
    assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
  }

  @Test
  void anUnknownContentTypeIsRefusedWithTheAllowedOnes() {
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack(new byte[] {1}, "text/plain", tmp.resolve("x")));
    assertEquals("Content-Type must be application/zip, application/gzip (.tar.gz) or application/x-ndjson "
        + "(JSON Lines), not 'text/plain'", e.getMessage());
  }

  static byte[] zipWithEntries(String... names) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (String name : names) {
        z.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          z.write(("text of " + name).getBytes(StandardCharsets.UTF_8));
        }
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void aZipEntryWithTheSymlinkModeBitIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("passwd.txt");
      link.setUnixMode(0120777); // a symbolic link; its data is the target
      z.putArchiveEntry(link);
      z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      z.closeArchiveEntry();
    }
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack(bytes.toByteArray(), "application/zip", tmp.resolve("link")));
    assertTrue(e.getMessage().contains("'passwd.txt' is a link"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("link/passwd.txt")));
  }

  @Test
  void directoryEntriesCountTowardTheEntryBound() throws Exception {
    String[] folders = new String[Uploads.MAX_ENTRIES + 1];
    for (int i = 0; i < folders.length; i++) {
      folders[i] = "d" + i + "/";
    }
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack(zipWithEntries(folders), "application/zip", tmp.resolve("dirs")));
    assertTrue(e.getMessage().contains("more than 10000 files and folders"), e.getMessage());
    // Folders a path implies count too: one file nested deep is many folders.
    Uploads.BadUpload deep = assertThrows(Uploads.BadUpload.class,
        () -> unpack(zipWithEntries("a/".repeat(40) + "x.txt"), "application/zip", tmp.resolve("deep")));
    assertTrue(deep.getMessage().contains("nested more than"), deep.getMessage());
  }

  @Test
  void aNameThatIsBothAFileAndAFolderIsA400NotADiskError() throws Exception {
    Uploads.BadUpload fileFirst = assertThrows(Uploads.BadUpload.class,
        () -> unpack(zipWithEntries("a", "a/b.txt"), "application/zip", tmp.resolve("f1")));
    assertTrue(fileFirst.getMessage().contains("needs 'a' to be a folder"), fileFirst.getMessage());
    Uploads.BadUpload folderFirst = assertThrows(Uploads.BadUpload.class,
        () -> unpack(zipWithEntries("a/b.txt", "a"), "application/zip", tmp.resolve("f2")));
    assertTrue(folderFirst.getMessage().contains("'a' is both a file and a folder"), folderFirst.getMessage());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (String name : new String[] {"a", "a/b.txt"}) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(1);
        tar.putArchiveEntry(entry);
        tar.write('x');
        tar.closeArchiveEntry();
      }
    }
    Uploads.BadUpload tar = assertThrows(Uploads.BadUpload.class,
        () -> unpack(bytes.toByteArray(), "application/gzip", tmp.resolve("f3")));
    assertTrue(tar.getMessage().contains("needs 'a' to be a folder"), tar.getMessage());
  }

  @Test
  void aZipDirectoryListingMoreEntriesThanAllowedIsRefusedBeforeItIsRead() throws Exception {
    // 20,000 empty entries: refused from the directory's count, before a reader holds them.
    String[] names = new String[20_000];
    for (int i = 0; i < names.length; i++) {
      names[i] = "f" + i + ".txt";
    }
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack(zipWithEntries(names), "application/zip", tmp.resolve("many")));
    assertTrue(e.getMessage().contains("more than 10000 files and folders"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("many/f0.txt")), "nothing unpacked");
  }

  @Test
  void aBodyThatIsNotAZipIsRefusedAsOne() {
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack("{\"_id\": \"1\"}\n".getBytes(StandardCharsets.UTF_8), "application/zip", tmp.resolve("nz")));
    assertTrue(e.getMessage().contains("not a zip archive"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("nz.zip")), "the spooled body is removed");
  }

  @Test
  void anEmptyBodyIsRefusedWhateverItsType() {
    for (String type : new String[] {"application/zip", "application/gzip", "application/x-ndjson"}) {
      Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class, () -> unpack(new byte[0], type, tmp.resolve("e")));
      assertEquals(Uploads.EMPTY_MESSAGE, e.getMessage(), type);
    }
  }

  @Test
  void aBodyLargerThanTheBoundStopsAtTheBoundAsItArrives() {
    InputStream endless = new InputStream() {
      long sent;

      @Override
      public int read() {
        return sent++ < Uploads.MAX_UPLOAD_BYTES + 10 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent > Uploads.MAX_UPLOAD_BYTES + 10) {
          return -1;
        }
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        sent += len;
        return len;
      }
    };
    Uploads.TooLarge e = assertThrows(Uploads.TooLarge.class,
        () -> Uploads.receive(endless, "application/x-ndjson", tmp.resolve("big")));
    assertTrue(e.getMessage().contains("larger than " + Uploads.MAX_UPLOAD_BYTES), e.getMessage());
  }

  @Test
  void aClientThatHangsUpIsTheUploadsFaultNotTheDisks() {
    InputStream cut = new InputStream() {
      int sent;

      @Override
      public int read() throws java.io.IOException {
        if (sent++ < 1000) {
          return 'x';
        }
        throw new java.io.EOFException("Early EOF");
      }
    };
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> Uploads.receive(cut, "application/x-ndjson", tmp.resolve("cut")));
    assertTrue(e.getMessage().startsWith(Uploads.CUT_OFF), e.getMessage());
  }

  @Test
  void aTarLongNameOfManyMegabytesIsRefusedBeforeTheReaderHoldsIt() throws Exception {
    // A GNU long-name entry ('L') whose "name" is 64 MB, written by hand: writers would take minutes.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long size = 64L * 1024 * 1024;
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] header = new byte[512];
      byte[] name = "././@LongLink".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(name, 0, header, 0, name.length);
      byte[] octal = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(octal, 0, header, 124, octal.length);
      header[156] = 'L';
      byte[] magic = "ustar  ".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(magic, 0, header, 257, magic.length);
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(checksum, 0, header, 148, 8);
      gz.write(header);
      byte[] block = new byte[1024 * 1024];
      java.util.Arrays.fill(block, (byte) 'n');
      for (long written = 0; written < size; written += block.length) {
        gz.write(block);
      }
    }
    assertTrue(bytes.size() < 100_000, "small when packed: " + bytes.size());
    Uploads.BadUpload e = assertThrows(Uploads.BadUpload.class,
        () -> unpack(bytes.toByteArray(), "application/gzip", tmp.resolve("longname")));
    assertTrue(e.getMessage().contains("long name or extended header"), e.getMessage());
    // Ordinary long names (GNU and PAX) still unpack.
    for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
      ByteArrayOutputStream ok = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(ok))) {
        tar.setLongFileMode(mode);
        for (String name : new String[] {"d/" + "a".repeat(150) + ".txt", "short.txt"}) {
          TarArchiveEntry entry = new TarArchiveEntry(name);
          entry.setSize(3);
          tar.putArchiveEntry(entry);
          tar.write("abc".getBytes(StandardCharsets.UTF_8));
          tar.closeArchiveEntry();
        }
      }
      Path into = tmp.resolve("long-" + mode);
      unpack(ok.toByteArray(), "application/gzip", into);
      assertTrue(Files.isRegularFile(into.resolve("d/" + "a".repeat(150) + ".txt")));
      assertEquals("abc", Files.readString(into.resolve("short.txt")));
    }
  }
}
