package passagesearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import passagesearch.index.Fields;
import passagesearch.query.Concept;
import passagesearch.query.Node;

/**
 * The Lucene queries that say whether a passage mentions a concept, one per way ({@link Coverage.Way}): its
 * words as typed (every word of it, in any field searched; a phrase as a phrase), its words with their synonyms
 * and a drug's other names, its tag, its class. Built for matching, never for scoring.
 */
final class ConceptQueries {
  private final QueryBuilder plain;
  private final QueryBuilder expanding;
  private final QueryTranslator translator;
  private final List<String> fields;

  /**
   * @param translator translates the operands that are not plain words (a phrase, {@code word*},
   *     {@code word~1}) as the search does
   * @param fields the fields the search matches words in
   */
  ConceptQueries(Analyzer plain, Analyzer expanding, QueryTranslator translator, List<String> fields) {
    this.plain = new QueryBuilder(plain);
    this.expanding = new QueryBuilder(expanding);
    this.translator = translator;
    this.fields = List.copyOf(fields);
  }

  /**
   * The query for one way of mentioning the concept, flat ({@link FlatQuery}); null when the concept cannot be
   * mentioned that way.
   */
  Query of(Concept concept, Coverage.Way way) {
    Query q = nested(concept, way);
    return q == null ? null : FlatQuery.of(q);
  }

  private Query nested(Concept concept, Coverage.Way way) {
    if (!concept.alternatives().isEmpty()) {
      return any(concept.alternatives().stream().map(a -> nested(a, way)).toList());
    }
    return switch (way) {
      case WORD -> all(concept.nodes().stream().map(this::words).toList());
      case SYNONYM -> synonyms(concept);
      case TAG -> tags(concept.tags());
      case CLASS -> concept.specific() ? tags(concept.classes()) : null;
      case NONE -> null;
    };
  }

  private Query words(Node node) {
    return switch (node) {
      case Node.Term t -> overFields(f -> plain.createBooleanQuery(f, t.text(), Occur.MUST));
      case Node.Phrase p -> translator.operand(p);
      case Node.Prefix p -> translator.operand(p);
      case Node.Fuzzy f -> translator.operand(f);
      default -> null;
    };
  }

  private Query synonyms(Concept concept) {
    List<Node> nodes = concept.nodes();
    if (nodes.size() == 1 && nodes.get(0) instanceof Node.Phrase p) {
      return overFields(f -> expanding.createPhraseQuery(f, p.text(), p.slop()));
    }
    if (nodes.isEmpty() || !nodes.stream().allMatch(n -> n instanceof Node.Term)) {
      return null;
    }
    // Synonyms may span words ("bone marrow transplant"), so the words are read as one run of text.
    String text = String.join(" ", nodes.stream().map(n -> ((Node.Term) n).text()).toList());
    return overFields(f -> expanding.createBooleanQuery(f, text, Occur.MUST));
  }

  private static Query tags(List<String> tags) {
    return any(tags.stream().map(t -> (Query) new TermQuery(new Term(Fields.TAG, t))).toList());
  }

  /** One query per field, joined; the words analysed once ({@link OnOtherField}): every field has the same chain. */
  private Query overFields(Function<String, Query> perField) {
    return any(OnOtherField.forEach(fields, perField));
  }

  /** Any of the queries (nulls left out); null when none is left. */
  private static Query any(List<Query> queries) {
    return join(queries, Occur.SHOULD);
  }

  /** All of the queries (nulls left out); null when none is left. */
  private static Query all(List<Query> queries) {
    return join(queries, Occur.MUST);
  }

  private static Query join(List<Query> queries, Occur occur) {
    List<Query> kept = new ArrayList<>();
    queries.stream().filter(q -> q != null).forEach(kept::add);
    if (kept.size() <= 1) {
      return kept.isEmpty() ? null : kept.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    kept.forEach(q -> b.add(q, occur));
    return b.build();
  }
}
