package passagesearch.http;

import java.util.List;

/**
 * How the HTTP surface behaves beyond its routes.
 *
 * @param corsOrigins origins allowed to call the API from a browser; none (the default) means CORS is off
 * @param adminToken the bearer token admin routes need; null or blank disables them
 */
public record HttpSettings(List<String> corsOrigins, String adminToken) {
  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
  }

  @Override
  public String toString() {
    return "HttpSettings[corsOrigins=" + corsOrigins + ", adminToken=" + (adminToken == null ? "none" : "set") + "]";
  }

  public static HttpSettings defaults() {
    return new HttpSettings(List.of(), null);
  }
}
