package passagesearch.index;

/** There is no previous generation that could be served; the message says why. Nothing was changed. */
public final class NoRollback extends RuntimeException {
  NoRollback(String message) {
    super(message);
  }

  NoRollback(String message, Throwable cause) {
    super(message, cause);
  }
}
