package passagesearch.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import passagesearch.config.SemanticSettings;
import passagesearch.embed.Encoder;
import passagesearch.embed.EncoderUnavailable;
import passagesearch.embed.ModelSlot;
import passagesearch.ingest.Passage;

/**
 * A build's step from passages to their vectors: each passage's vector comes from the {@link VectorCache}
 * when its text was embedded before, from the model otherwise (the passages of one document in one batch),
 * and is kept for the next build.
 */
public final class PassageVectors implements AutoCloseable {
  private final Encoder encoder;
  private final VectorCache cache;
  private final boolean compact;
  private int embedded;
  private int reused;

  private PassageVectors(Encoder encoder, VectorCache cache, boolean compact) {
    this.encoder = encoder;
    this.cache = cache;
    this.compact = compact;
  }

  /**
   * @param compact whether the cache is this index's alone, so that after a build it may keep only what the
   *     build used; a cache several indexes share keeps everything
   */
  public static PassageVectors open(Encoder encoder, Path cacheFolder, boolean compact) throws IOException {
    return new PassageVectors(encoder, VectorCache.open(cacheFolder, encoder.model(), encoder.dimensions()), compact);
  }

  /**
   * Where a build's passage vectors come from, for either engine: none when semantic retrieval is off; the
   * model (waited for) and the cache when it is on. A model that cannot load leaves a generation searched by
   * words alone, said in a note, rather than no generation at all.
   *
   * @param compact whether the cache is this index's alone (see {@link #open})
   * @return null when the build is to have no vectors
   * @throws IOException when the cache cannot be opened
   */
  public static PassageVectors forBuild(SemanticSettings semantic, ModelSlot models, Path cacheFolder, boolean compact,
      Consumer<String> notes) throws IOException {
    if (!semantic.enabled()) {
      return null;
    }
    if (models.model() != null && !models.model().equals(semantic.model())) {
      notes.accept("warning: building without passage vectors: semantic.yaml names the model "
          + semantic.model() + " but this process loaded " + models.model() + "; restart it to change models");
      return null;
    }
    Encoder encoder;
    try {
      encoder = models.await();
    } catch (EncoderUnavailable e) {
      notes.accept("warning: building without passage vectors, so searches match words only: " + e.getMessage());
      return null;
    }
    return open(encoder, cacheFolder, compact);
  }

  /** The model the vectors come from. */
  public String model() {
    return encoder.model();
  }

  /**
   * What the model reads of a passage: where it stands (the document's title and the headings above it)
   * and its words. A passage seldom names what its page is about ("What are the treatments for X?" is
   * answered by a section of the page on X that never says X), so its place is part of its meaning.
   */
  public static String readable(Passage passage, String title) {
    StringBuilder out = new StringBuilder();
    List<String> path = new ArrayList<>();
    if (title != null && !title.isBlank() && (passage.headings().isEmpty() || !passage.headings().get(0).equals(title))) {
      path.add(title.strip());
    }
    passage.headings().forEach(h -> path.add(h.strip()));
    if (!path.isEmpty()) {
      out.append(String.join(" > ", path)).append('\n');
    }
    return out.append(passage.text()).toString();
  }

  /** One vector per passage of a document, in order. */
  public List<float[]> of(List<Passage> passages, String title) throws IOException {
    List<String> texts = passages.stream().map(p -> readable(p, title)).toList();
    List<float[]> vectors = new ArrayList<>(passages.size());
    List<Integer> missing = new ArrayList<>();
    for (String text : texts) {
      float[] kept = cache.get(text);
      if (kept == null) {
        missing.add(vectors.size());
      }
      vectors.add(kept);
    }
    if (!missing.isEmpty()) {
      // The model runs one passage a call on the caller's core: the passages of a document are embedded
      // side by side on the common pool's threads (one fewer than the cores, the caller joining in).
      float[][] computed = new float[missing.size()][];
      java.util.stream.IntStream.range(0, missing.size()).parallel()
          .forEach(j -> computed[j] = encoder.passage(texts.get(missing.get(j))));
      for (int j = 0; j < missing.size(); j++) {
        int i = missing.get(j);
        vectors.set(i, computed[j]);
        cache.put(texts.get(i), computed[j]);
      }
    }
    embedded += missing.size();
    reused += passages.size() - missing.size();
    return vectors;
  }

  /** Passages embedded by the model in this build. */
  public int embedded() {
    return embedded;
  }

  /** Passages whose vectors came from the cache. */
  public int reused() {
    return reused;
  }

  /** After a build that wrote everything: an index's own cache keeps what this corpus uses. */
  public void finish() throws IOException {
    if (compact) {
      cache.compact();
    }
  }

  @Override
  public void close() throws IOException {
    cache.close();
  }
}
