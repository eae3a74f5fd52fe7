package passagesearch.search;

/**
 * The tables a generation keeps of work done for earlier searches, besides its answers: each spares a search
 * part of its work when what it asks recurs, each is bounded in entries, and each is a fixed label of
 * {@code /metrics} ({@link #label()}), so no request can add a series.
 */
public enum KeptTable {
  /** Queries' vectors, made by the embedding model ({@code keptQueries} in {@code semantic.yaml}). */
  QUERY_VECTORS("query_vectors"),
  /** Sentences' vectors, for the snippets of passages found by meaning. */
  SENTENCE_VECTORS("sentence_vectors"),
  /** Questions read: parsed, corrected, their tags recognised, their Lucene queries built. */
  QUERY_READINGS("query_readings"),
  /** The Lucene queries of the concepts coverage matches. */
  CONCEPT_QUERIES("concept_queries"),
  /** The passages those queries match, per segment (Lucene's query cache; a look-up is per segment). */
  CONCEPT_MATCHES("concept_matches"),
  /** The snippets of passages shown for a question, whatever its filters and page. */
  SNIPPETS("snippets");

  private final String label;

  KeptTable(String label) {
    this.label = label;
  }

  /** The value of the {@code table} label in {@code /metrics}. */
  public String label() {
    return label;
  }
}
