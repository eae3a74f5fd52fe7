package passagesearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import passagesearch.config.IndexConfig;

/** The front door of this room: a document and the index configuration in, tagged passages out. */
public final class Ingest {
  private final PassageSplitter splitter;
  private final Tagger tagger;
  private final HeadingStubs stubs;
  private final IndexConfig config;

  public Ingest(IndexConfig config) {
    this.splitter = new PassageSplitter(config.split(), config.boilerplate());
    this.tagger = new Tagger(config.tags());
    this.stubs = new HeadingStubs(config.stubs(), config.vocabulary().spellings());
    this.config = config;
  }

  public List<Passage> passages(SourceDocument document) {
    return passages(document, warning -> { });
  }

  /** The same, saying what the hard caps cut (a paragraph split at words, a heading cut) to {@code warnings}. */
  public List<Passage> passages(SourceDocument document, Consumer<String> warnings) {
    List<Passage> passages = new ArrayList<>();
    String text = document.text();
    PassageSplitter.Split split = splitter.splitCounting(text);
    Map<List<String>, List<String>> headingMatches = new HashMap<>();
    for (PassageSplitter.Draft draft : split.drafts()) {
      String words = Text.normalise(text.substring(draft.start(), draft.end()));
      int ordinal = passages.size() + 1;
      Tagger.Tags tags = tagger.tags(words, draft.headings(), document.metadata().title(), draft.asideTag(), headingMatches);
      passages.add(new Passage(
          document.id() + "/" + ordinal,
          document.id(),
          ordinal,
          draft.headings(),
          words,
          draft.start(),
          draft.end(),
          tags.all(),
          tags.inText(),
          List.of(),
          stubs.restatesHeading(words, draft.headings())));
    }
    passages = tagger.passDown(passages);
    String at = document.metadata().file() + " (" + document.id() + ")";
    if (split.paragraphsCut() > 0) {
      warnings.accept(String.format("%s: %,d sentence(s) or item(s) longer than %,d characters, split at word "
          + "boundaries (passage.maxChars)", at, split.paragraphsCut(), config.split().passageMaxChars()));
    }
    if (split.headingsCut() > 0) {
      warnings.accept(String.format("%s: %,d heading(s) longer than %,d characters, cut at a word "
          + "(heading.hardMaxChars)", at, split.headingsCut(), config.split().headingHardMaxChars()));
    }
    return passages;
  }
}
