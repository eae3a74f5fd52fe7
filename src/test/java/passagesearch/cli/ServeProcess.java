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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passagesearch.TestSupport;

/**
 * {@code serve} run as a real child process (the test classpath, as the jar would run it) on a free port,
 * with an admin token, so a test can signal it, kill it, or put its index on a filesystem of its own.
 */
final class ServeProcess implements AutoCloseable {
  static final String TOKEN = "child-admin-token";
  /** The flags production runs with, read from bin/jvm.options itself: the 128 MB heap, exit on running out. */
  static final List<String> PRODUCTION_HEAP = List.of("@" + TestSupport.root().resolve("bin/jvm.options"));
  private static final Pattern SERVING = Pattern.compile("on http://[^:]+:(\\d+)/");

  final Process process;
  final int port;
  final Path log;
  private final Path out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param prefix a command the JVM is run under (e.g. {@code unshare ... sh -c '...' sh}), or empty
   * @param index the index folder, as the child sees it
   * @param log where the child's standard error (its log) goes; its standard output goes beside it
   */
  ServeProcess(List<String> prefix, Path corpus, Path index, Path log) throws IOException, InterruptedException {
    this(prefix, List.of(), corpus, index, log);
  }

  /** @param jvmFlags flags for the child's JVM, e.g. the production heap {@link #PRODUCTION_HEAP} */
  ServeProcess(List<String> prefix, List<String> jvmFlags, Path corpus, Path index, Path log)
      throws IOException, InterruptedException {
    this(prefix, jvmFlags, corpus, TestSupport.config(), index, log);
  }

  /** @param config the index configuration folder, e.g. {@link TestSupport#lexicalConfig()} */
  ServeProcess(List<String> prefix, List<String> jvmFlags, Path corpus, Path config, Path index, Path log)
      throws IOException, InterruptedException {
    this(prefix, jvmFlags, corpus, config, index, log, Until.MODEL);
  }

  /** How far the child has got when the constructor returns. */
  enum Until {
    /** Just launched: no port yet ({@link #port} is -1). */
    LAUNCHED,
    /** Answering by words; the embedding model may still be loading beside it. */
    ANSWERING,
    /** Answering, the embedding model loaded (or off, or failed). */
    MODEL
  }

  /** @param until how far the child must have got when this returns */
  ServeProcess(List<String> prefix, List<String> jvmFlags, Path corpus, Path config, Path index, Path log,
      Until until) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--host", "127.0.0.1",
        "--port", "0", "--corpus", corpus.toString(), "--config", config.toString(),
        "--index", index.toString()));
    this.log = log;
    // Files, not pipes: Process.destroy() closes the pipes, and the test reads what was printed after it.
    this.out = log.resolveSibling(log.getFileName() + ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile());
    builder.environment().put("ADMIN_TOKEN", TOKEN);
    this.process = builder.start();
    this.port = until == Until.LAUNCHED ? -1 : awaitPort();
    if (until == Until.MODEL) {
      awaitModel();
    }
  }

  /**
   * Waits while the embedding model loads beside the index (the server answers by words meanwhile): a test
   * that compares answers over time compares answers of one kind.
   */
  private void awaitModel() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (!"loading".equals(get("/api/index").path("retrieval").path("model").asText())) {
          return;
        }
      } catch (AssertionError | IOException notYet) {
        // not answering yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the embedding model did not load within 120 s; log:\n" + Files.readString(log));
  }

  private int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (process.isAlive() && System.nanoTime() < deadline) {
      for (String line : output()) {
        Matcher m = SERVING.matcher(line);
        if (line.startsWith("Serving ") && m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("serve did not start: " + output() + "\n" + Files.readString(log));
  }

  /** The lines the child has printed on standard output so far. */
  List<String> output() throws IOException {
    return Files.readAllLines(out);
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
  }

  JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  /** The ids of the first page of hits for a query, in rank order. */
  List<String> ids(String query) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    get("/api/search?q=" + query.replace(' ', '+')).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  /** Starts a rebuild of the configured corpus through the admin route and waits for it to end. */
  JsonNode rebuild() throws IOException, InterruptedException {
    HttpResponse<String> started = http.send(request("/api/index/rebuild?corpus=configured").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new AssertionError("rebuild answered " + started.statusCode() + ": " + started.body());
    }
    String id = json.readTree(started.body()).get("id").asText();
    for (int i = 0; i < 1200; i++) {
      JsonNode job = json.readTree(http.send(request("/api/index/jobs/" + id)
          .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      String state = job.get("state").asText();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("rebuild " + id + " did not finish");
  }

  /** Sends SIGTERM and waits for the process to end; returns its exit status. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("serve did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
