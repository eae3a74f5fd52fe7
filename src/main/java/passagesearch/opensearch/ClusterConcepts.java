package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import passagesearch.config.IndexConfig;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.opensearch.QueryDsl.Bool;
import passagesearch.opensearch.QueryDsl.BoolClause;
import passagesearch.opensearch.QueryDsl.Leaf;
import passagesearch.opensearch.QueryDsl.Occur;
import passagesearch.opensearch.QueryDsl.Q;
import passagesearch.query.Concept;
import passagesearch.query.Node;
import passagesearch.search.Coverage;

/**
 * How each hit mentions a query's concepts ({@code search.ConceptReader}), asked of the cluster: the twin of
 * search.ConceptQueries, one query per concept and way (its words as typed, in every field searched, a phrase as
 * a phrase; its words through the expanding analyzer, which adds synonyms and a drug's other names; its tag; its
 * class), each a named query ({@code _name}) analysed by the cluster's own analyzers. They stand in the search's
 * {@code post_filter} beside a {@code match_all}, so they filter nothing, score nothing and cost nothing while
 * the shards collect (a filter's optional clauses are not run); the cluster says for each hit fetched which of
 * them it matches ({@code matched_queries}), and {@link #coverage} reads that back as the embedded engine's
 * {@link Coverage}.
 */
final class ClusterConcepts {
  private static final Coverage.Way[] WAYS = {Coverage.Way.WORD, Coverage.Way.SYNONYM, Coverage.Way.TAG, Coverage.Way.CLASS};

  private final QueryDsl dsl;
  private final List<String> fields;

  ClusterConcepts(QueryDsl dsl, IndexConfig config) {
    this.dsl = dsl;
    List<String> f = new ArrayList<>(List.of(Fields.TEXT));
    if (config.ranking().headingsWeight() > 0) {
      f.add(Fields.HEADINGS);
    }
    if (config.ranking().titleWeight() > 0) {
      f.add(Fields.TITLE);
    }
    this.fields = List.copyOf(f);
  }

  /**
   * The post filter that names every concept's ways for the hits fetched, and keeps every hit; null when the
   * query has no concepts.
   */
  JsonNode naming(List<Concept> concepts) {
    List<BoolClause> named = new ArrayList<>();
    for (int c = 0; c < concepts.size(); c++) {
      for (Coverage.Way way : WAYS) {
        Q q = of(concepts.get(c), way);
        if (q != null) {
          ObjectNode bool = Cluster.JSON.createObjectNode();
          ObjectNode inner = bool.putObject("bool");
          inner.putArray("filter").add(QueryDsl.json(q));
          inner.put("_name", name(c, way));
          named.add(new BoolClause(Occur.SHOULD, new Leaf(bool)));
        }
      }
    }
    if (named.isEmpty()) {
      return null;
    }
    named.add(new BoolClause(Occur.FILTER, new QueryDsl.All()));
    return QueryDsl.json(new Bool(named));
  }

  /** How a hit fetched with {@link #naming} covers the concepts: for each, the first way it matched. */
  static Coverage coverage(JsonNode hit, int concepts, boolean byMeaning) {
    if (concepts == 0) {
      return Coverage.NONE;
    }
    Set<String> matched = new HashSet<>();
    hit.path("matched_queries").forEach(n -> matched.add(n.asText()));
    List<Coverage.Way> ways = new ArrayList<>(concepts);
    for (int c = 0; c < concepts; c++) {
      Coverage.Way found = Coverage.Way.NONE;
      for (Coverage.Way way : WAYS) {
        if (matched.contains(name(c, way))) {
          found = way;
          break;
        }
      }
      ways.add(found);
    }
    return new Coverage(ways, byMeaning);
  }

  /** Passages within {@code restriction} that mention every concept in any way but a class. */
  Q mentioningAll(List<Concept> concepts, Q restriction) {
    List<BoolClause> b = new ArrayList<>();
    b.add(new BoolClause(Occur.FILTER, restriction));
    for (Concept c : concepts) {
      b.add(new BoolClause(Occur.FILTER, orNothing(any(List.of(
          orNothing(of(c, Coverage.Way.WORD)), orNothing(of(c, Coverage.Way.SYNONYM)), orNothing(of(c, Coverage.Way.TAG)))))));
    }
    return new Bool(b);
  }

  private static String name(int concept, Coverage.Way way) {
    return "concept-" + concept + "-" + way.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The query for one way of mentioning the concept; null when it cannot be mentioned that way. */
  Q of(Concept concept, Coverage.Way way) {
    if (!concept.alternatives().isEmpty()) {
      return any(concept.alternatives().stream().map(a -> of(a, way)).toList());
    }
    return switch (way) {
      case WORD -> all(concept.nodes().stream().map(this::words).toList());
      case SYNONYM -> synonyms(concept);
      case TAG -> tags(concept.tags());
      case CLASS -> concept.specific() ? tags(concept.classes()) : null;
      case NONE -> null;
    };
  }

  private Q words(Node node) {
    return switch (node) {
      // Every word of it in one field, as Lucene's QueryBuilder with MUST; a word the analyzer drops asks nothing.
      case Node.Term t -> overFields(f -> match(f, t.text(), null));
      case Node.Phrase p -> overFields(f -> QueryDsl.matchPhrase(f, p.text(), p.slop(), null));
      case Node.Prefix p -> dsl.operand(p);
      case Node.Fuzzy z -> dsl.operand(z);
      default -> null;
    };
  }

  private Q synonyms(Concept concept) {
    List<Node> nodes = concept.nodes();
    if (nodes.size() == 1 && nodes.get(0) instanceof Node.Phrase p) {
      return overFields(f -> QueryDsl.matchPhrase(f, p.text(), p.slop(), IndexSettings.EXPANDED_ANALYZER));
    }
    if (nodes.isEmpty() || !nodes.stream().allMatch(n -> n instanceof Node.Term)) {
      return null;
    }
    // Synonyms may span words ("bone marrow transplant"), so the words are read as one run of text.
    String text = String.join(" ", nodes.stream().map(n -> ((Node.Term) n).text()).toList());
    return overFields(f -> match(f, text, IndexSettings.EXPANDED_ANALYZER));
  }

  private static Q match(String field, String text, String analyzer) {
    ObjectNode body = Cluster.JSON.createObjectNode().put("query", text).put("operator", "and")
        .put("zero_terms_query", "all");
    if (analyzer != null) {
      body.put("analyzer", analyzer);
      // As Lucene's QueryBuilder by default: a synonym of several words is any of its words, not a phrase.
      body.put("auto_generate_synonyms_phrase_query", false);
    }
    return QueryDsl.leaf("match", field, body);
  }

  private static Q tags(List<String> tags) {
    return any(tags.stream().map(t -> QueryDsl.term(Fields.TAG, t)).toList());
  }

  private Q overFields(Function<String, Q> perField) {
    return any(fields.stream().map(perField).toList());
  }

  private static Q orNothing(Q q) {
    return q == null ? new QueryDsl.None() : q;
  }

  private static Q any(List<Q> queries) {
    return join(queries, Occur.SHOULD);
  }

  private static Q all(List<Q> queries) {
    return join(queries, Occur.FILTER);
  }

  /** The queries joined (nulls left out); null when none is left. */
  private static Q join(List<Q> queries, Occur occur) {
    List<BoolClause> kept = new ArrayList<>();
    queries.stream().filter(q -> q != null).forEach(q -> kept.add(new BoolClause(occur, q)));
    if (kept.size() <= 1) {
      return kept.isEmpty() ? null : kept.get(0).query();
    }
    return new Bool(kept);
  }
}
