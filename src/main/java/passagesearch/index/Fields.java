package passagesearch.index;

/** The name of every field in a passage's Lucene document, spelled once. */
public final class Fields {
  private Fields() {}

  /** The passage id, {@code <document id>/<ordinal>}: exact-match key, stored. */
  public static final String ID = "id";
  /** The source document's id: filter, facet dimension, stored, and doc values for result shaping. */
  public static final String SOURCE = "source";
  /** Position among the document's passages: stored, and doc values to list a document in order. */
  public static final String ORDINAL = "ordinal";
  /** The passage's words: analysed for BM25, positions and offsets for phrases and highlighting, stored. */
  public static final String TEXT = "text";
  /** The headings above the passage: analysed so a heading's words count toward the score. */
  public static final String HEADINGS = "headings";
  /** One stored value per heading, outermost first, to give the heading path back exactly; doc values to list them. */
  public static final String HEADING = "heading";
  /** The document title: analysed so the title's words count toward the score. */
  public static final String TITLE = "title";
  /** Passage text and headings as lower-cased surface words, unstemmed: the spelling corrector's vocabulary. */
  public static final String WORDS = "words";
  /** A tag id: exact-match filter and facet dimension, stored, and doc values to count tags per document. */
  public static final String TAG = "tag";
  /**
   * A tag the passage's own words earn (not its headings' or title's): what a query naming the tag may match
   * alone, so that the snippet can show the words. Exact-match filter, not stored.
   */
  public static final String TAG_IN_TEXT = "tag_in_text";
  /**
   * A tag the passage carries because its document is about it, with the reason ({@code all: the document is
   * about it: ...}): stored only, for {@code explain=true}.
   */
  public static final String INHERITED = "inherited";
  /**
   * Present (1) on a passage that only restates its heading (passages.yaml's {@code stub}): numeric doc values,
   * what the ranking scores down; absent on every other passage.
   */
  public static final String RESTATES_HEADING = "restates_heading";
  /** Start and end offsets of the passage in the source text: stored only. */
  public static final String START = "start";

  public static final String END = "end";
  /**
   * The passage's sentence-embedding vector (unit length, dot product), for search by meaning; present
   * only in generations built with semantic retrieval on ({@link GenerationInfo#vectorModel()}).
   */
  public static final String VECTOR = "vector";
  /** The passage's word-trigram hashes ({@link Shingles}): binary doc values, to fold near-duplicates. */
  public static final String SHINGLES = "shingles";
}
