package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import passagesearch.config.SemanticSettings;
import passagesearch.embed.Encoder;
import passagesearch.embed.ModelSlot;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.ParsedQuery;

/**
 * Search by meaning beside search by words. The query's words, as the model reads them, become a vector;
 * the passages nearest it (within the search's filters and exclusions, and near enough:
 * {@link SemanticSettings#minSimilarity()}) join the lexical matches, and each passage's score becomes a
 * weighted sum of its lexical score over the query's best and its similarity rescaled over the
 * candidates ({@link SemanticSettings#weightFor}: meaning counts for less in a query of a few keywords
 * than in a question in sentences). The fused ranking is one Lucene query, so paging,
 * facets, folding and explanations work on it as on a lexical one.
 *
 * <p>A query written with search syntax (a quoted phrase, a prefix, a fuzzy word, a {@code +}) asks for
 * exactly that, and one that names a tag (a drug, a disease, a treatment: "Campath", "TKI") asks about that
 * thing, which a passage about a neighbouring one does not answer: meaning then reorders the lexical
 * matches and adds none. Dense retrieval is weakest exactly on such names.
 */
final class Semantic {
  private final SemanticSettings settings;
  private final ModelSlot models;
  private final Map<String, String> readAs;
  private final Predicate<String> knows;
  private final MeaningSnippet snippets = new MeaningSnippet();

  /**
   * @param readAs words the model reads as another (lower case): spelling variants as their indexed form,
   *     drug brands as the drug's name, so "leukaemia" and "leukemia", "Gleevec" and "imatinib", find the
   *     same passages by meaning as they do by words
   * @param knows whether a word means something here (a word of the corpus, the configuration or English):
   *     a query with none, "xyzzy plugh", is read by its words alone, since the model would make a vector of
   *     its letters that lies as near some passages (0.5 to 0.6) as real questions do
   */
  Semantic(SemanticSettings settings, ModelSlot models, Map<String, String> readAs, Predicate<String> knows) {
    this.settings = settings;
    this.models = models;
    this.readAs = Map.copyOf(readAs);
    this.knows = knows;
  }

  /** How a search was answered: {@code hybrid} (words and meaning) or {@code lexical}, and why not hybrid. */
  record Mode(String name, String reason) {
    static final String HYBRID = "hybrid";
    static final String LEXICAL = "lexical";

    static Mode lexical(String reason) {
      return new Mode(LEXICAL, reason);
    }
  }

  /**
   * A query as searched: the fused Lucene query, how it was answered, its vector when it has one, and the
   * passages (doc ids) that joined by meaning.
   */
  record Fused(Query query, Mode mode, float[] vector, DocScoresQuery byMeaning) {
    Fused(Query query, Mode mode, float[] vector) {
      this(query, mode, vector, null);
    }

    boolean foundByMeaning(int doc) {
      return byMeaning != null && byMeaning.matches(doc);
    }

    /** The same search, its query made what {@code finish} makes of it. */
    Fused finished(UnaryOperator<Query> finish) {
      return new Fused(finish.apply(query), mode, vector, byMeaning);
    }
  }

  /** Whether searches on this generation can use meaning now, and why not. */
  Mode mode(OpenIndex index) {
    if (!settings.enabled() || settings.weight() <= 0) {
      return Mode.lexical(settings.enabled() ? "semantic.yaml: fusion.weight is 0" : "semantic retrieval is off (semantic.yaml)");
    }
    String built = index.info().vectorModel();
    if (built == null) {
      return Mode.lexical("the index generation " + index.info().name()
          + " has no passage vectors (built with semantic retrieval off, or without the model); rebuild it");
    }
    Optional<Encoder> encoder = models.ready();
    if (encoder.isEmpty()) {
      return Mode.lexical(models.reason());
    }
    if (!built.equals(encoder.get().model())) {
      return Mode.lexical("the generation's vectors come from " + built + ", the loaded model is "
          + encoder.get().model() + "; rebuild the index");
    }
    return new Mode(Mode.HYBRID, null);
  }

  /**
   * The lexical query and the passages that join it by meaning, to search ({@link FusedCollection}); the
   * lexical query alone when the search cannot or need not use meaning.
   *
   * @param lexical the lexical query, filters included
   * @param restriction what every hit must satisfy: the filters and the exclusions alone
   */
  Fusion fuse(OpenIndex index, IndexSearcher searcher, ParsedQuery meaning, int contentWords, Query lexical,
      Query restriction) throws IOException {
    boolean hasContentWords = contentWords > 0;
    float weight = settings.weightFor(contentWords);
    Mode mode = mode(index);
    if (!mode.name().equals(Mode.HYBRID)) {
      return Fusion.words(lexical, mode, null);
    }
    String text = readable(meaning.looseWords());
    if (!hasContentWords || text.isEmpty()) {
      // "the of and", "all": nothing to read a meaning from, as nothing to match by words.
      return Fusion.words(lexical, Mode.lexical("the query has no words to read a meaning from"), null);
    }
    if (WORD.matcher(text).results().map(java.util.regex.MatchResult::group).noneMatch(knows)) {
      return Fusion.words(lexical, Mode.lexical("no word of the query is a word of these sources or of English"), null);
    }
    Encoder encoder = models.ready().orElseThrow();
    // A few keywords ("AML treatment") are read as a search for passages (bge's instruction); a question or a
    // claim in a sentence, short in content words as it may be ("what is diabetes"), as it stands.
    float[] vector = settings.fewWords((int) WORD.matcher(text).results().count())
        ? encoder.keywords(text) : encoder.query(text);
    TopDocs near = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, settings.candidates(), restriction),
        settings.candidates());
    List<ScoreDoc> kept = new ArrayList<>();
    float best = settings.minSimilarity();
    for (ScoreDoc sd : near.scoreDocs) {
      float cosine = 2 * sd.score - 1; // Lucene scores a dot product as (1 + dot) / 2
      if (cosine >= settings.minSimilarity()) {
        kept.add(new ScoreDoc(sd.doc, cosine));
        best = Math.max(best, cosine);
      }
    }
    if (kept.isEmpty()) {
      return Fusion.words(lexical, mode, vector);
    }
    int[] docs = new int[kept.size()];
    float[] scores = new float[kept.size()];
    float span = Math.max(1e-6f, best - settings.minSimilarity());
    for (int i = 0; i < docs.length; i++) {
      docs[i] = kept.get(i).doc;
      scores[i] = (kept.get(i).score - settings.minSimilarity()) / span;
    }
    boolean reorderOnly = meaning.usesSyntax() || !meaning.tags().named().isEmpty();
    return new Fusion(lexical, mode, vector, new DocScoresQuery(searcher.getIndexReader(), docs, scores), weight,
        reorderOnly);
  }

  /**
   * The snippet of a hit that shares no word with the query: its sentence nearest in meaning. Empty when
   * the model is not ready (the highlighter's opening sentences stand).
   */
  Optional<String> snippet(String text, float[] vector, int maxLength) {
    return models.ready().map(encoder -> snippets.of(text, vector, encoder, maxLength));
  }

  /** The query's words as the model reads them: each variant spelling and brand as its indexed word. */
  String readable(String words) {
    StringBuilder out = new StringBuilder(words.length());
    java.util.regex.Matcher m = WORD.matcher(words);
    int last = 0;
    while (m.find()) {
      String as = readAs.get(m.group().toLowerCase(java.util.Locale.ROOT));
      out.append(words, last, m.start()).append(as == null ? m.group() : as);
      last = m.end();
    }
    return out.append(words, last, words.length()).toString().strip();
  }

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");

}
