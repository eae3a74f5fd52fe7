package passagesearch.http;

import java.util.List;

/**
 * How the HTTP surface behaves beyond its routes.
 *
 * @param corsOrigins origins allowed to call the API from a browser; none (the default) means CORS is off
 */
public record HttpSettings(List<String> corsOrigins) {
  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
  }

  public static HttpSettings defaults() {
    return new HttpSettings(List.of());
  }
}
