package passagesearch.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks query parameters; every failure names the parameter and what is allowed. */
final class QueryParams {
  private final Map<String, List<String>> params;

  QueryParams(Context ctx, Set<String> allowed) {
    this.params = ctx.queryParamMap();
    for (String name : params.keySet()) {
      if (!allowed.contains(name)) {
        throw new BadRequest("unknown parameter '" + abbreviate(name) + "'; allowed: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** A parameter given at most once; null when absent. */
  String single(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new BadRequest(name + " may be given only once");
    }
    return values.get(0);
  }

  List<String> all(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    for (String v : values) {
      if (v.isBlank()) {
        throw new BadRequest(name + " must not be empty");
      }
    }
    return values;
  }

  int integer(String name, int fallback, int min, int max) {
    String raw = single(name);
    if (raw == null) {
      return fallback;
    }
    String range = name + " must be a whole number from " + min + " to " + max;
    if (!raw.strip().matches("-?\\d{1,10}")) {
      throw new BadRequest(range + ", not '" + abbreviate(raw) + "'");
    }
    long value = Long.parseLong(raw.strip());
    if (value < min || value > max) {
      throw new BadRequest(range + ", not " + value);
    }
    return (int) value;
  }

  boolean flag(String name) {
    String raw = single(name);
    if (raw == null || raw.equals("false")) {
      return false;
    }
    if (raw.isEmpty() || raw.equals("true")) {
      return true;
    }
    throw new BadRequest(name + " must be true or false");
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
