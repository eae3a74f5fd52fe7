package passagesearch.search;

/** The engine serving cannot do what was asked yet (a feature one engine has and the other not): a 501 saying what. */
public final class UnsupportedByEngineException extends RuntimeException {
  public UnsupportedByEngineException(String message) {
    super(message);
  }
}
