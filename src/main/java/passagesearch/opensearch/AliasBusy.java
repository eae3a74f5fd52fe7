package passagesearch.opensearch;

/** Another process holds the alias for a rebuild or rollback ({@link AliasLock}); the message says which and until when. */
public final class AliasBusy extends RuntimeException {
  AliasBusy(String message) {
    super(message);
  }
}
