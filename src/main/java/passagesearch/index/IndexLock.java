package passagesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index folder's lock, {@code build.lock} in the folder (Lucene's {@link NativeFSLockFactory}): whoever
 * builds a generation, rolls back, or clears what a crash left holds it, in this process or another. The
 * operating system drops it when its holder dies, so a crash never leaves the folder locked; the file
 * itself stays.
 */
public final class IndexLock implements AutoCloseable {
  public static final String FILE = "build.lock";
  private static final Logger LOG = LoggerFactory.getLogger(IndexLock.class);

  private final Directory directory;
  private final Lock lock;
  private final Path root;

  private IndexLock(Directory directory, Lock lock, Path root) {
    this.directory = directory;
    this.lock = lock;
    this.root = root;
  }

  /**
   * Takes the lock now; null when another holder has it.
   *
   * @throws IOException when the folder cannot be written (read-only, full, not ours)
   */
  static IndexLock tryTake(Path root) throws IOException {
    Files.createDirectories(root);
    try {
      Files.createFile(root.resolve(FILE)); // here, not in Lucene, so a folder that cannot be written says why
    } catch (java.nio.file.FileAlreadyExistsException expected) {
      // made by an earlier holder: the file stays, the lock is the operating system's
    }
    Directory directory = FSDirectory.open(root, NativeFSLockFactory.INSTANCE);
    try {
      return new IndexLock(directory, directory.obtainLock(FILE), root);
    } catch (LockObtainFailedException held) {
      directory.close();
      return null;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The folder this lock is for. */
  Path root() {
    return root;
  }

  @Override
  public void close() {
    try (directory) {
      lock.close();
    } catch (IOException e) {
      LOG.warn("could not release the lock of {}: {}", root, e.getMessage());
    }
  }
}
