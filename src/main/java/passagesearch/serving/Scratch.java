package passagesearch.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder an archive is unpacked into, and the archive's bounds: every entry stays inside it, files and
 * folders (those the paths imply included) count toward {@link Uploads#MAX_ENTRIES}, the bytes written
 * toward {@link Uploads#MAX_EXPANDED_BYTES}, and no name is both a file and a folder. A failure to read the
 * archive is the upload's fault ({@link Uploads.BadUpload}); a failure to write is the disk's (IOException).
 */
final class Scratch {
  private static final Logger LOG = LoggerFactory.getLogger(Scratch.class);
  private static final int MAX_DEPTH = 32;
  private static final int MAX_NAME_CHARS = 1024;

  private final Path root;
  private final Set<Path> folders = new HashSet<>();
  private final Set<Path> files = new HashSet<>();
  private int entries;
  private long expanded;

  Scratch(Path root) throws IOException {
    this.root = Files.createDirectories(root).toAbsolutePath().normalize();
  }

  /** Removes an upload's scratch folder, and the uploads folder holding it when no other upload is there. */
  static void remove(Path scratch) {
    if (Files.exists(scratch)) {
      try (var walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        LOG.warn("could not remove {}: {}", scratch, e.getMessage());
      }
    }
    try {
      Files.deleteIfExists(scratch.getParent());
    } catch (IOException notEmpty) {
      LOG.debug("uploads folder kept: {}", notEmpty.getMessage());
    }
  }

  /**
   * Checks an entry and makes the folders it needs; returns where a file entry is written, or null for a
   * folder.
   */
  Path place(String name, boolean directory) throws IOException {
    if (name.length() > MAX_NAME_CHARS) {
      throw new Uploads.BadUpload("archive entry '" + name.substring(0, 80) + "...' has a name longer than "
          + MAX_NAME_CHARS + " characters");
    }
    Path target = root.resolve(name).normalize();
    if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*") || !target.startsWith(root)) {
      throw new Uploads.BadUpload("archive entry '" + name + "' would be written outside the upload folder");
    }
    if (target.equals(root)) {
      if (directory) {
        return null;
      }
      throw new Uploads.BadUpload("archive entry '" + name + "' would be written outside the upload folder");
    }
    if (root.relativize(target).getNameCount() > MAX_DEPTH) {
      throw new Uploads.BadUpload("archive entry '" + name + "' is nested more than " + MAX_DEPTH + " folders deep");
    }
    makeFolder(target.getParent(), name);
    if (directory) {
      makeFolder(target, name);
      return null;
    }
    if (folders.contains(target)) {
      throw new Uploads.BadUpload("archive entry '" + name + "' is both a file and a folder");
    }
    if (files.add(target)) {
      count(name);
    }
    return target;
  }

  /** Copies an entry's data to its place, bounded. */
  void write(InputStream data, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = read(data, buffer); n >= 0; n = read(data, buffer)) {
        expanded += n;
        if (expanded > Uploads.MAX_EXPANDED_BYTES) {
          throw new Uploads.BadUpload("the archive expands to more than " + Uploads.MAX_EXPANDED_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static int read(InputStream data, byte[] buffer) {
    try {
      return data.read(buffer);
    } catch (IOException e) {
      throw Uploads.unreadable(e);
    }
  }

  private void makeFolder(Path folder, String name) throws IOException {
    if (folder.equals(root) || folders.contains(folder)) {
      return;
    }
    makeFolder(folder.getParent(), name);
    if (files.contains(folder)) {
      throw new Uploads.BadUpload("archive entry '" + name + "' needs '" + root.relativize(folder)
          + "' to be a folder, but the archive has it as a file");
    }
    count(name);
    Files.createDirectories(folder);
    folders.add(folder);
  }

  private void count(String name) {
    if (++entries > Uploads.MAX_ENTRIES) {
      throw new Uploads.BadUpload("the archive holds more than " + Uploads.MAX_ENTRIES + " files and folders"
          + " (at '" + name + "')");
    }
  }
}
