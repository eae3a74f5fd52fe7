package passagesearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Asks a running server's {@code GET /health}: the Docker image's health check, which so needs nothing
 * but the JRE the server runs on (no curl in the image).
 */
final class HealthCommand implements Callable<Integer> {
  static final CommandSyntax SYNTAX = new CommandSyntax("health",
      "Check that a running server answers GET /health; exit 0 if it does, 1 if not.", List.of(
          Option.value("--port", "PORT", "Port (env PORT).").env("PORT").orElse("7070"),
          Option.value("--host", "HOST", "Host.").orElse("127.0.0.1")), null, List.of());

  private final PrintWriter out;
  private final PrintWriter err;
  private final int port;
  private final String host;

  HealthCommand(Arguments args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    this.port = args.integer("--port");
    this.host = args.text("--host");
  }

  @Override
  public Integer call() throws InterruptedException {
    URI uri = URI.create("http://" + host + ":" + port + "/health");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        out.println("ok: " + uri + " answered " + r.body().strip());
        return 0;
      }
      err.println("error: " + uri + " answered " + r.statusCode());
    } catch (IOException e) {
      err.println("error: " + uri + " did not answer: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return 1;
  }
}
