package passagesearch.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import passagesearch.index.Fields;
import passagesearch.index.PassageAnalyzer;
import passagesearch.query.Joining;
import passagesearch.query.Node;
import passagesearch.query.ParsedQuery;

/**
 * The one place a query's model becomes a Lucene query: each operand through one switch, over every field
 * with its weight; operands joined as typed, read left to right ({@code a | b + c} is {@code (a | b) + c}),
 * any when no operator is typed ({@link Joining}, shared with the OpenSearch engine). The query it builds is
 * the one Lucene's {@code SimpleQueryParser} builds from the same text, with one repair: an exclusion among
 * optional words excludes for real.
 */
final class QueryTranslator {
  private final Analyzer analyzer;
  private final QueryBuilder builder;
  private final Map<String, Float> weights;
  private final QueryBuilder combined;
  private final Joining<Query> joining;

  /** Each field scored on its own, as {@code SimpleQueryParser} does. */
  QueryTranslator(Analyzer analyzer, Map<String, Float> weights) {
    this(analyzer, weights, false);
  }

  /**
   * @param weights the fields searched, with their weights
   * @param combine whether words are scored over the fields as one ({@link CombinedFields})
   */
  QueryTranslator(Analyzer analyzer, Map<String, Float> weights, boolean combine) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
    this.weights = weights;
    this.combined = combine ? new CombinedFields(analyzer, weights) : null;
    this.joining = new Joining<>(new Joining.Writer<>() {
      @Override
      public Query operand(Node node) {
        return QueryTranslator.this.operand(node);
      }

      @Override
      public Query bool(List<Joining.Part<Query>> parts) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p.query(), occur(p.occur())));
        return b.build();
      }

      @Override
      public Query everything() {
        return new MatchAllDocsQuery();
      }

      @Override
      public Query nothing(String why) {
        return new MatchNoDocsQuery(why);
      }
    });
  }

  /**
   * Words scored as if the fields were one (BM25F, Lucene's {@link CombinedFieldQuery}): a word's frequency
   * summed over the fields, each field's occurrences counted {@code weight} times, saturated once. A word in
   * both the title and the text is one match, not two; a word only in the title still counts fully.
   */
  static final class CombinedFields extends QueryBuilder {
    private final Map<String, Float> weights;

    CombinedFields(Analyzer analyzer, Map<String, Float> weights) {
      super(analyzer);
      this.weights = weights;
    }

    Query words(String text) {
      return createBooleanQuery(Fields.TEXT, text, Occur.SHOULD);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      return combine(term.bytes());
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (TermAndBoost t : terms) {
        b.add(combine(t.term()), Occur.SHOULD);
      }
      return b.build();
    }

    private Query combine(BytesRef term) {
      CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(term);
      weights.forEach((f, w) -> {
        if (w > 0) {
          b.addField(f, Math.max(1f, w));
        }
      });
      return b.build();
    }
  }

  Query translate(ParsedQuery query) {
    return joining.query(query.clauses());
  }

  /** One operand over every field; null when it has no searchable words. */
  Query operand(Node node) {
    return switch (node) {
      case Node.Term t -> combined != null
          ? combined.createBooleanQuery(Fields.TEXT, t.text(), Occur.SHOULD)
          : overFields(f -> builder.createBooleanQuery(f, t.text(), Occur.SHOULD));
      case Node.Phrase p -> overFields(f -> builder.createPhraseQuery(f, p.text(), p.slop()));
      case Node.Prefix p -> overFields(f -> prefix(f, p.text()));
      case Node.Fuzzy z -> overFields(f -> new FuzzyQuery(new Term(f, analyzer.normalize(f, z.text())), z.edits()));
      case Node.Group g -> joining.group(g.clauses());
      case Node.Empty e -> null;
      case Node.Everything e -> new MatchAllDocsQuery();
    };
  }

  /**
   * A prefix as the index holds words: normalised, and also meeting the indexed forms of the spelling variants
   * it starts ("leukaem*" also as "leukem*"), scored as one prefix query is.
   */
  private Query prefix(String field, String text) {
    BytesRef typed = analyzer.normalize(field, text);
    List<String> alsoMeant = analyzer instanceof PassageAnalyzer a ? a.indexedPrefixes(typed.utf8ToString()) : List.of();
    if (alsoMeant.isEmpty()) {
      return new PrefixQuery(new Term(field, typed));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new PrefixQuery(new Term(field, typed)), Occur.SHOULD);
    alsoMeant.forEach(p -> b.add(new PrefixQuery(new Term(field, p)), Occur.SHOULD));
    return new ConstantScoreQuery(b.build());
  }

  /** The operand over each field with its weight; its words analysed once ({@link OnOtherField}). */
  private Query overFields(Function<String, Query> perField) {
    List<String> fields = List.copyOf(weights.keySet());
    List<Query> queries = OnOtherField.forEach(fields, perField);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    Query only = null;
    for (int i = 0; i < fields.size(); i++) {
      Query q = queries.get(i);
      float weight = weights.get(fields.get(i));
      if (q != null) {
        only = weight != 1f ? new BoostQuery(q, weight) : q;
        b.add(only, Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : n == 1 ? only : b.build();
  }

  private static Occur occur(Joining.Occur occur) {
    return switch (occur) {
      case MUST -> Occur.MUST;
      case SHOULD -> Occur.SHOULD;
      case MUST_NOT -> Occur.MUST_NOT;
    };
  }
}
