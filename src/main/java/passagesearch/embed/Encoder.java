package passagesearch.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Texts to unit-length vectors with one {@link EncoderModel}, in process on the CPU: the model's tokenizer
 * (Hugging Face's, a native library) makes token ids, ONNX Runtime runs the model, and the token vectors are
 * pooled (the model's CLS or mean pooling) and scaled to length 1, so a dot product is the cosine.
 *
 * <p>A text is truncated at 512 tokens (about 350 to 400 English words), the model's prefix and its two
 * special tokens included: words past that do not count. Nothing is downloaded: the model's files come from
 * the class path, the native libraries from their jars (unpacked to a temporary folder, and the tokenizer's to
 * {@code ~/.djl.ai}, or {@code $DJL_CACHE_DIR}).
 *
 * <p>Thread-safe: any number of threads may call {@link #query}, {@link #passage} and {@link #passages} at once
 * (each runs on its caller's thread and, beyond one, the session's own intra-op threads). {@link #close} frees
 * the native memory, so call it once every call has returned.
 */
public final class Encoder implements AutoCloseable {
  private static final String MAX_TOKENS = "512";

  private final EncoderModel model;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final String output;
  private final int dimensions;
  private final boolean takesTokenTypes;

  private Encoder(EncoderModel model, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer)
      throws OrtException {
    this.model = model;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    // The token vectors: the one output of shape [batch, tokens, dimensions].
    Map.Entry<String, NodeInfo> hidden = session.getOutputInfo().entrySet().stream()
        .filter(e -> e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(model.configName() + " has no [batch, tokens, dimensions] output"));
    this.output = hidden.getKey();
    this.dimensions = (int) ((TensorInfo) hidden.getValue().getInfo()).getShape()[2];
    this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
  }

  /** The model with one intra-op thread: a search's query uses one core. */
  public static Encoder load(EncoderModel model) {
    return load(model, 1);
  }

  /**
   * The model, each call using up to {@code intraOpThreads} cores (its own thread and {@code intraOpThreads - 1}
   * of the session's, which sleep between calls rather than spin).
   *
   * @throws EncoderUnavailable when the model's files are not on the class path or a native library does not load
   */
  public static Encoder load(EncoderModel model, int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be at least 1, not " + intraOpThreads);
    }
    ClassLoader loader = Encoder.class.getClassLoader();
    if (loader.getResource(model.modelResource()) == null || loader.getResource(model.tokenizerResource()) == null) {
      throw new EncoderUnavailable("the embedding model " + model.configName() + " is not in this build ("
          + model.modelResource() + " is not on the class path)", null);
    }
    OrtEnvironment environment = environment();
    OrtSession session = session(environment, model, intraOpThreads);
    HuggingFaceTokenizer tokenizer = null;
    try {
      tokenizer = tokenizer(model);
      return new Encoder(model, environment, session, tokenizer);
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session);
      if (tokenizer != null) {
        tokenizer.close();
      }
      throw e instanceof EncoderUnavailable u ? u
          : new EncoderUnavailable("the embedding model " + model.configName() + " did not load: " + e.getMessage(), e);
    }
  }

  /** The model's name as a configuration file gives it. */
  public String model() {
    return model.configName();
  }

  /** The length of every vector. */
  public int dimensions() {
    return dimensions;
  }

  /** A search's vector: the text with the model's query prefix. */
  public float[] query(String text) {
    return encode(model.queryPrefix() + text);
  }

  /** The vector of a search of a few keywords ("AML treatment"): the text with the model's keywords prefix. */
  public float[] keywords(String text) {
    return encode(model.keywordsPrefix() + text);
  }

  /** A passage's vector: the text with the model's passage prefix. */
  public float[] passage(String text) {
    return encode(model.passagePrefix() + text);
  }

  /**
   * Passages' vectors, in order, each exactly as {@link #passage} gives it. One at a time, not padded into
   * batches: on the CPU a batch was no faster per passage (86 ms against 83 for bge-small), and the quantised
   * models scale their activations over the whole batch, so a passage's vector would depend on its neighbours.
   * For throughput, call from several threads or load with more intra-op threads.
   */
  public List<float[]> passages(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(passage(text));
    }
    return vectors;
  }

  @Override
  public void close() {
    tokenizer.close();
    closeQuietly(session);
  }

  /** One model run over one text's tokens: its pooled, unit-length vector. */
  private float[] encode(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] shape = {1, encoding.getIds().length};
    try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
         OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
         OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", ids);
      inputs.put("attention_mask", mask);
      if (takesTokenTypes) {
        inputs.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
        return unit(pool(((OnnxTensor) result.get(0)).getFloatBuffer(), (int) shape[1]));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model " + model.configName() + " failed on a text of "
          + shape[1] + " tokens: " + e.getMessage(), e);
    }
  }

  /** One vector from the [1, tokens, dimensions] token vectors. */
  private float[] pool(FloatBuffer hidden, int tokens) {
    float[] vector = new float[dimensions];
    switch (model.pooling()) {
      case CLS -> hidden.get(0, vector);
      case MEAN -> {
        float[] token = new float[dimensions];
        for (int t = 0; t < tokens; t++) {
          hidden.get(t * dimensions, token);
          for (int d = 0; d < dimensions; d++) {
            vector[d] += token[d] / tokens;
          }
        }
      }
    }
    return vector;
  }

  private static float[] unit(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    float norm = (float) Math.sqrt(sum);
    for (int d = 0; d < vector.length; d++) {
      vector[d] = norm == 0 ? 0 : vector[d] / norm;
    }
    return vector;
  }

  private static OrtEnvironment environment() {
    try {
      return NativeLibraries.environment();
    } catch (LinkageError | RuntimeException e) {
      throw new EncoderUnavailable("ONNX Runtime's native library does not load on " + platform()
          + ", so semantic search is off: " + why(e), e);
    }
  }

  private static OrtSession session(OrtEnvironment environment, EncoderModel model, int intraOpThreads) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
         InputStream graph = Encoder.class.getClassLoader().getResourceAsStream(model.modelResource());
         ModelFile file = ModelFile.copy(graph)) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // A server waits for requests most of the time: idle pool threads sleep instead of spinning on a core.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      // No CPU arena and no memory patterns: the arena keeps its high-water mark resident. Seed under load
      // (short queries): RSS 274 -> 250 MB, median of 3 interleaved; long SciFact queries: level (about 330 MB);
      // CPU per query and the answers unchanged (issue 17).
      options.setCPUArenaAllocator(false);
      options.setMemoryPatternOptimization(false);
      return environment.createSession(file.path().toString(), options);
    } catch (IOException e) {
      throw new EncoderUnavailable("cannot unpack the embedding model " + model.configName()
          + " to the temporary folder (" + System.getProperty("java.io.tmpdir") + "): " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new EncoderUnavailable("ONNX Runtime cannot open the embedding model " + model.configName() + ": "
          + e.getMessage(), e);
    }
  }

  private static HuggingFaceTokenizer tokenizer(EncoderModel model) {
    try (InputStream json = Encoder.class.getClassLoader().getResourceAsStream(model.tokenizerResource())) {
      return HuggingFaceTokenizer.newInstance(json,
          Map.of("truncation", "true", "maxLength", MAX_TOKENS, "padding", "false", "addSpecialTokens", "true"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LinkageError | RuntimeException e) {
      throw new EncoderUnavailable("the tokenizer's native library does not load on " + platform()
          + ", so semantic search is off: " + why(e), e);
    }
  }

  /**
   * What went wrong, for a person: the first message down a failure's causes, and its root cause when that is
   * another (a native load often throws without a message, its cause saying which file was missing).
   */
  static String why(Throwable e) {
    Throwable said = null;
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (said == null && t.getMessage() != null && !t.getMessage().isBlank()) {
        said = t;
      }
      root = t;
    }
    if (said == null) {
      return e.getClass().getSimpleName();
    }
    String first = said == e ? said.getMessage() : said.getClass().getSimpleName() + ": " + said.getMessage();
    return root == said || root.getMessage() == null ? first
        : first + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private static String platform() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // Closing frees native memory; a failure here leaves nothing the caller can act on.
    }
  }
}
