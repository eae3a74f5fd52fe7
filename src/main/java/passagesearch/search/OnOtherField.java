package passagesearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A query built from analysed text for one field, moved to another field analysed the same way: the same
 * terms at the same positions, so the text is analysed once rather than once per field. Covers what Lucene's
 * {@code QueryBuilder} makes of a token stream (terms, synonyms, phrases, their boolean joins); null for
 * anything else, which the caller then builds for the other field itself.
 */
final class OnOtherField {
  private OnOtherField() {}

  /**
   * {@code build} for each field, in order, with the text analysed for the first field only: its query moved
   * to the others, or built for one when it cannot be moved. Only for fields analysed by the same chain.
   * A null (no searchable words) is null for every field.
   */
  static List<Query> forEach(Iterable<String> fields, Function<String, Query> build) {
    List<Query> out = new ArrayList<>();
    Query first = null;
    for (String field : fields) {
      if (out.isEmpty()) {
        first = build.apply(field);
        out.add(first);
      } else {
        Query moved = first == null ? null : of(first, field);
        out.add(moved != null || first == null ? moved : build.apply(field));
      }
    }
    return out;
  }

  static Query of(Query query, String field) {
    return switch (query) {
      case TermQuery t -> new TermQuery(new Term(field, t.getTerm().bytes()));
      case SynonymQuery s -> synonyms(s.getTerms(), field);
      case PhraseQuery p -> phrase(p, field);
      case MultiPhraseQuery m -> multiPhrase(m, field);
      case BoostQuery b -> {
        Query inner = of(b.getQuery(), field);
        yield inner == null ? null : new BoostQuery(inner, b.getBoost());
      }
      case BooleanQuery b -> bool(b, field);
      default -> null;
    };
  }

  private static Query synonyms(List<Term> terms, String field) {
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    terms.forEach(t -> b.addTerm(new Term(field, t.bytes())));
    return b.build();
  }

  private static Query phrase(PhraseQuery p, String field) {
    PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.getSlop());
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    for (int i = 0; i < terms.length; i++) {
      b.add(new Term(field, terms[i].bytes()), positions[i]);
    }
    return b.build();
  }

  private static Query multiPhrase(MultiPhraseQuery m, String field) {
    MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(m.getSlop());
    Term[][] arrays = m.getTermArrays();
    int[] positions = m.getPositions();
    for (int i = 0; i < arrays.length; i++) {
      Term[] moved = new Term[arrays[i].length];
      for (int j = 0; j < moved.length; j++) {
        moved[j] = new Term(field, arrays[i][j].bytes());
      }
      b.add(moved, positions[i]);
    }
    return b.build();
  }

  private static Query bool(BooleanQuery query, String field) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(query.getMinimumNumberShouldMatch());
    for (BooleanClause c : query.clauses()) {
      Query moved = of(c.query(), field);
      if (moved == null) {
        return null;
      }
      b.add(moved, c.occur());
    }
    return b.build();
  }
}
