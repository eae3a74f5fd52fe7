package passagesearch.embed;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models an {@link Encoder} can run: quantised (int8) ONNX exports of three small
 * English models, each shipped in a langchain4j model jar ({@code <resource>.onnx} and
 * {@code <resource>-tokenizer.json} at the jar's root). The product jar carries only {@link #DEFAULT}'s; the
 * others load when their jar is on the class path (the {@code embed-bench} Maven profile puts them there).
 * All three truncate a text at 512 tokens, their instruction prefix included.
 */
public enum EncoderModel {
  /**
   * BAAI bge-small-en-v1.5: CLS pooling; its query instruction ("Represent this sentence for searching
   * relevant passages: ", optional for v1.5) only before a query of a few keywords, which BAAI recommends it
   * for (short queries for long passages). Before every query it was 8 tokens, half a short query's: without
   * it a query costs 25 to 30% less CPU (seed 4.7 → 3.3 ms, SciFact 7.0 → 5.4 ms, median on one core) and
   * hybrid nDCG@10 on the six train splits is level (mean 0.770 against 0.768; SciFact 0.762 against 0.765,
   * NINDS 0.858 against 0.843). A query of a few keywords ("AML treatment") is cheap with it and read better:
   * the seed tuning split 0.881 → 0.882 with it before keywords only, the other train splits level (README).
   */
  BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5-q", Pooling.CLS, "",
      "Represent this sentence for searching relevant passages: ", ""),
  /** intfloat e5-small-v2: mean pooling; "query: " and "passage: " prefixes, as it was trained. */
  E5_SMALL_V2("e5-small-v2", "e5-small-v2-q", Pooling.MEAN, "query: ", "query: ", "passage: "),
  /** sentence-transformers all-MiniLM-L6-v2: mean pooling, no prefixes; six layers, the fastest. */
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2-q", Pooling.MEAN, "", "", "");

  /**
   * The model the product jar ships and a configuration gets when it names none: bge-small-en-v1.5, chosen by
   * {@code EncoderBench} (test sources). On the train queries, dense-only nDCG@10: SciFact 0.744 (e5 0.703,
   * MiniLM 0.658), the mean of SciFact and the four MedQuAD collections 0.737 (e5 0.732, MiniLM 0.656); e5 is
   * ahead only on MedQuAD NINDS. A query takes about 5 ms of one core (median; p90 7 ms), inside the 10 ms
   * budget; MiniLM, at 2 ms, loses 0.08 nDCG. Loading it adds about 140 MB of native memory to the process.
   */
  public static final EncoderModel DEFAULT = BGE_SMALL_EN_V15;

  /** How a text's token vectors become one vector. */
  public enum Pooling {
    /** The first ([CLS]) token's vector. */
    CLS,
    /** The mean of the real (unpadded) tokens' vectors. */
    MEAN
  }

  private final String configName;
  private final String resource;
  private final Pooling pooling;
  private final String queryPrefix;
  private final String keywordsPrefix;
  private final String passagePrefix;

  EncoderModel(String configName, String resource, Pooling pooling, String queryPrefix, String keywordsPrefix,
      String passagePrefix) {
    this.configName = configName;
    this.resource = resource;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.keywordsPrefix = keywordsPrefix;
    this.passagePrefix = passagePrefix;
  }

  /** The model by the name a configuration file uses ({@code bge-small-en-v1.5}); unknown names list the known. */
  public static EncoderModel named(String name) {
    for (EncoderModel model : values()) {
      if (model.configName.equals(name)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown embedding model '" + name + "'; known: "
        + Arrays.stream(values()).map(EncoderModel::configName).collect(Collectors.joining(", ")));
  }

  /** The name a configuration file uses, e.g. {@code bge-small-en-v1.5}. */
  public String configName() {
    return configName;
  }

  /** The class-path name of the ONNX graph. */
  String modelResource() {
    return resource + ".onnx";
  }

  /** The class-path name of the tokenizer definition. */
  String tokenizerResource() {
    return resource + "-tokenizer.json";
  }

  Pooling pooling() {
    return pooling;
  }

  /** What goes before a query's text, as the model was trained. */
  public String queryPrefix() {
    return queryPrefix;
  }

  /** What goes before a query of a few keywords, as the model was trained. */
  public String keywordsPrefix() {
    return keywordsPrefix;
  }

  /** What goes before a passage's text, as the model was trained. */
  public String passagePrefix() {
    return passagePrefix;
  }
}
