package passagesearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code serve} as a child process ({@link ServeProcess}) with the production JVM flags of
 * {@code bin/jvm.options}: a 128 MB heap and exit on OutOfMemoryError. For tests in other packages of what
 * one request may cost in memory.
 */
public final class ProductionServe implements AutoCloseable {
  private final ServeProcess serve;

  public ProductionServe(Path corpus, Path index, Path log) throws IOException, InterruptedException {
    this(corpus, passagesearch.TestSupport.config(), index, log);
  }

  /** @param config the index configuration folder, e.g. {@code TestSupport.lexicalConfig()} */
  public ProductionServe(Path corpus, Path config, Path index, Path log) throws IOException, InterruptedException {
    serve = new ServeProcess(List.of(), ServeProcess.PRODUCTION_HEAP, corpus, config, index, log);
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
