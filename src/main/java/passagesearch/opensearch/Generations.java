package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Generations as indices behind one alias, the twin of the embedded index folder's {@code CURRENT}: a build
 * writes a new index ({@code <alias>-<time>}), and once it is verified the alias moves to it in one
 * {@code _aliases} request, which OpenSearch applies atomically: every search resolves the alias to the old
 * index or the new one, never to neither. The index the alias left is kept for rollback, and searches that
 * resolved the alias before the move finish on it; an older one is removed at the next publish, once no search
 * started before the move that left it can still be running (see {@link #prune}).
 */
final class Generations {
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'-'HHmmss'-'SSS");

  private final Cluster cluster;
  private final String alias;
  /** The longest a search request runs: on an index it resolved the alias to, at most this after the alias moves. */
  private final Duration inFlight;

  Generations(Cluster cluster, String alias, Duration inFlight) {
    this.cluster = cluster;
    this.alias = alias;
    this.inFlight = inFlight;
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

  /**
   * Every generation of the alias, oldest first (names sort by time). Only names of this alias's own form: the
   * generations of another alias that begins with this one's name ({@code passages-eval-seed}) are not its.
   */
  List<String> all() {
    JsonNode answer = cluster.send("GET", "/_cat/indices/" + alias + "-*?format=json&h=index&expand_wildcards=open", null);
    Pattern own = Pattern.compile(Pattern.quote(alias) + "-\\d{8}-\\d{6}-\\d{3}");
    List<String> names = new ArrayList<>();
    answer.forEach(i -> {
      String name = i.path("index").asText();
      if (own.matcher(name).matches()) {
        names.add(name);
      }
    });
    names.sort(null);
    return names;
  }

  /**
   * Moves the alias to {@code next} in one atomic request. The index it leaves is kept, for rollback and for the
   * searches that resolved the alias before the move; any other generation is removed (see {@link #prune}).
   */
  void publish(String next) {
    Optional<String> left = current();
    move(left, next);
    prune(next, left.orElse(null));
  }

  /**
   * Moves the alias back to the newest generation older than the served one, once that generation answers:
   * it holds passages and its shards can be searched. The generation rolled back from is kept, so a later build
   * still sorts after it, and a rollback that fails moves nothing.
   *
   * @return the generation now served
   * @throws NoPreviousGeneration when there is none, or it cannot be served, saying why
   */
  String rollback() {
    String now = current().orElseThrow(() -> new NoPreviousGeneration("no generation is published under the alias '"
        + alias + "'"));
    String before = null;
    for (String name : all()) {
      if (name.compareTo(now) < 0) {
        before = name;
      }
    }
    if (before == null) {
      throw new NoPreviousGeneration("there is no previous generation to roll back to");
    }
    ObjectNode passages = Cluster.JSON.createObjectNode();
    passages.putObject("query").putObject("term").put(IndexSettings.Fields.KIND, IndexSettings.Fields.PASSAGE);
    long held;
    try {
      cluster.send("GET", "/_cluster/health/" + before + "?wait_for_status=yellow&timeout=10s", null);
      held = cluster.send("POST", "/" + before + "/_count", passages).path("count").asLong(0);
    } catch (Cluster.Failure e) {
      throw new NoPreviousGeneration("the previous generation " + before + " cannot be served, so " + now
          + " stays: " + e.getMessage());
    }
    if (held == 0) {
      throw new NoPreviousGeneration("the previous generation " + before + " holds no passages, so " + now + " stays");
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
   * Removes every generation but the one served and the one served before it: that one is kept for rollback,
   * and searches that resolved the alias before it moved finish on it. Those removed were left by the alias at an
   * earlier move; a search that resolved the alias to one of them started before that move, and is over once a
   * search's longest time has passed since this one, which is waited for first (the two moves may have come
   * close together: a rollback, then a rebuild of a small corpus). A generation newer than the served one is a
   * build in progress, or one rolled back from: the build keeps it out of reach of another's prune, the rollback
   * keeps it as the one served before.
   */
  private void prune(String served, String previous) {
    List<String> old = all().stream()
        .filter(name -> !name.equals(served) && !name.equals(previous) && name.compareTo(served) < 0)
        .toList();
    if (old.isEmpty()) {
      return;
    }
    try {
      Thread.sleep(inFlight.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the next publish removes them
      return;
    }
    for (String name : old) {
      cluster.send("DELETE", "/" + name, null, 404);
    }
  }

  /** Removes one generation (a build that failed its verification). */
  void remove(String name) {
    cluster.send("DELETE", "/" + name, null, 404);
  }
}
