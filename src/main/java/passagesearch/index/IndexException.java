package passagesearch.index;

/** An index could not be built or opened; the message says which and why. */
public final class IndexException extends RuntimeException {
  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
