package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One builder at a time on an alias, across processes, as the embedded index folder's {@code build.lock} is: a
 * lease, the document {@code lease} of the index {@code <alias>-lock}, created only if absent (OpenSearch's
 * {@code _create} is atomic) and renewed by its holder while it works. A holder that dies leaves a lease that
 * runs out: one found expired is taken over with a conditional write ({@code if_seq_no}), so two takers never
 * both win. Released by a conditional delete, so a lease taken over is never removed by its old holder.
 */
public final class AliasLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AliasLock.class);
  /** How long a lease lasts unless renewed; renewed three times as often. */
  static final Duration LEASE = Duration.ofSeconds(60);
  private static final String LEASE_ID = "lease";

  private final Cluster cluster;
  private final String path;
  private final String owner = UUID.randomUUID().toString();
  private final String what;
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alias-lease");
    t.setDaemon(true);
    return t;
  });
  private long seqNo;
  private long primaryTerm;

  private AliasLock(Cluster cluster, String alias, String what) {
    this.cluster = cluster;
    this.path = "/" + alias + "-lock/_doc/" + LEASE_ID;
    this.what = what;
  }

  /**
   * Takes the alias for {@code what} (a rebuild, a rollback).
   *
   * @throws AliasBusy when another holder's lease runs, saying whose and until when
   */
  static AliasLock take(Cluster cluster, String alias, String what) {
    AliasLock lock = new AliasLock(cluster, alias, what);
    lock.acquire();
    lock.renewer.scheduleAtFixedRate(lock::renew, LEASE.toMillis() / 3, LEASE.toMillis() / 3, TimeUnit.MILLISECONDS);
    return lock;
  }

  private ObjectNode lease() {
    return Cluster.JSON.createObjectNode().put("owner", owner).put("what", what)
        .put("expiresAt", Instant.now().plus(LEASE).toEpochMilli());
  }

  private void acquire() {
    // Made here rather than by a first write, which a cluster may forbid (action.auto_create_index): one shard,
    // a copy on every node that can take one, so the lease is readable wherever a builder is.
    ObjectNode settings = Cluster.JSON.createObjectNode();
    settings.putObject("settings").putObject("index").put("number_of_shards", 1).put("auto_expand_replicas", "0-all");
    cluster.send("PUT", "/" + aliasName() + "-lock", settings, 400);
    JsonNode created = cluster.send("PUT", path.replace("/_doc/", "/_create/") + "?refresh=true", lease(), 409);
    if (!created.has("error")) {
      remember(created);
      return;
    }
    JsonNode held = cluster.send("GET", path, null, 404);
    if (!held.path("found").asBoolean()) {
      // Released between the two requests: try once more, as a taker that came first would have.
      created = cluster.send("PUT", path.replace("/_doc/", "/_create/") + "?refresh=true", lease(), 409);
      if (!created.has("error")) {
        remember(created);
        return;
      }
      throw new AliasBusy("another process took the alias '" + aliasName() + "' just now; try again when it has finished");
    }
    JsonNode source = held.path("_source");
    if (source.path("expiresAt").asLong() > System.currentTimeMillis()) {
      throw new AliasBusy("another process is working on the alias '" + aliasName() + "' (" + source.path("what").asText()
          + ", its lease until " + Instant.ofEpochMilli(source.path("expiresAt").asLong()) + "); try again when it has finished");
    }
    // Its holder stopped renewing it (it died): taken over, unless another taker wrote first.
    JsonNode taken = cluster.send("PUT", path + "?refresh=true&if_seq_no=" + held.path("_seq_no").asLong()
        + "&if_primary_term=" + held.path("_primary_term").asLong(), lease(), 409);
    if (taken.has("error")) {
      throw new AliasBusy("another process took the alias '" + aliasName() + "' just now; try again when it has finished");
    }
    LOG.warn("took over the alias '{}' from a holder whose lease ran out ({})", aliasName(), source.path("what").asText());
    remember(taken);
  }

  private synchronized void remember(JsonNode written) {
    seqNo = written.path("_seq_no").asLong();
    primaryTerm = written.path("_primary_term").asLong();
  }

  private synchronized void renew() {
    try {
      JsonNode renewed = cluster.send("PUT", path + "?if_seq_no=" + seqNo + "&if_primary_term=" + primaryTerm, lease(), 409);
      if (renewed.has("error")) {
        LOG.warn("the lease on the alias '{}' was taken over while {} ran", aliasName(), what);
        renewer.shutdown();
      } else {
        remember(renewed);
      }
    } catch (RuntimeException e) {
      LOG.warn("the lease on the alias '{}' could not be renewed: {}", aliasName(), e.getMessage());
    }
  }

  private String aliasName() {
    return path.substring(1, path.indexOf("-lock/"));
  }

  /** Gives the alias back; a lease another has taken over is left to it. */
  @Override
  public void close() {
    renewer.shutdownNow();
    synchronized (this) {
      try {
        cluster.send("DELETE", path + "?refresh=true&if_seq_no=" + seqNo + "&if_primary_term=" + primaryTerm, null, 404, 409);
      } catch (RuntimeException e) {
        LOG.warn("the lease on the alias '{}' could not be given back ({}); it runs out by itself", aliasName(), e.getMessage());
      }
    }
  }
}
