package passagesearch.http;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses query parameters into strings, whole numbers and flags; every failure names the parameter. Unknown
 * parameters are refused here; the bounds of the values are the request records' (in the search room).
 */
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

  /** Every value of a repeatable parameter, in the order given; empty when absent. */
  List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  /**
   * A whole number, or {@code fallback} when absent. Only the parsing is checked here; what range is allowed
   * is the request record's to say.
   */
  int integer(String name, int fallback) {
    String raw = single(name);
    if (raw == null) {
      return fallback;
    }
    String digits = raw.strip();
    if (!digits.matches("-?\\d+")) {
      throw new BadRequest(name + " must be a whole number, not '" + abbreviate(raw) + "'");
    }
    BigInteger value = new BigInteger(digits);
    if (value.bitLength() > 31) {
      throw new BadRequest(name + " " + abbreviate(digits) + " is far too " + (value.signum() < 0 ? "small" : "large")
          + " a number");
    }
    return value.intValue();
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
