package passagesearch.serving;

/** A corpus sent with a rebuild could not be written to disk (full, read-only, not ours): the server's fault. */
public final class UploadNotStored extends RuntimeException {
  UploadNotStored(String message, Throwable cause) {
    super(message, cause);
  }
}
