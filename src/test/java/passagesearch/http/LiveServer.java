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

/** A real server on a free port over a real index of the seed corpus, for HTTP tests. */
final class LiveServer implements AutoCloseable {
  final SearchService search;
  final WebServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  LiveServer(Path indexDir, HttpSettings settings) {
    search = TestSupport.seedSearch(indexDir);
    server = WebServer.create(search, settings).start("127.0.0.1", 0);
  }

  LiveServer(Path indexDir) {
    this(indexDir, HttpSettings.defaults());
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
    search.close();
  }
}
