package passagesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import passagesearch.config.RankingSettings;
import passagesearch.index.Fields;
import passagesearch.query.ParsedQuery;
import passagesearch.query.Tags;

/**
 * Turns a query's model into the Lucene query searched, one step per idea:
 *
 * <ol>
 *   <li>words: the model through {@link QueryTranslator} over text, headings and title with their weights;
 *   <li>synonyms: the query's words through the expanding analyzer, added at a lower weight, so exact words
 *       outrank synonyms;
 *   <li>proximity: the words standing close together in the text score extra;
 *   <li>tags: passages with a tag the query names, or one such a tag implies, are lifted;
 *   <li>filters: requested tags and sources; set-aside material left out unless a tag asks for it;
 *   <li>heading stubs: the whole score of a passage that only restates its heading scaled down.
 * </ol>
 */
final class QueryFactory {
  private final Analyzer plain;
  private final Analyzer expanding;
  private final RankingSettings ranking;
  private final Set<String> setAsideTags;
  private final QueryTranslator translator;

  QueryFactory(Analyzer plain, Analyzer expanding, RankingSettings ranking, Set<String> setAsideTags) {
    this.plain = plain;
    this.expanding = expanding;
    this.ranking = ranking;
    this.setAsideTags = setAsideTags;
    this.translator = new QueryTranslator(plain, weights(), ranking.combinedFields());
  }

  /** The words with their synonyms: what must match, and what the highlighter marks; flat ({@link FlatQuery}). */
  Query words(ParsedQuery query) {
    return FlatQuery.of(withSynonyms(query));
  }

