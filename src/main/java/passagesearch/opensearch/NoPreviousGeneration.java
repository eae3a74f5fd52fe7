package passagesearch.opensearch;

/** A rollback found no generation before the served one that can be served, and says why; the alias did not move. */
public final class NoPreviousGeneration extends RuntimeException {
  NoPreviousGeneration(String message) {
    super(message);
  }
}
