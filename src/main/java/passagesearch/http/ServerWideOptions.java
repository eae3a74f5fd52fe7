package passagesearch.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code OPTIONS *} asks what the server as a whole supports; it names no path, so no route can take it.
 * Answered here, before routing: 204 with the methods the routes use in {@code Allow}.
 */
final class ServerWideOptions extends Handler.Wrapper {
  static final String ALLOW = "GET, HEAD, POST, OPTIONS";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (HttpMethod.OPTIONS.is(request.getMethod()) && "*".equals(request.getHttpURI().getPath())) {
      response.setStatus(204);
      response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
      response.write(true, null, callback);
      return true;
    }
    return super.handle(request, response, callback);
  }
}
