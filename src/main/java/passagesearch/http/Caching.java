package passagesearch.http;

import io.javalin.http.Context;

/**
 * Responses that change only when the index does carry the generation as their ETag; a client that
 * already has it gets 304 Not Modified.
 */
final class Caching {
  private Caching() {}

  /** Sets the validators; true when the client's copy is current and the handler should stop. */
  static boolean notModified(Context ctx, String generation) {
    String etag = "\"" + generation + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
      ctx.status(304);
      return true;
    }
    return false;
  }
}