  private Query withSynonyms(ParsedQuery query) {
    Query exact = translator.translate(query);
    if (ranking.synonymWeight() <= 0) {
      return exact;
    }
    // Synonyms may span words ("bone marrow transplant"), so the expansion reads the words as one run
    // of text rather than operand by operand as the translator does.
    // A quoted phrase is matched as typed (its spelling variants are the same terms), never by its synonyms.
    Query expanded = expandedWords(query.wordsOutsidePhrases());
    if (expanded == null) {
      return exact;
    }
    // Every exact word is also in its expansion: added as one disjunction, its postings are read once.
    Optional<Query> summed = SummedClauses.of(exact, 1f, expanded, ranking.synonymWeight());
    if (summed.isPresent()) {
      return summed.get();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(exact, Occur.SHOULD)
        .add(new BoostQuery(expanded, ranking.synonymWeight()), Occur.SHOULD);
    // Exclusions hold whichever way a passage matched.
    exclusions(exact).forEach(q -> b.add(q, Occur.MUST_NOT));
    return b.build();
  }

  private Query expandedWords(String loose) {
    if (ranking.combinedFields()) {
      return new QueryTranslator.CombinedFields(expanding, weights()).words(loose);
    }
    QueryBuilder builder = new QueryBuilder(expanding);
    Map<String, Float> weights = weights();
    List<String> names = List.copyOf(weights.keySet());
    List<Query> perField = OnOtherField.forEach(names, f -> builder.createBooleanQuery(f, loose, Occur.SHOULD));
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    for (int i = 0; i < names.size(); i++) {
      float weight = weights.get(names.get(i));
      if (perField.get(i) != null && weight > 0) {
        fields.add(new BoostQuery(perField.get(i), weight), Occur.SHOULD);
        any = true;
      }
    }
    return any ? fields.build() : null;
  }

  private Map<String, Float> weights() {
    return Map.of(
        Fields.TEXT, ranking.textWeight(),
        Fields.HEADINGS, ranking.headingsWeight(),
        Fields.TITLE, ranking.titleWeight());
  }

  /**
   * The words, or a tag the query names, required; what lifts a passage without being required (proximity,
   * named and implied tags); and the exclusions, the tags excluded words name among them.
   */
  Query scored(Query words, ParsedQuery query) {
    Tags tags = query.tags();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (tags.named().isEmpty() || ranking.tagWeight() <= 0) {
      b.add(words, Occur.MUST);
    } else {
      // A passage whose own words earn a tag the query names answers it even in other words: "Trisenox"
      // finds the passage that says "arsenic", "Campath" the one that says "anti-CD52", and its snippet
      // marks those words. A tag from its headings or its document lifts it but does not make it match:
      // nothing in its text would show why it was found; nor does a tag named inside a quoted phrase,
      // which asks for its words. The lift is the same whichever way the passage matched; a topic's is
      // weighed by this corpus (TopicTag); exclusions hold for both ways.
      BooleanQuery.Builder match = new BooleanQuery.Builder().add(words, Occur.SHOULD);
      for (String tag : tags.matchingAlone()) {
        // Matches without scoring: the form Lucene's rewrite gives a lone filter, built as such.
        match.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TAG_IN_TEXT, tag))), 0f), Occur.SHOULD);
      }
      b.add(FlatQuery.of(match.build()), Occur.MUST);
      exclusions(words).forEach(q -> b.add(q, Occur.MUST_NOT));
      lift(b, tags.specific(), ranking.tagWeight());
      tags.named().stream().filter(t -> !tags.specific().contains(t))
          .forEach(t -> b.add(new TopicTag(t, ranking.tagWeight()), Occur.SHOULD));
    }
    String loose = query.looseWords();
    if (ranking.phraseWeight() > 0 && AnalyzedText.terms(plain, loose).size() >= 2) {
      Query phrase = new QueryBuilder(plain).createPhraseQuery(Fields.TEXT, loose, ranking.phraseSlop());
      if (phrase != null) {
        b.add(new BoostQuery(phrase, ranking.phraseWeight()), Occur.SHOULD);
      }
    }
    lift(b, tags.implied(), ranking.impliedTagWeight());
    for (String tag : tags.excluded()) {
      b.add(new TermQuery(new Term(Fields.TAG, tag)), Occur.MUST_NOT);
    }
    return b.build();
  }

  /**
   * A topic tag's lift (side effects, clinical trials, prognosis), weighed by how much THIS corpus uses the
   * topic's words ({@link TopicWeight}: the corpus speaks of the topic in those words, as the seed pages do of
   * side effects, or it does not). Read from the index when the query is rewritten; scored as a constant, like
   * a drug's tag.
   */
  private static final class TopicTag extends Query {
    private final Term tag;
    private final float weight;

    TopicTag(String tag, float weight) {
      this.tag = new Term(Fields.TAG, tag);
      this.weight = weight;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      float scaled = TopicWeight.of(weight, searcher.getIndexReader().docFreq(tag), searcher.getIndexReader().maxDoc());
      return scaled <= 0f
          ? new MatchNoDocsQuery("topic tag " + tag.text() + " carried by no passage")
          : new BoostQuery(new ConstantScoreQuery(new TermQuery(tag)), scaled);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(tag.field())) {
        visitor.consumeTerms(this, tag);
      }
    }

    @Override
    public String toString(String field) {
      return "topic(" + tag + ")^" + weight;
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && tag.equals(((TopicTag) o).tag) && weight == ((TopicTag) o).weight;
    }

    @Override
    public int hashCode() {
      return Objects.hash(classHash(), tag, weight);
    }
  }

  /** The clauses a query excludes, to exclude again when it is wrapped as one way among others to match. */
  private static List<Query> exclusions(Query words) {
    List<Query> out = new ArrayList<>();
    if (words instanceof BooleanQuery bq) {
      bq.clauses().stream().filter(c -> c.occur() == Occur.MUST_NOT).forEach(c -> out.add(c.query()));
    }
    return out;
  }

  private static void lift(BooleanQuery.Builder b, List<String> tags, float weight) {
    if (weight <= 0) {
      return;
    }
    for (String tag : tags) {
      b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TAG, tag))), weight), Occur.SHOULD);
    }
  }

  /**
   * The query searched, with each passage that only restates its heading (a one-line section summary, marked
   * when indexed) scored by {@code results.headingStubFactor}: the passages of the section that answer rank
   * above it, and it is still found when nothing else matches. Applied to the whole score, words and meaning,
   * since a short summary is near in meaning to any question about its heading.
   */
  Query demotingStubs(Query searched) {
    float factor = ranking.headingStubFactor();
    return factor >= 1f
        ? searched
        : FunctionScoreQuery.boostByQuery(searched, new FieldExistsQuery(Fields.RESTATES_HEADING), factor);
  }

  Query filtered(Query scored, Collection<String> tags, Collection<String> sources) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(scored, Occur.MUST);
    for (String tag : tags) {
      b.add(new TermQuery(new Term(Fields.TAG, tag)), Occur.FILTER);
    }
    if (!sources.isEmpty()) {
      b.add(new TermInSetQuery(Fields.SOURCE, sources.stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
    for (String aside : setAsideTags) {
      if (!tags.contains(aside)) {
        b.add(new TermQuery(new Term(Fields.TAG, aside)), Occur.MUST_NOT);
      }
    }
    return b.build();
  }

  /**
   * What every hit must satisfy whichever way it was found: the requested tags and sources, set-aside
   * material left out unless asked for, and the query's exclusions (excluded words and the tags they name).
   * A passage found by meaning joins the hits only within it.
   */
  Query restriction(Query words, ParsedQuery query, Collection<String> tags, Collection<String> sources) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.FILTER);
    exclusions(words).forEach(q -> b.add(q, Occur.MUST_NOT));
    for (String tag : query.tags().excluded()) {
      b.add(new TermQuery(new Term(Fields.TAG, tag)), Occur.MUST_NOT);
    }
    return filtered(b.build(), tags, sources);
  }

  /** The indexed terms the query's words become. */
  List<String> plainTerms(ParsedQuery query) {
    return AnalyzedText.terms(plain, query.looseWords());
  }

  /** Terms the expanding analyzer adds to the plain ones (quoted phrases are never expanded). */
  List<String> expansions(ParsedQuery query) {
    Set<String> added = new LinkedHashSet<>(AnalyzedText.terms(expanding, query.wordsOutsidePhrases()));
    plainTerms(query).forEach(added::remove);
    return new ArrayList<>(added);
  }
}
