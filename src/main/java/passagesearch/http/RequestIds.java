package passagesearch.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Every request gets an id, echoed in X-Request-Id and logged, so a reported error can be found. Ids are
 * a random prefix chosen when the server starts and a counter: unique across restarts without a
 * random UUID per request, whose shared secure generator serialises busy request threads.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "requestId";
  private static final Pattern GIVEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String prefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36) + "-";
  private final AtomicLong counter = new AtomicLong();

  void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && GIVEN.matcher(given).matches() ? given : prefix + counter.incrementAndGet();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
