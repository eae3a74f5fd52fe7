package passagesearch.search;

/**
 * A topic tag's lift (side effects, clinical trials, prognosis: a tag with no brands, acronyms or implied class),
 * weighed by how much a corpus uses the topic's words: the whole weight when at least {@link #COMMON_TOPIC} of the
 * passages carry the tag, a part in proportion below it, nothing when none do. Where a corpus says the topic
 * otherwise (MedQuAD's research sections seldom say "clinical trials"), the few passages that use the words are not
 * pulled up for every question of that kind. Both engines weigh topics here: the embedded one from its index's
 * document frequencies, the OpenSearch one from its generation's tag counts.
 */
public final class TopicWeight {
  /** Share of the passages at which a topic tag gets its whole weight; below it, a part in proportion. */
  static final double COMMON_TOPIC = 0.05;

  private TopicWeight() {}

  /** The lift of a topic tag carried by {@code carrying} of {@code passages} passages, at most {@code weight}. */
  public static float of(float weight, long carrying, long passages) {
    double share = passages == 0 ? 0 : (double) carrying / passages;
    return (float) (weight * Math.min(1, share / COMMON_TOPIC));
  }
}
