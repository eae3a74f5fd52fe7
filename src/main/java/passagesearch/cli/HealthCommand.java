package passagesearch.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Asks a running server's {@code GET /health}: the Docker image's health check, which so needs nothing
 * but the JRE the server runs on (no curl in the image).
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Check that a running server answers GET /health; exit 0 if it does, 1 if not.")
final class HealthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:PORT:-7070}", description = "Port (env PORT). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Host. Default: ${DEFAULT-VALUE}")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    URI uri = URI.create("http://" + host + ":" + port + "/health");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        spec.commandLine().getOut().println("ok: " + uri + " answered " + r.body().strip());
        return 0;
      }
      spec.commandLine().getErr().println("error: " + uri + " answered " + r.statusCode());
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: " + uri + " did not answer: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return 1;
  }
}
