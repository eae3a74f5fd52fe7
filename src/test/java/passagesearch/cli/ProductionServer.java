package passagesearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.TestSupport;

/**
 * {@code bin/passage-search serve} as production runs it: the packaged jar, the flags of
 * {@code bin/jvm.options} (128 MB heap, exit on out-of-memory), an admin token. For integration tests,
 * which run after {@code package}.
 */
final class ProductionServer implements AutoCloseable {
  static final String TOKEN = "production-admin-token";
  private static final Pattern SERVING = Pattern.compile("on http://[^:]+:(\\d+)/");

  final Process process;
  final int port;
  final Path log;
  private final Path out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  ProductionServer(Path corpus, Path index, Path logDir) throws IOException, InterruptedException {
    this(corpus, TestSupport.config(), index, logDir);
  }

  /** @param config the index configuration folder, e.g. {@link TestSupport#lexicalConfig()} */
  ProductionServer(Path corpus, Path config, Path index, Path logDir) throws IOException, InterruptedException {
    Path root = TestSupport.root();
    Path jar = root.resolve("target/passage-search.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after package (./mvnw verify -Pfull)");
    }
    List<String> command = List.of("sh", root.resolve("bin/passage-search").toString(), "serve", "--host", "127.0.0.1",
        "--port", "0", "--corpus", corpus.toString(), "--config", config.toString(),
        "--index", index.toString());
    this.log = logDir.resolve("serve.log");
    this.out = logDir.resolve("serve.out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile());
    builder.environment().put("ADMIN_TOKEN", TOKEN);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PASSAGE_SEARCH_JAR", jar.toString());
    builder.environment().put("PASSAGE_SEARCH_CDS", "off");
    builder.environment().remove("JAVA_OPTS");
    this.process = builder.start();
    this.port = awaitPort();
  }

  private int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (process.isAlive() && System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(out)) {
        Matcher m = SERVING.matcher(line);
        if (line.startsWith("Serving ") && m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("serve did not start: " + Files.readString(out) + "\n" + tail());
  }

  /** The last lines of the server's log, for a failure message. */
  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  JsonNode json(String body) throws IOException {
    return json.readTree(body);
  }

  HttpRequest.Builder admin(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + TOKEN);
  }

  /** Waits for a rebuild job to end and returns it. */
  JsonNode awaitJob(String id) throws IOException, InterruptedException {
    for (int i = 0; i < 3000; i++) {
      JsonNode job = json(send(admin("/api/index/jobs/" + id).GET()).body());
      String state = job.get("state").asText();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild " + id + " did not finish");
  }

  /** The ids of a page of hits, in rank order. */
  List<String> ids(String query) throws IOException, InterruptedException {
    HttpResponse<String> r = get("/api/search?q=" + query.replace(' ', '+'));
    if (r.statusCode() != 200) {
      throw new AssertionError(query + " answered " + r.statusCode() + ": " + r.body());
    }
    List<String> ids = new ArrayList<>();
    json(r.body()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }
}
