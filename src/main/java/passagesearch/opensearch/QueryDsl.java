package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.config.IndexConfig;
import passagesearch.config.RankingSettings;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.query.Joining;
import passagesearch.query.Node;
import passagesearch.query.ParsedQuery;
import passagesearch.query.Tags;
import passagesearch.search.TopicWeight;

/**
 * The one place a query's model becomes OpenSearch's query DSL: the twin of search.QueryTranslator and
 * search.QueryFactory, step for step, so both engines search the same way. Operands through one switch, over
 * text, headings and title with their weights, joined as typed and read left to right, an exclusion among
 * optional words excluding for real; then synonyms at a lower weight (the expanding analyzer), proximity,
 * named and implied tags, the requested filters, and set-aside material left out unless a tag asks for it.
 *
 * <p>How operands join is {@link Joining}'s, shared with the Lucene twin; the query is put together over a
 * small model of boolean clauses ({@link Q}) and only then written as JSON.
 */
final class QueryDsl {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final RankingSettings ranking;
  private final Set<String> setAsideTags;
  private final Set<String> acronyms;
  private final Set<String> queryStops;
  private final Map<String, Float> weights;
  /** A topic tag's lift in the generation searched ({@link TopicWeight}); null lifts every named tag by its whole weight. */
  private final Function<String, Float> topicLift;
  private final Joining<Q> joining = new Joining<>(new Joining.Writer<>() {
    @Override
    public Q operand(Node node) {
      return QueryDsl.this.operand(node);
    }

    @Override
    public Q bool(List<Joining.Part<Q>> parts) {
      return new Bool(parts.stream().map(p -> new BoolClause(occur(p.occur()), p.query())).toList());
    }

    @Override
    public Q everything() {
      return new All();
    }

    @Override
    public Q nothing(String why) {
      return new None();
    }
  });

  QueryDsl(IndexConfig config) {
    this(config, null);
  }

  /**
   * A translator for one generation, whose topic tags lift as their share of its passages says ({@code
   * carrying}: passages per tag), as the embedded engine's do.
   */
  QueryDsl(IndexConfig config, Map<String, Integer> carrying, long passages) {
    this(config, tag -> TopicWeight.of(config.ranking().tagWeight(), carrying.getOrDefault(tag, 0), passages));
  }

  private QueryDsl(IndexConfig config, Function<String, Float> topicLift) {
    this.topicLift = topicLift;
    this.ranking = config.ranking();
    this.setAsideTags = config.tags().setAsideTags();
    this.acronyms = config.tags().acronyms();
    this.queryStops = IndexSettings.queryStopWords(config);
    Map<String, Float> w = new LinkedHashMap<>();
    w.put(Fields.TEXT, ranking.textWeight());
    w.put(Fields.HEADINGS, ranking.headingsWeight());
    w.put(Fields.TITLE, ranking.titleWeight());
    this.weights = w;
  }

  enum Occur { MUST, SHOULD, MUST_NOT, FILTER }

  /** A query being put together: a leaf of DSL, a boolean of clauses, everything, or nothing. */
  sealed interface Q {}

  record Leaf(ObjectNode json) implements Q {}

  record Bool(List<BoolClause> clauses) implements Q {}

  record BoolClause(Occur occur, Q query) {}

  record Boosted(Q query, float boost) implements Q {}

  record All() implements Q {}

  record None() implements Q {}

  /** The words with their synonyms: what must match, and what the highlighter marks. */
  Q words(ParsedQuery query) {
    Q exact = translate(query);
    if (ranking.synonymWeight() <= 0) {
      return exact;
    }
    Q expanded = expandedWords(query.wordsOutsidePhrases());
    if (expanded == null) {
      return exact;
    }
    List<BoolClause> b = new ArrayList<>();
    b.add(new BoolClause(Occur.SHOULD, exact));
    b.add(new BoolClause(Occur.SHOULD, new Boosted(expanded, ranking.synonymWeight())));
    exclusions(exact).forEach(q -> b.add(new BoolClause(Occur.MUST_NOT, q)));
    return new Bool(b);
  }

  /** The query searched: words, proximity, tags, filters; a passage that only restates its heading scored down. */
  Q full(ParsedQuery query, Q words, Collection<String> tags, Collection<String> sources) {
    Q searched = filtered(scored(words, query), tags, sources);
    float factor = ranking.headingStubFactor();
    if (factor >= 1f) {
      return searched;
    }
    // As QueryFactory.demotingStubs: the score of a marked heading stub multiplied by the factor.
    ObjectNode fs = Cluster.JSON.createObjectNode();
    ObjectNode body = fs.putObject("function_score");
    body.set("query", json(searched));
    ObjectNode function = body.putArray("functions").addObject();
    function.putObject("filter").putObject("term").put(Fields.RESTATES_HEADING, true);
    function.put("weight", factor);
    body.put("boost_mode", "multiply");
    return new Leaf(fs);
  }

