package passagesearch.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI 3.1 description; a test keeps it true to the route table. */
final class OpenApi {
  static final String RESOURCE = "/openapi.json";
  private static final byte[] DOCUMENT = load();

  private OpenApi() {}

  private static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void serve(Context ctx) {
    ctx.contentType("application/json").result(DOCUMENT);
  }
}
