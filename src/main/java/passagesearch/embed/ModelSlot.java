package passagesearch.embed;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import passagesearch.config.SemanticSettings;

/**
 * The embedding model as this process has it: off, loading beside the index, ready, or unavailable and
 * why. A server answers lexically until it is ready, so start-up is not held hostage by the model; a
 * build waits for it. One per process, shared by builds and searches.
 *
 * <p>A server starts loading it only once it listens ({@link #onDemand}, then {@link #load}): loading
 * takes about half a second of CPU, which start-up on two cores otherwise shares with it (launch to the
 * first answer, by words either way: 2.11 s -> 1.90 s, seed, interleaved, issue 17).
 */
public final class ModelSlot implements AutoCloseable {
  /** Where the model stands. */
  public enum State { OFF, LOADING, READY, UNAVAILABLE }

  private final String name;
  private final String offReason;
  private final CompletableFuture<Encoder> loaded;
  private final AtomicBoolean begun = new AtomicBoolean();

  private ModelSlot(String name, String offReason, CompletableFuture<Encoder> loaded) {
    this.name = name;
    this.offReason = offReason;
    this.loaded = loaded;
  }

  /** No model: semantic retrieval is off, for this reason ("semantic.yaml: enabled is false"). */
  public static ModelSlot off(String reason) {
    return new ModelSlot(null, reason, null);
  }

  /**
   * The model the settings name, loading from now on; off, saying so, when semantic retrieval is off. What
   * a build, an evaluation or a one-off search starts with; a server takes {@link #onDemand}.
   */
  public static ModelSlot of(SemanticSettings settings) {
    return onDemand(settings).load();
  }

  /** Starts loading the named model on a thread of its own; the slot is {@link State#LOADING} until it is done. */
  public static ModelSlot loading(String modelName) {
    return notLoading(modelName).load();
  }

  /**
   * The model the settings name, or off, as {@link #of}; but it starts loading only at {@link #load}, or
   * when something {@link #await}s it (a build). {@link State#LOADING} until then.
   */
  public static ModelSlot onDemand(SemanticSettings settings) {
    return settings.enabled() ? notLoading(settings.model()) : off("semantic retrieval is off (semantic.yaml)");
  }

  private static ModelSlot notLoading(String modelName) {
    return new ModelSlot(modelName, null, new CompletableFuture<>());
  }

  /** Starts loading the model on a thread of its own, unless it has started already or the slot is off. */
  public ModelSlot load() {
    if (loaded != null && begun.compareAndSet(false, true)) {
      Thread.ofPlatform().name("model-loader").daemon().start(() -> {
        try {
          loaded.complete(Encoder.load(EncoderModel.named(name)));
        } catch (RuntimeException | Error e) {
          loaded.completeExceptionally(e);
        }
      });
    }
    return this;
  }

  /** The model's name as configured; null when off. */
  public String model() {
    return name;
  }

  public State state() {
    if (loaded == null) {
      return State.OFF;
    }
    if (!loaded.isDone()) {
      return State.LOADING;
    }
    return loaded.isCompletedExceptionally() ? State.UNAVAILABLE : State.READY;
  }

  /** Why there is no model to use now, in words for a person; null when it is ready. */
  public String reason() {
    return switch (state()) {
      case OFF -> offReason;
      case LOADING -> "the embedding model " + name + " is still loading";
      case READY -> null;
      case UNAVAILABLE -> "the embedding model " + name + " is unavailable: " + failure().getMessage();
    };
  }

  /**
   * Calls {@code action} with the reason once the model turns out unavailable (at once when it already is); never
   * when it loads, and never when the slot is off. A server's way to say so in its log.
   */
  public void whenUnavailable(Consumer<String> action) {
    if (loaded != null) {
      loaded.whenComplete((encoder, failure) -> {
        if (failure != null) {
          action.accept(reason());
        }
      });
    }
  }

  /** The encoder when it is loaded; empty while it loads, or when off or unavailable. Never waits. */
  public Optional<Encoder> ready() {
    return state() == State.READY ? Optional.of(loaded.join()) : Optional.empty();
  }

  /**
   * The encoder, waiting for it to load: what a build needs.
   *
   * @throws EncoderUnavailable when the slot is off or the model could not load, saying why
   */
  public Encoder await() {
    if (loaded == null) {
      throw new EncoderUnavailable(offReason, null);
    }
    load();
    try {
      return loaded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EncoderUnavailable("interrupted while the embedding model loaded", e);
    } catch (ExecutionException e) {
      throw new EncoderUnavailable(reason(), e.getCause());
    }
  }

  private Throwable failure() {
    try {
      loaded.join();
      return null;
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }

  /** Closes the model once it has loaded; one that never started loading never will. */
  @Override
  public void close() {
    if (loaded == null) {
      return;
    }
    if (begun.compareAndSet(false, true)) {
      loaded.completeExceptionally(new EncoderUnavailable("closed before it was needed", null));
    }
    loaded.thenAccept(Encoder::close);
  }
}
