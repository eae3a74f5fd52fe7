package passagesearch.serving;

import java.io.InputStream;
import java.util.Optional;

/**
 * What the admin routes ask of whoever builds and serves generations: the embedded index folder
 * ({@link IndexManager}) or an OpenSearch alias ({@link ClusterRebuilds}). The same jobs, states and refusals
 * on both: a rebuild is accepted as a {@link RebuildJob} that succeeds or fails saying why, and a failed
 * rebuild or rollback leaves what is served as it was.
 */
public interface IndexAdmin extends AutoCloseable {
  /** Starts a rebuild of the configured corpus; {@link Busy} while a rebuild or rollback runs. */
  RebuildJob rebuild();

  /**
   * Starts a rebuild of a corpus arriving on {@code body} (see {@link Uploads}), received and checked before
   * the job is accepted: {@link Uploads.BadUpload}, {@link Uploads.TooLarge}, or {@link NotStored} when the
   * disk cannot take it.
   */
  RebuildJob rebuild(InputStream body, String contentType);

  /** A job of this process, while it is among the last kept. */
  Optional<RebuildJob> job(String id);

  /**
   * Serves the previous generation again and returns its name.
   *
   * @throws Busy while a rebuild or rollback runs
   * @throws CannotRollBack when there is no previous generation that can be served, saying why
   */
  String rollback();

  /** Abandons a running rebuild; what is served is not touched. */
  @Override
  void close();
}
