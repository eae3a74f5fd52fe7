package passagesearch.serving;

/** There is no previous generation that could be served; the message says why. Nothing was changed. */
public final class CannotRollBack extends RuntimeException {
  public CannotRollBack(String message) {
    super(message);
  }
}
