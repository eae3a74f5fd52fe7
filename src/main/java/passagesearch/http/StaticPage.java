package passagesearch.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The search page's files ({@code public/} on the class path: HTML, CSS, JS and the icon, about 40 KB), read
 * once when the server is made and answered from memory, each with a strong {@code ETag} ({@code 304} to a
 * matching {@code If-None-Match}) and {@code Cache-Control: max-age=0}, as Javalin's static files were.
 *
 * <p>Not Javalin's static files: Jetty serves class-path files by mounting the jar they are in as a zip file
 * system, and this jar holds 25,000 entries (the embedding model's native libraries among them): reading its
 * central directory took 150-350 ms of every start-up, before the first search could be answered.
 */
final class StaticPage {
  /** Each path the page is served at, and its file. */
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css",
      "/favicon.ico", "favicon.ico");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html", "js", "text/javascript", "css", "text/css", "ico", "image/vnd.microsoft.icon");

  private record File(byte[] bytes, String type, String etag) {}

  private final Map<String, File> files = new LinkedHashMap<>();

  StaticPage() {
    Map<String, File> read = new LinkedHashMap<>();
    FILES.forEach((path, name) -> files.put(path, read.computeIfAbsent(name, StaticPage::read)));
  }

  /** The paths the page's files are answered at: the {@code static} route of {@link HttpMetrics}. */
  static Set<String> paths() {
    return FILES.keySet();
  }

  /** Declares a GET and HEAD route for each file. */
  void declare(RoutesConfig routes) {
    files.forEach((path, file) -> {
      Handler handler = ctx -> serve(ctx, file);
      routes.get(path, handler);
      routes.head(path, handler);
    });
  }

  private static void serve(Context ctx, File file) {
    ctx.header("Cache-Control", "max-age=0");
    ctx.header("ETag", file.etag());
    if (file.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(file.type()).result(file.bytes());
  }

  private static File read(String name) {
    try (InputStream in = StaticPage.class.getResourceAsStream("/public/" + name)) {
      if (in == null) {
        throw new IllegalStateException("public/" + name + " is not on the class path");
      }
      byte[] bytes = in.readAllBytes();
      String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + '"';
      return new File(bytes, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), etag);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public/" + name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
