package passagesearch.ingest;

/** The corpus cannot be read; the message names the file and what is wrong with it. */
public final class CorpusException extends RuntimeException {
  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
