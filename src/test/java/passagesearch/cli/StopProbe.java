package passagesearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import passagesearch.embed.Encoder;
import passagesearch.embed.EncoderModel;

/**
 * A child process for {@link GracefulShutdownIT}: it loads the embedding model over and over (a session being
 * created is where ONNX Runtime's shutdown hook crashed the JVM) and encodes meanwhile, prints {@code busy} once
 * it is, and waits for a signal. With {@code handled}, SIGTERM is handled by {@link StopSignals} and a stop that
 * halts with 0, as the server's does; with {@code jvm}, by the JVM's own shutdown. A shutdown hook of its own
 * writes the file given, so the test can tell whether hooks ran.
 */
final class StopProbe {
  private StopProbe() {}

  public static void main(String[] args) throws IOException {
    Path hookRan = Path.of(args[1]);
    if (args[0].equals("handled")) {
      StopSignals.install().gracefully(() -> Runtime.getRuntime().halt(0));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.writeString(hookRan, "ran");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }));
    Encoder first = Encoder.load(EncoderModel.DEFAULT);
    Thread.ofPlatform().daemon().start(() -> {
      while (true) {
        first.passage("a passage being encoded while the process is told to stop");
      }
    });
    System.out.println("busy");
    System.out.flush();
    while (true) {
      Encoder.load(EncoderModel.DEFAULT).close();
    }
  }
}
