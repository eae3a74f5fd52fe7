package passagesearch.http;

import io.javalin.http.Context;
import java.util.UUID;

/** Every request gets an id, echoed in X-Request-Id and logged, so a reported error can be found. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "requestId";

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
