package passagesearch.index;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lucene's own notices on standard error (java.util.logging). At start-up Lucene says whether it found the
 * incubating Vector API; passage-search runs without it (bin/jvm.options says why), so that notice would
 * be noise on every command's standard error. It is kept to errors.
 */
public final class LuceneNotices {
  /** A field: java.util.logging holds its loggers weakly, and a collected one forgets its level. */
  private static final Logger VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

  private LuceneNotices() {}

  /** Call before Lucene is first used. */
  public static void quietVectorizationNotice() {
    VECTORIZATION.setLevel(Level.SEVERE);
  }
}
