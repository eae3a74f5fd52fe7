package passagesearch.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches a route (URI too long, headers too large, bad encoding)
 * in the API's one error shape instead of Jetty's HTML page. No internal detail is included.
 */
final class JettyErrors extends ErrorHandler {
  /** Jetty writes a body only for GET, POST and HEAD; every method gets the JSON error here. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String reason = HttpStatus.getMessage(code);
    String body = "{\"error\":\"" + reason.replace("\"", "'") + "\",\"status\":" + code + "}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
