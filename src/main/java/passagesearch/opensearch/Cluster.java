package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import passagesearch.search.EngineUnavailableException;

/**
 * The way to the cluster: the official client ({@code opensearch-java}) over Apache HttpClient 5, one
 * connection pool for every node named. A request that cannot reach a node (refused, reset, timed out) or
 * that a node answers 502, 503 or 504 is sent to the next node by the client itself, within the request's
 * time limit; {@link #retries()} counts them. A request no node could answer is an
 * {@link EngineUnavailableException} naming the cause, which HTTP answers 503.
 *
 * <p>Requests and answers are JSON written and read with Jackson (the project's JSON library), sent through
 * the client's generic API: the query DSL is built in one place ({@link QueryDsl}) as the JSON OpenSearch
 * documents, so what is sent can be read and tested as it is.
 */
final class Cluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> nodes;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  private final AtomicLong retries = new AtomicLong();

  /** A request that the cluster answered with an error status: a bad request or mapping, not a node down. */
  static final class Failure extends RuntimeException {
    final int status;

    Failure(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private Cluster(List<URI> nodes, Duration timeLimit) {
    this.nodes = List.copyOf(nodes);
    HttpHost[] hosts = nodes.stream()
        .map(u -> new HttpHost(u.getScheme() == null ? "http" : u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
        .toArray(HttpHost[]::new);
    long millis = timeLimit.toMillis();
    this.transport = ApacheHttpClient5TransportBuilder.builder(hosts)
        .setFailureListener(new ApacheHttpClient5Transport.FailureListener() {
          @Override
          public void onFailure(org.opensearch.client.transport.httpclient5.internal.Node node) {
            retries.incrementAndGet();
          }
        })
        // A node that is down refuses at once; one that hangs is given up on well inside the time limit,
        // so the next node still has time to answer.
        .setRequestConfigCallback(b -> b.setConnectionRequestTimeout(Timeout.ofMilliseconds(millis))
            .setResponseTimeout(Timeout.ofMilliseconds(millis)))
        .setConnectionConfigCallback(b -> b.setConnectTimeout(Timeout.ofMilliseconds(Math.max(200, millis / 4))))
        .build();
    this.client = new OpenSearchGenericClient(transport);
  }

  /**
   * @param urls the nodes, comma-separated ({@code http://host:9200,http://host2:9200})
   * @param timeLimit how long a request may take, over every node it is tried on
   */
  static Cluster connect(String urls, Duration timeLimit) {
    List<URI> nodes = new ArrayList<>();
    for (String u : urls.split(",")) {
      if (!u.isBlank()) {
        URI uri = URI.create(u.strip());
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("not an OpenSearch address: '" + u.strip() + "' (e.g. http://localhost:9200)");
        }
        nodes.add(uri);
      }
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address given (e.g. --opensearch http://localhost:9200)");
    }
    return new Cluster(nodes, timeLimit);
  }

  /** Requests sent again to another node because one could not answer, since the start. */
  long retries() {
    return retries.get();
  }

  /** Counts a request the caller sends again. */
  void countRetry() {
    retries.incrementAndGet();
  }

  List<URI> nodes() {
    return nodes;
  }

  /** A document id as a path segment. */
  static String segment(String id) {
    return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends a request and reads the JSON answer; statuses in {@code accepted} are answers, others failures. */
  JsonNode send(String method, String endpoint, Object body, int... accepted) {
    return sendRaw(method, endpoint, body == null ? null : json(body), "application/json", accepted);
  }

  /** The same with an NDJSON body (the bulk API). */
  JsonNode sendLines(String endpoint, String ndjson) {
    return sendRaw("POST", endpoint, ndjson, "application/x-ndjson");
  }

  private JsonNode sendRaw(String method, String endpoint, String body, String contentType, int... accepted) {
    Body payload = body == null ? null : Body.from(body.getBytes(StandardCharsets.UTF_8), contentType);
    Map<String, String> params = new java.util.LinkedHashMap<>();
    int question = endpoint.indexOf('?');
    String path = question < 0 ? endpoint : endpoint.substring(0, question);
    if (question >= 0) {
      for (String pair : endpoint.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    try (Response response = client.execute(Requests.create(method, path, List.of(), params, payload))) {
      return judged(method, endpoint, response.getStatus(), read(response), accepted);
    } catch (IOException e) {
      ResponseException answered = answeredWith(e);
      if (answered != null) {
        return judged(method, endpoint, answered.status(), read(answered), accepted);
      }
      throw new EngineUnavailableException("the OpenSearch cluster cannot be reached at " + nodes + ": "
          + describe(e), e);
    }
  }

  /** An answer, or the failure its status says: statuses in {@code accepted} are answers. */
  private static JsonNode judged(String method, String endpoint, int status, JsonNode answer, int... accepted) {
    if (status < 300 || contains(accepted, status)) {
      return answer;
    }
    if (status == 502 || status == 503 || status == 504) {
      throw new EngineUnavailableException("the OpenSearch cluster cannot answer now (" + status + " "
          + reason(answer) + ")", null);
    }
    throw new Failure(status, "OpenSearch answered " + status + " to " + method + " " + endpoint + ": " + reason(answer));
  }

  /**
   * The answer inside an exception: the client hands back 400 to 405 as answers but throws for other error
   * statuses (a 409 conflict, a 408 from a wait that timed out), each the cluster's own answer, not a node
   * that could not be reached.
   */
  private static ResponseException answeredWith(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseException r) {
        return r;
      }
    }
    return null;
  }

  /** The cluster's answer in such an exception: its message is the request, a line break, then the body as sent. */
  private static JsonNode read(ResponseException e) {
    String message = String.valueOf(e.getMessage());
    int body = message.indexOf('\n');
    try {
      JsonNode node = body < 0 ? null : JSON.readTree(message.substring(body + 1));
      return node == null || !node.isObject() ? JSON.createObjectNode().put("error", message) : node;
    } catch (IOException unreadable) {
      return JSON.createObjectNode().put("error", message);
    }
  }

  private static JsonNode read(Response response) throws IOException {
    if (response.getBody().isEmpty()) {
      return JSON.createObjectNode();
    }
    try (Body b = response.getBody().get(); InputStream in = b.body()) {
      JsonNode node = JSON.readTree(in);
      return node == null ? JSON.createObjectNode() : node;
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(int[] statuses, int status) {
    for (int s : statuses) {
      if (s == status) {
        return true;
      }
    }
    return false;
  }

  private static String reason(JsonNode answer) {
    JsonNode error = answer.path("error");
    if (error.isObject()) {
      return error.path("type").asText() + ": " + error.path("reason").asText();
    }
    return error.isMissingNode() ? answer.toString() : error.asText();
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      // closing connections: nothing a caller could do
    }
  }
}
