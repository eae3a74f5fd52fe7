package passagesearch.index;

import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.util.ThreadInterruptedException;

/**
 * A failure to read or write the disk, said in words. The JDK's own messages are sometimes only a path
 * ({@link AccessDeniedException}, {@link NoSuchFileException}) or nothing at all (an interrupted write).
 */
public final class StorageErrors {
  private StorageErrors() {}

  /** "No space left on device", "permission denied: /data/index/gen-000002", "/data/index: Read-only file system". */
  public static String describe(Exception e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() == null ? fs.getReason() : fs.getFile() + ": " + fs.getReason();
    }
    if (e instanceof ClosedByInterruptException || e instanceof ThreadInterruptedException) {
      return "interrupted (the server is stopping)";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
