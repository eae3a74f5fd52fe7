package passagesearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import passagesearch.TestSupport;
import passagesearch.search.SearchService;
import passagesearch.serving.IndexManager;

/** A real server on a free port over a real index of the seed corpus, for HTTP tests. */
final class LiveServer implements AutoCloseable {
  final SearchService search;
  /** Rebuilds the seed corpus through the admin routes; null unless made {@link #withAdmin}. */
  final IndexManager manager;
  final WebServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  LiveServer(Path indexDir, HttpSettings settings) {
    this(indexDir, settings, false);
  }

  private LiveServer(Path indexDir, HttpSettings settings, boolean admin) {
    this(TestSupport.seedSearch(indexDir), indexDir, settings, admin);
  }

  private LiveServer(SearchService searched, Path indexDir, HttpSettings settings, boolean admin) {
    search = searched;
    manager = admin ? new IndexManager(TestSupport.corpus(), TestSupport.config(), null, indexDir, search,
        TestSupport.vectorCache()) : null;
    server = WebServer.create(search, settings, manager).start("127.0.0.1", 0);
  }

  /** With the admin routes open to {@code token}, rebuilding the seed corpus into {@code indexDir}. */
  static LiveServer withAdmin(Path indexDir, String token) {
    return new LiveServer(indexDir, new HttpSettings(java.util.List.of(), token), true);
  }

  LiveServer(Path indexDir) {
    this(indexDir, HttpSettings.defaults());
  }

  /** The seed corpus searched by words alone (no query embedding): for runs of many thousand requests. */
  static LiveServer lexical(Path indexDir) {
    return new LiveServer(TestSupport.lexicalSeedSearch(indexDir), indexDir, HttpSettings.defaults(), false);
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(request(pathAndQuery).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String body) throws IOException {
    return json.readTree(body);
  }

  @Override
  public void close() {
    server.close();
    if (manager != null) {
      manager.close();
    }
    search.close();
  }
}