  /**
   * What every hit must satisfy, scoring nothing: the filters and the query's exclusions (excluded words and
   * tags), as {@code QueryFactory.restriction}; passages found by meaning are sought within it.
   */
  Q restriction(ParsedQuery query, Q words, Collection<String> tags, Collection<String> sources) {
    List<BoolClause> b = new ArrayList<>();
    b.add(new BoolClause(Occur.FILTER, new All()));
    exclusions(words).forEach(q -> b.add(new BoolClause(Occur.MUST_NOT, q)));
    for (String tag : query.tags().excluded()) {
      b.add(new BoolClause(Occur.MUST_NOT, term(Fields.TAG, tag)));
    }
    return filtered(new Bool(b), tags, sources);
  }

  /** The query's content words (its loose words less stop words): how much weight meaning gets. */
  int contentWords(ParsedQuery query) {
    return searchableWords(query.looseWords());
  }

  Q translate(ParsedQuery query) {
    return joining.query(query.clauses());
  }

  Q operand(Node node) {
    return switch (node) {
      case Node.Term t -> !searchable(t.text()) ? null
          : ranking.combinedFields() ? combinedFields(t.text()) : overFields(f -> match(f, t.text(), null));
      case Node.Phrase p -> searchable(p.text()) ? overFields(f -> matchPhrase(f, p.text(), p.slop(), null)) : null;
      case Node.Prefix p -> overFields(f -> leaf("prefix", f, Cluster.JSON.createObjectNode().put("value", normalized(p.text()))));
      case Node.Fuzzy z -> overFields(f -> leaf("fuzzy", f,
          Cluster.JSON.createObjectNode().put("value", normalized(z.text())).put("fuzziness", z.edits())));
      case Node.Group g -> joining.group(g.clauses());
      case Node.Empty e -> null;
      case Node.Everything e -> new All();
    };
  }

