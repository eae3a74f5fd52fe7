package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.config.IndexConfig;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.QueryParser;

/**
 * The translator builds, from the model, the very Lucene query the string parsing built before it (Lucene's
 * {@code SimpleQueryParser} over the text with {@code OR} read as {@code |}, then the exclusion repair),
 * for generated queries of every shape the syntax allows.
 */
class QueryTranslatorTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();
  static OpenIndex index;
  static Map<String, Float> weights;

  @BeforeAll
  static void open() {
    IndexConfig config = SEED.config();
    index = SEED.index();
    weights = Map.of(
        Fields.TEXT, config.ranking().textWeight(),
        Fields.HEADINGS, config.ranking().headingsWeight(),
        Fields.TITLE, config.ranking().titleWeight());
  }

  static final String[] PIECES = {"imatinib", "side", "effects", "ALL", "all", "the", "of", "OR", "OR", "|", "+",
      "-", "--", "\"", "\"", "(", ")", "()", "\"\"", "*", "~", "~1", "~2", "~x", "\\", "stem", "cell", "transplant",
      "CAR-T", "anti-CD52", "blin*", "a", "1", "\t", "\n", " ", " ", " ", " "};

  @Test
  void theTranslatorBuildsWhatTheStringParserBuilt() {
    QueryTranslator translator = new QueryTranslator(index.analyzer(), weights);
    Random random = new Random(20261203L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder q = new StringBuilder();
      for (int n = random.nextInt(9); n >= 0; n--) {
        q.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(3) > 0) {
          q.append(' ');
        }
      }
      String typed = q.toString();
      assertEquals(before(typed), translator.translate(QueryParser.parse(typed)), typed);
    }
  }

  @Test
  void examplesReadAsBefore() {
    QueryTranslator translator = new QueryTranslator(index.analyzer(), weights);
    for (String typed : new String[] {"", "*", " * ", "-", "+(", "a OR b", "a OR", "OR b", "x -\"stem cell\"",
        "\"side effects\"~3 x", "remision~1", "(a | b) + c", "a + () b", "--a", "-(a b) c", "\"unclosed words"}) {
      assertEquals(before(typed), translator.translate(QueryParser.parse(typed)), typed);
    }
  }

  /** How the query was built from the string before the model: kept here as the reference. */
  static Query before(String text) {
    SimpleQueryParser parser = new SimpleQueryParser(index.analyzer(), weights);
    parser.setDefaultOperator(Occur.SHOULD);
    Query parsed = parser.parse(text.replaceAll("(?<=\\s)OR(?=\\s)", "|"));
    return parsed == null ? new MatchNoDocsQuery("no searchable words") : excludeForReal(parsed);
  }

  static Query excludeForReal(Query parsed) {
    if (!(parsed instanceof BooleanQuery bq)) {
      return parsed;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (BooleanClause clause : bq.clauses()) {
      Query excluded = negation(clause);
      if (excluded != null) {
        b.add(excluded, Occur.MUST_NOT);
      } else {
        b.add(clause);
        positive |= clause.occur() != Occur.MUST_NOT;
      }
    }
    return positive ? b.build() : new MatchNoDocsQuery("only exclusions");
  }

  static Query negation(BooleanClause clause) {
    if (clause.occur() != Occur.SHOULD || !(clause.query() instanceof BooleanQuery inner)) {
      return null;
    }
    Query not = null;
    boolean all = false;
    for (BooleanClause c : inner.clauses()) {
      if (c.occur() == Occur.MUST_NOT && not == null) {
        not = c.query();
      } else if (c.query() instanceof MatchAllDocsQuery) {
        all = true;
      } else {
        return null;
      }
    }
    return all ? not : null;
  }
}
