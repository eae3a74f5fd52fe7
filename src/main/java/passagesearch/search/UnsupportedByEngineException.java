package passagesearch.search;

/** The engine serving cannot do what was asked yet (suggestions on OpenSearch, say): a 501 saying what. */
public final class UnsupportedByEngineException extends RuntimeException {
  public UnsupportedByEngineException(String message) {
    super(message);
  }
}
