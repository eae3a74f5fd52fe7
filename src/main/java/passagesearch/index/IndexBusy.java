package passagesearch.index;

import java.nio.file.Path;

/** The index folder's lock is held: another build, rollback or clean-up runs, in this process or another. */
public final class IndexBusy extends RuntimeException {
  IndexBusy(Path root) {
    super("a build or rollback is running on " + root + " (it holds " + IndexLock.FILE + "); try again when it has finished");
  }
}
