package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.query.Concept;
import passagesearch.search.Ranking;
import passagesearch.search.ResultShaper;

/**
 * A search's hits as candidates of the embedded engine's {@link Ranking}, so both engines fold near-duplicates,
 * diversify sources and rank by coverage alike, and cut every page from one ranking: the cluster's order (best
 * score first, the same however many are fetched), a hit's word trigrams read from its text, how it covers the
 * concepts from its named queries ({@link ClusterConcepts}). Further hits are fetched after the last (the same
 * search, from there) when the page is not settled by those fetched first; a search fused with meaning is one
 * ranking of a fixed depth ({@link #ranked}), as the embedded engine's fused collection is.
 */
final class ClusterCandidates implements Ranking.Candidates {
  private final Function<ObjectNode, JsonNode> search;
  private final ObjectNode body;
  private final int concepts;
  private final Predicate<String> byMeaning;
  private final List<JsonNode> hits = new ArrayList<>();
  private final JsonNode first;
  private boolean exhausted;

  /**
   * Sends the search for its first {@code asked} hits.
   *
   * @param concepts how many concepts the search names in its post filter
   * @param byMeaning whether a hit (by its {@code _id}) was found by meaning
   */
  ClusterCandidates(Function<ObjectNode, JsonNode> search, ObjectNode body, int asked, int concepts,
      Predicate<String> byMeaning) {
    this.search = search;
    this.body = body;
    this.concepts = concepts;
    this.byMeaning = byMeaning;
    body.put("size", asked);
    this.first = search.apply(body);
    first.path("hits").path("hits").forEach(hits::add);
    this.exhausted = hits.size() < asked || first.path("timed_out").asBoolean();
  }

  private ClusterCandidates(JsonNode first, List<JsonNode> ranked, int concepts, Predicate<String> byMeaning) {
    this.search = null;
    this.body = null;
    this.concepts = concepts;
    this.byMeaning = byMeaning;
    this.first = first;
    hits.addAll(ranked);
    this.exhausted = true;
  }

  /**
   * Hits already ranked (fused with meaning), none fetched further.
   *
   * @param first the search's answer: its total, aggregations and whether it timed out
   */
  static ClusterCandidates ranked(JsonNode first, List<JsonNode> ranked, int concepts, Predicate<String> byMeaning) {
    return new ClusterCandidates(first, ranked, concepts, byMeaning);
  }

  /** The first answer: its total, aggregations and whether it timed out. */
  JsonNode first() {
    return first;
  }

  /** The hit a candidate stands for. */
  JsonNode hit(ResultShaper.Candidate c) {
    return hits.get(c.doc());
  }

  /** The best {@code n} hits shaped, and the near-duplicates folded among the first {@code window}. */
  record Shaped(List<ResultShaper.Shaped> best, List<ResultShaper.Candidate> folded) {}

  Shaped shape(ResultShaper shaper, List<Concept> asked, int window, int n) {
    Ranking ranking = new Ranking(shaper, asked, window, this);
    try {
      return new Shaped(ranking.best(n), ranking.foldedInWindow());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a cluster's candidates are read without I/O of their own
    }
  }

  @Override
  public int collected() {
    return hits.size();
  }

  @Override
  public float score(int i) {
    return (float) hits.get(i).path("_score").asDouble();
  }

  @Override
  public List<ResultShaper.Candidate> read(int from, int to) {
    List<ResultShaper.Candidate> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      JsonNode s = hits.get(i).path("_source");
      out.add(ResultShaper.Candidate.of(i, score(i), s.path(Fields.SOURCE).asText(), s.path(Fields.TEXT).asText(),
          ClusterConcepts.coverage(hits.get(i), concepts, byMeaning.test(hits.get(i).path("_id").asText()))));
    }
    return out;
  }

  @Override
  public boolean collectMore(int asked) {
    if (exhausted) {
      return false;
    }
    ObjectNode next = body.deepCopy();
    next.remove("aggs");
    next.put("track_total_hits", false);
    next.put("from", hits.size());
    next.put("size", asked);
    JsonNode answer = search.apply(next);
    JsonNode more = answer.path("hits").path("hits");
    more.forEach(hits::add);
    exhausted = more.size() < asked || answer.path("timed_out").asBoolean();
    return !more.isEmpty();
  }
}
