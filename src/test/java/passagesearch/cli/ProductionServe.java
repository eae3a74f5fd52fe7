package passagesearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import passagesearch.TestSupport;

/**
 * {@code serve} as a child process ({@link ServeProcess}) with the production JVM flags of
 * {@code bin/jvm.options}: a 128 MB heap and exit on OutOfMemoryError. For tests in other packages of what
 * one request may cost in memory. The flags reach the child through {@code JDK_JAVA_OPTIONS}.
 */
public final class ProductionServe implements AutoCloseable {
  private final ServeProcess serve;

  public ProductionServe(Path corpus, Path index, Path log) throws IOException, InterruptedException {
    String flags = "@" + TestSupport.root().resolve("bin/jvm.options");
    serve = new ServeProcess(List.of("env", "JDK_JAVA_OPTIONS=" + flags), corpus, index, log);
  }

  public int port() {
    return serve.port;
  }

  public boolean alive() {
    return serve.process.isAlive();
  }

  /** What the child has logged so far. */
  public String log() throws IOException {
    return Files.readString(serve.log);
  }

  @Override
  public void close() throws InterruptedException {
    serve.close();
  }
}
