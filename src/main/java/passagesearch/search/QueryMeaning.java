package passagesearch.search;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.config.IndexConfig;
import passagesearch.config.SemanticSettings;
import passagesearch.config.TagDefinition;
import passagesearch.embed.Encoder;
import passagesearch.embed.ModelSlot;
import passagesearch.query.ParsedQuery;

/**
 * The engine-neutral half of search by meaning, shared by the embedded engine ({@link Semantic}) and the
 * cluster's: whether a generation can be searched by meaning now, whether a query is read for a meaning and
 * as what text, its vector, the share of the fused score meaning gets, which nearest passages are near enough
 * and their similarity rescaled over the candidates, and the snippet of a passage found by meaning alone.
 * Each engine finds the nearest passages its own way and fuses by {@link #scale} and {@link Reading#weight()}.
 */
public final class QueryMeaning {
  /**
   * Hits of a page, from its top, that may show their sentence nearest in meaning when no word matched:
   * each costs the model a few sentences, so the rest show the passage's opening sentences.
   */
  public static final int MEANING_SNIPPETS = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");

  private final SemanticSettings settings;
  private final ModelSlot models;
  private final Map<String, String> readAs;
  private final Predicate<String> knows;
  private final MeaningSnippet snippets;
  private final KeptVectors vectors;

  /**
   * @param readAs words the model reads as another (lower case): spelling variants as their indexed form,
   *     drug brands as the drug's name, so "leukaemia" and "leukemia", "Gleevec" and "imatinib", find the
   *     same passages by meaning as they do by words
   * @param knows whether a word means something here (a word of the corpus, the configuration or English):
   *     a query with none, "xyzzy plugh", is read by its words alone, since the model would make a vector of
   *     its letters that lies as near some passages (0.5 to 0.6) as real questions do
   * @param counts where the kept query and sentence vectors' look-ups count, across generations
   */
  QueryMeaning(SemanticSettings settings, ModelSlot models, Map<String, String> readAs, Predicate<String> knows,
      KeptCounters counts) {
    this.settings = settings;
    this.models = models;
    this.readAs = Map.copyOf(readAs);
    this.knows = knows;
    // A question asked again with another filter, page or sort (a facet clicked, the next page) costs a look-up
    // instead of the model's 3 to 4 ms of a core.
    this.vectors = new KeptVectors(settings.keptQueries(), counts.of(KeptTable.QUERY_VECTORS));
    this.snippets = new MeaningSnippet(counts.of(KeptTable.SENTENCE_VECTORS));
  }

  /** For a configuration: the model reads spelling variants and drug brands as the configuration says. */
  public static QueryMeaning of(IndexConfig config, ModelSlot models, Predicate<String> knows) {
    return of(config, models, knows, new KeptCounters());
  }

  static QueryMeaning of(IndexConfig config, ModelSlot models, Predicate<String> knows, KeptCounters counts) {
    return new QueryMeaning(config.semantic(), models, readAs(config), knows, counts);
  }

  /** A query as read for a meaning: its vector (null when it is searched by words alone) and how to fuse. */
  public record Reading(RetrievalMode mode, float[] vector, float weight, boolean reorderOnly) {
    static Reading words(RetrievalMode mode) {
      return new Reading(mode, null, 0, false);
    }
  }

  /** The candidates kept, by their place in the list given, and each one's similarity rescaled over them. */
  public record Near(int[] kept, float[] scores) {
    public boolean isEmpty() {
      return kept.length == 0;
    }
  }

  /**
   * Whether searches on a generation can use meaning now, and why not.
   *
   * @param vectorModel the model the generation's passage vectors come from; null when it has none
   */
  public RetrievalMode mode(String generation, String vectorModel) {
    if (!settings.enabled() || settings.weight() <= 0) {
      return RetrievalMode.lexical(settings.enabled() ? "semantic.yaml: fusion.weight is 0" : "semantic retrieval is off (semantic.yaml)");
    }
    if (vectorModel == null) {
      return RetrievalMode.lexical("the index generation " + generation
          + " has no passage vectors (built with semantic retrieval off, or without the model); rebuild it");
    }
    Optional<Encoder> encoder = models.ready();
    if (encoder.isEmpty()) {
      return RetrievalMode.lexical(models.reason());
    }
    if (!vectorModel.equals(encoder.get().model())) {
      return RetrievalMode.lexical("the generation's vectors come from " + vectorModel + ", the loaded model is "
          + encoder.get().model() + "; rebuild the index");
    }
    return RetrievalMode.hybrid();
  }

