package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Generations as indices behind one alias, the twin of the embedded index folder's {@code CURRENT}: a build
 * writes a new index ({@code <alias>-<time>}), and once it is verified the alias moves to it in one
 * {@code _aliases} request, which OpenSearch applies atomically: every search resolves the alias to the old
 * index or the new one, never to neither. The index the alias left is kept for rollback, and searches that
 * resolved the alias before the move finish on it; an older one is removed only at the next publish, by which
 * time no search started before the move can still be running (a search lasts at most its time limit).
 */
final class Generations {
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'-'HHmmss'-'SSS");

  private final Cluster cluster;
  private final String alias;

  Generations(Cluster cluster, String alias) {
    this.cluster = cluster;
    this.alias = alias;
  }

  String alias() {
    return alias;
  }

  /** A new generation's name, later than any before it. */
  String newName() {
    return alias + "-" + LocalDateTime.now(ZoneOffset.UTC).format(NAME_TIME);
  }

  /** The index the alias names now; empty when nothing was published. */
  Optional<String> current() {
    JsonNode answer = cluster.send("GET", "/_alias/" + alias, null, 404);
    Iterator<String> names = answer.has("error") || answer.path("status").asInt() == 404
        ? java.util.Collections.emptyIterator() : answer.fieldNames();
    return names.hasNext() ? Optional.of(names.next()) : Optional.empty();
  }

  /** Every generation of the alias, oldest first (names sort by time). */
  List<String> all() {
    JsonNode answer = cluster.send("GET", "/_cat/indices/" + alias + "-*?format=json&h=index&expand_wildcards=open", null);
    List<String> names = new ArrayList<>();
    answer.forEach(i -> names.add(i.path("index").asText()));
    names.sort(null);
    return names;
  }

  /** Moves the alias to {@code next} in one atomic request; the index it leaves is kept. */
  void publish(String next) {
    move(current(), next);
    prune();
  }

  /**
   * Moves the alias back to the generation before the current one.
   *
   * @return the generation now served
   */
  String rollback() {
    String now = current().orElseThrow(() -> new IllegalStateException("nothing is published under " + alias));
    String before = null;
    for (String name : all()) {
      if (name.compareTo(now) < 0) {
        before = name;
      }
    }
    if (before == null) {
      throw new IllegalStateException("no generation before " + now + " to roll back to");
    }
    move(Optional.of(now), before);
    return before;
  }

  private void move(Optional<String> from, String to) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    from.filter(f -> !f.equals(to)).ifPresent(f -> actions.addObject().putObject("remove").put("index", f).put("alias", alias));
    actions.addObject().putObject("add").put("index", to).put("alias", alias);
    cluster.send("POST", "/_aliases", body);
  }

  /**
   * Removes generations older than the one before the current one: the current one is served, the one before
   * it is kept for rollback (and for searches that resolved the alias before it moved), and newer ones may be
   * a build in progress.
   */
  void prune() {
    String now = current().orElse(null);
    if (now == null) {
      return;
    }
    List<String> older = all().stream().filter(n -> n.compareTo(now) < 0).toList();
    for (String name : older.subList(0, Math.max(0, older.size() - 1))) {
      cluster.send("DELETE", "/" + name, null, 404);
    }
  }

  /** Removes one generation (a build that failed its verification). */
  void remove(String name) {
    cluster.send("DELETE", "/" + name, null, 404);
  }
}
