package passagesearch.search;

/**
 * One passage in place: its document, its neighbours, and the source text around it.
 *
 * @param previous the id of the passage before it in the document, or null
 * @param next the id of the passage after it, or null
 * @param context the source text just before and after the passage, and the passage as the source has it
 */
public record PassageView(PassageSummary passage, SourceRef source, String previous, String next, Context context) {
  /**
   * @param before up to {@link Catalog#CONTEXT_CHARS} characters of source before the passage, from a line start
   * @param text the passage exactly as in the source ({@code source.substring(start, end)})
   * @param after up to {@link Catalog#CONTEXT_CHARS} characters after it, to a line end
   */
  public record Context(String before, String text, String after) {
    /** The source around a passage, cut at line boundaries; null when the source is not there to cut. */
    public static Context around(String source, SearchHit.Offsets at) {
      return Catalog.context(source, at);
    }
  }
}
