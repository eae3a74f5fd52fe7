package passagesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import passagesearch.config.IndexConfig;

/** The front door of this room: a document and the index configuration in, tagged passages out. */
public final class Ingest {
  private final PassageSplitter splitter;
  private final Tagger tagger;

  public Ingest(IndexConfig config) {
    this.splitter = new PassageSplitter(config.split(), config.boilerplate());
    this.tagger = new Tagger(config.tags());
  }

  public List<Passage> passages(SourceDocument document) {
    List<Passage> passages = new ArrayList<>();
    String text = document.text();
    for (PassageSplitter.Draft draft : splitter.split(text)) {
      String words = Text.normalise(text.substring(draft.start(), draft.end()));
      int ordinal = passages.size() + 1;
      passages.add(new Passage(
          document.id() + "/" + ordinal,
          document.id(),
          ordinal,
          draft.headings(),
          words,
          draft.start(),
          draft.end(),
          tagger.tags(words, draft.headings(), document.metadata().title(), draft.asideTag())));
    }
    return passages;
  }
}
