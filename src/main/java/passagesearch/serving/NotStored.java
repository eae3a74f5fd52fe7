package passagesearch.serving;

/**
 * An upload or a rollback could not be written to disk (full, read-only, not ours): the server's fault,
 * not the request's. Nothing was changed.
 */
public final class NotStored extends RuntimeException {
  NotStored(String message, Throwable cause) {
    super(message, cause);
  }
}