  private Q overFields(Function<String, Q> perField) {
    List<BoolClause> b = new ArrayList<>();
    Q only = null;
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      Q q = perField.apply(f.getKey());
      only = f.getValue() != 1f ? new Boosted(q, f.getValue()) : q;
      b.add(new BoolClause(Occur.SHOULD, only));
    }
    return b.size() == 1 ? only : new Bool(b);
  }

  private Q expandedWords(String loose) {
    if (!searchable(loose)) {
      return null;
    }
    List<BoolClause> fields = new ArrayList<>();
    for (Map.Entry<String, Float> f : weights.entrySet()) {
      if (f.getValue() > 0) {
        fields.add(new BoolClause(Occur.SHOULD, new Boosted(match(f.getKey(), loose, IndexSettings.EXPANDED_ANALYZER), f.getValue())));
      }
    }
    return fields.isEmpty() ? null : new Bool(fields);
  }

  private Q scored(Q words, ParsedQuery query) {
    Tags tags = query.tags();
    List<BoolClause> b = new ArrayList<>();
    if (tags.named().isEmpty() || ranking.tagWeight() <= 0) {
      b.add(new BoolClause(Occur.MUST, words));
    } else {
      // As QueryFactory: a passage whose own words earn a named tag matches by it alone; any with the tag is lifted.
      List<BoolClause> match = new ArrayList<>();
      match.add(new BoolClause(Occur.SHOULD, words));
      for (String tag : tags.matchingAlone()) {
        match.add(new BoolClause(Occur.SHOULD, new Bool(List.of(new BoolClause(Occur.FILTER, term(Fields.TAG_IN_TEXT, tag))))));
      }
      b.add(new BoolClause(Occur.MUST, new Bool(match)));
      exclusions(words).forEach(q -> b.add(new BoolClause(Occur.MUST_NOT, q)));
      if (topicLift == null) {
        lift(b, tags.named(), ranking.tagWeight());
      } else {
        // As QueryFactory: a tag that names one thing lifts by its whole weight, a topic as its share says.
        lift(b, tags.specific(), ranking.tagWeight());
        tags.named().stream().filter(t -> !tags.specific().contains(t))
            .forEach(t -> lift(b, List.of(t), topicLift.apply(t)));
      }
    }
    String loose = query.looseWords();
    if (ranking.phraseWeight() > 0 && searchableWords(loose) >= 2) {
      b.add(new BoolClause(Occur.SHOULD, new Boosted(matchPhrase(Fields.TEXT, loose, ranking.phraseSlop(), null),
          ranking.phraseWeight())));
    }
    lift(b, tags.implied(), ranking.impliedTagWeight());
    for (String tag : tags.excluded()) {
      b.add(new BoolClause(Occur.MUST_NOT, term(Fields.TAG, tag)));
    }
    return new Bool(b);
  }

  private Q filtered(Q scored, Collection<String> tags, Collection<String> sources) {
    List<BoolClause> b = new ArrayList<>();
    b.add(new BoolClause(Occur.MUST, scored));
    b.add(new BoolClause(Occur.FILTER, term(Fields.KIND, Fields.PASSAGE)));
    for (String tag : tags) {
      b.add(new BoolClause(Occur.FILTER, term(Fields.TAG, tag)));
    }
    if (!sources.isEmpty()) {
      ObjectNode terms = Cluster.JSON.createObjectNode();
      ArrayNode values = terms.putObject("terms").putArray(Fields.SOURCE);
      sources.forEach(values::add);
      b.add(new BoolClause(Occur.FILTER, new Leaf(terms)));
    }
    for (String aside : setAsideTags) {
      if (!tags.contains(aside)) {
        b.add(new BoolClause(Occur.MUST_NOT, term(Fields.TAG, aside)));
      }
    }
    return new Bool(b);
  }

  private static void lift(List<BoolClause> b, List<String> tags, float weight) {
    if (weight <= 0) {
      return;
    }
    for (String tag : tags) {
      ObjectNode cs = Cluster.JSON.createObjectNode();
      cs.putObject("constant_score").put("boost", weight).putObject("filter").putObject("term").put(Fields.TAG, tag);
      b.add(new BoolClause(Occur.SHOULD, new Leaf(cs)));
    }
  }

  private static List<Q> exclusions(Q words) {
    List<Q> out = new ArrayList<>();
    if (words instanceof Bool bq) {
      bq.clauses().stream().filter(c -> c.occur() == Occur.MUST_NOT).forEach(c -> out.add(c.query()));
    }
    return out;
  }

  /** A prefix or fuzzy word as the index holds it: an acronym marked as the analysis marks it, all else lower case. */
  String normalized(String text) {
    return acronyms.contains(text) && text.chars().allMatch(Character::isLetter)
        ? IndexSettings.marked(text)
        : text.toLowerCase(Locale.ROOT);
  }

  /** Whether the words leave anything to search once the query's stop words are dropped. */
  private boolean searchable(String text) {
    return searchableWords(text) > 0;
  }

  private int searchableWords(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group();
      if (acronyms.contains(w) || !queryStops.contains(w.toLowerCase(Locale.ROOT))) {
        n++;
      }
    }
    return n;
  }

  private static Q match(String field, String text, String analyzer) {
    ObjectNode body = Cluster.JSON.createObjectNode().put("query", text);
    if (analyzer != null) {
      body.put("analyzer", analyzer);
      // As Lucene's QueryBuilder by default: a synonym of several words is any of its words, not a phrase.
      body.put("auto_generate_synonyms_phrase_query", false);
    }
    return leaf("match", field, body);
  }

  /**
   * Words scored once over the text, headings and title as if they were one field (BM25F, OpenSearch 3.2's
   * {@code combined_fields} over Lucene's CombinedFieldQuery), each field's occurrences counted by its weight:
   * what the embedded engine does with {@code fields.combined: true}. The query takes no analyzer, so the
   * words expanded with synonyms stay a match per field.
   */
  private Q combinedFields(String text) {
    ObjectNode body = Cluster.JSON.createObjectNode().put("query", text);
    ArrayNode fields = body.putArray("fields");
    weights.forEach((field, weight) -> fields.add(field + "^" + Math.max(1f, weight)));
    ObjectNode q = Cluster.JSON.createObjectNode();
    q.set("combined_fields", body);
    return new Leaf(q);
  }

  static Q matchPhrase(String field, String text, int slop, String analyzer) {
    ObjectNode body = Cluster.JSON.createObjectNode().put("query", text).put("slop", slop);
    if (analyzer != null) {
      body.put("analyzer", analyzer);
    }
    return leaf("match_phrase", field, body);
  }

  static Q term(String field, String value) {
    ObjectNode t = Cluster.JSON.createObjectNode();
    t.putObject("term").put(field, value);
    return new Leaf(t);
  }

  static Q leaf(String type, String field, ObjectNode body) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    q.putObject(type).set(field, body);
    return new Leaf(q);
  }

  /** The model as OpenSearch's query DSL. */
  static JsonNode json(Q q) {
    return switch (q) {
      case Leaf l -> l.json();
      case All a -> object("match_all");
      case None n -> object("match_none");
      case Boosted b -> {
        ObjectNode out = Cluster.JSON.createObjectNode();
        ObjectNode bool = out.putObject("bool");
        bool.putArray("must").add(json(b.query()));
        bool.put("boost", b.boost());
        yield out;
      }
      case Bool b -> {
        ObjectNode out = Cluster.JSON.createObjectNode();
        ObjectNode bool = out.putObject("bool");
        for (BoolClause c : b.clauses()) {
          String key = c.occur().name().toLowerCase(Locale.ROOT);
          (bool.has(key) ? (ArrayNode) bool.get(key) : bool.putArray(key)).add(json(c.query()));
        }
        yield out;
      }
    };
  }

  private static ObjectNode object(String type) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    out.putObject(type);
    return out;
  }

  private static Occur occur(Joining.Occur occur) {
    return switch (occur) {
      case MUST -> Occur.MUST;
      case SHOULD -> Occur.SHOULD;
      case MUST_NOT -> Occur.MUST_NOT;
    };
  }
}
