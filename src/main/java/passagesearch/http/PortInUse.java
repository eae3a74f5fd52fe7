package passagesearch.http;

/** The port the server was asked to listen on is held by another process. */
public final class PortInUse extends RuntimeException {
  private final int port;

  PortInUse(int port, Throwable cause) {
    super("port " + port + " is in use", cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
