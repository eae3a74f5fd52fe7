package passagesearch.search;

/** The search engine cannot be reached or cannot answer now (a cluster down, say): a 503 naming the cause. */
public final class EngineUnavailableException extends RuntimeException {
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
