package passagesearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import passagesearch.embed.EncoderUnavailable;
import passagesearch.embed.ModelSlot;

/**
 * The requests of {@code serve --aot-training}: what a server does in its first seconds, asked of itself over
 * HTTP, so the JVM's ahead-of-time cache ({@code bin/passage-search} records this run, JDK 25+) holds the
 * classes, linked, and the method profiles of the path to a first answer, not only those of starting up.
 * Searches by words first (as a server answers while the model loads), then, once the model is ready, by
 * meaning; a spelling correction, suggestions, the catalogue, the page and the metrics. Answers are read and
 * dropped: a query this corpus cannot answer (another corpus's words) still takes the same paths.
 */
final class StartupTraining {
  private static final List<String> FIRST = List.of(
      "/api/search?q=blinatumomab+side+effects", "/api/search?q=blinatumomab+side+effects",
      "/api/search?q=imatanib&explain=true", "/api/search?q=%22stem+cell%22+-transplant&limit=5&offset=5",
      "/api/suggest?q=blin", "/api/documents?limit=2", "/api/tags", "/api/index", "/health", "/ready", "/",
      "/app.js", "/style.css", "/favicon.ico", "/metrics", "/nope");
  private static final List<String> BY_MEANING = List.of(
      "/api/search?q=will+treatment+affect+whether+I+can+have+a+baby",
      "/api/search?q=how+long+do+people+live+after+treatment");

  private final int port;

  StartupTraining(int port) {
    this.port = port;
  }

  /** Every request, the searches by meaning only when the model loads (it may be off or unavailable). */
  void run(ModelSlot models) {
    FIRST.forEach(this::get);
    if (models.state() == ModelSlot.State.LOADING) {
      try {
        models.await();
      } catch (EncoderUnavailable e) {
        return;
      }
    }
    if (models.state() == ModelSlot.State.READY) {
      BY_MEANING.forEach(this::get);
    }
  }

  private void get(String path) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
      c.setRequestProperty("Accept-Encoding", "gzip");
      try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      // A request that fails trains nothing more; the others still do.
    }
  }
}