  /**
   * The query read for a meaning on a generation searched in {@code mode}: its vector, the weight meaning
   * gets ({@link SemanticSettings#weightFor}), and whether meaning only reorders the lexical matches (a query
   * written with search syntax, or naming a tag). No vector when the mode is lexical, the query has no words
   * to read, or none of its words means anything here.
   */
  public Reading read(RetrievalMode mode, ParsedQuery query, int contentWords) {
    if (!mode.isHybrid()) {
      return Reading.words(mode);
    }
    String text = readable(query.looseWords());
    if (contentWords <= 0 || text.isEmpty()) {
      // "the of and", "all": nothing to read a meaning from, as nothing to match by words.
      return Reading.words(RetrievalMode.lexical("the query has no words to read a meaning from"));
    }
    if (WORD.matcher(text).results().map(java.util.regex.MatchResult::group).noneMatch(knows)) {
      return Reading.words(RetrievalMode.lexical("no word of the query is a word of these sources or of English"));
    }
    Encoder encoder = models.ready().orElseThrow();
    // A few keywords ("AML treatment") are read as a search for passages (bge's instruction); a question or a
    // claim in a sentence, short in content words as it may be ("what is diabetes"), as it stands. Which of
    // the two follows from the text, so the text alone keys its kept vector.
    float[] vector = vectors.get(text, t -> settings.fewWords((int) WORD.matcher(t).results().count())
        ? encoder.keywords(t) : encoder.query(t));
    boolean reorderOnly = query.usesSyntax() || !query.tags().named().isEmpty();
    return new Reading(mode, vector, settings.weightFor(contentWords), reorderOnly);
  }

  /** The kept query vectors: how often they spared the model, and how many are kept. */
  KeptTableStats vectorCache() {
    return vectors.stats();
  }

  /** The kept sentence vectors of snippets by meaning. */
  KeptTableStats sentenceCache() {
    return snippets.stats();
  }

  /** How many passages nearest in meaning a search asks for. */
  public int candidates() {
    return settings.candidates();
  }

  /**
   * The nearest passages near enough ({@link SemanticSettings#minSimilarity()}), each similarity rescaled
   * from the floor (0) to the best of them (1).
   *
   * @param cosines the candidates' cosine similarities to the query
   */
  public Near near(float[] cosines) {
    float floor = settings.minSimilarity();
    int n = 0;
    float best = floor;
    for (float c : cosines) {
      if (c >= floor) {
        n++;
        best = Math.max(best, c);
      }
    }
    int[] kept = new int[n];
    float[] scores = new float[n];
    float span = Math.max(1e-6f, best - floor);
    for (int i = 0, k = 0; i < cosines.length; i++) {
      if (cosines[i] >= floor) {
        kept[k] = i;
        scores[k++] = (cosines[i] - floor) / span;
      }
    }
    return new Near(kept, scores);
  }

  /**
   * What a lexical score is multiplied by in the fused score: {@code (1 - weight)} over the query's best
   * lexical score; meaning adds {@code weight} times the rescaled similarity.
   */
  public static float scale(float weight, float bestLexical) {
    return (1 - weight) / bestLexical;
  }

  /**
   * The snippet of a hit that shares no word with the query: its sentence nearest in meaning. Empty when
   * the model is not ready (the highlighter's opening sentences stand).
   */
  public Optional<String> snippet(String text, float[] vector, int maxLength) {
    return models.ready().map(encoder -> snippets.of(text, vector, encoder, maxLength));
  }

  /** The query's words as the model reads them: each variant spelling and brand as its indexed word. */
  String readable(String words) {
    StringBuilder out = new StringBuilder(words.length());
    Matcher m = WORD.matcher(words);
    int last = 0;
    while (m.find()) {
      String as = readAs.get(m.group().toLowerCase(Locale.ROOT));
      out.append(words, last, m.start()).append(as == null ? m.group() : as);
      last = m.end();
    }
    return out.append(words, last, words.length()).toString().strip();
  }

  /**
   * How the embedding model reads a query's words: spelling variants as their indexed form, a drug's
   * brands as its name.
   */
  private static Map<String, String> readAs(IndexConfig config) {
    Map<String, String> as = new java.util.HashMap<>(config.vocabulary().spellings());
    for (TagDefinition t : config.tags().all()) {
      for (String brand : t.brands()) {
        as.putIfAbsent(brand.toLowerCase(Locale.ROOT), t.label());
      }
    }
    return as;
  }
}
