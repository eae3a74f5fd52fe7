package passagesearch.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 written by hand on a plain socket, for what {@link java.net.http.HttpClient} refuses to send:
 * made-up methods, {@code OPTIONS *}, bodies that end early.
 */
final class RawHttp {
  private RawHttp() {}

  /** A request line and headers, as a client would send them, with a Host header added. */
  static String request(String requestLine, String... headers) {
    StringBuilder r = new StringBuilder(requestLine).append("\r\nHost: x\r\n");
    for (String h : headers) {
      r.append(h).append("\r\n");
    }
    return r.append("\r\n").toString();
  }

  /** Sends the requests one after another on one connection (the last asks to close) and returns everything answered. */
  static String pipeline(int port, List<String> requests) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      // Read while writing, so neither side waits on a full buffer.
      CompletableFuture<byte[]> answered = CompletableFuture.supplyAsync(() -> readAll(socket));
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < requests.size(); i++) {
        String r = requests.get(i);
        if (i == requests.size() - 1) {
          r = r.substring(0, r.length() - 2) + "Connection: close\r\n\r\n";
        }
        out.write(r.getBytes(StandardCharsets.ISO_8859_1));
      }
      out.flush();
      return new String(answered.join(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request on its own connection; the answer, headers and body as sent. */
  static String exchange(int port, String request) {
    return pipeline(port, List.of(request));
  }

  private static byte[] readAll(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many responses a {@link #pipeline} answer holds. */
  static int responses(String answered) {
    int n = 0;
    for (int at = answered.indexOf("HTTP/1.1 "); at >= 0; at = answered.indexOf("HTTP/1.1 ", at + 1)) {
      n++;
    }
    return n;
  }
}
