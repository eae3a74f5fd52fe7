package passagesearch.index;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import passagesearch.ingest.Passage;

/** Maps a passage to its Lucene document, and says why each field is indexed the way it is. */
final class PassageDocuments {
  /** Passage text: BM25 with positions (phrases) and offsets in the postings (fast highlighting), stored. */
  private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

  static {
    TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_WITH_OFFSETS.freeze();
  }

  /**
   * The shape of the documents below. A generation built with another layout is rebuilt rather than
   * served: the search code relies on every field here, and Lucene reads a segment with the formats of
   * {@link PassageCodec}, which must be the ones it was written with. 4: stored fields kept plain, the other
   * formats those of Lucene104Codec.
   */
  static final int LAYOUT = 4;
  /** Lucene's bound on one doc value; a longer heading is stored but not listed for suggestions. */
  private static final int MAX_DOC_VALUE_BYTES = 32_766;

  private PassageDocuments() {}

  /** Tags and sources are facets on sorted-set doc values: no taxonomy index to keep in step. */
  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(Fields.TAG, true);
    config.setMultiValued(Fields.SOURCE, false);
    return config;
  }

  static Document toDocument(Passage passage, String title, FacetsConfig facets, float[] vector)
      throws java.io.IOException {
    Document doc = new Document();
    // Its meaning, for search by meaning: unit vectors, so the dot product is the cosine.
    if (vector != null) {
      doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    // Exact-match key for /passages/{id}; stored to give it back.
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    // Exact-match filter on the source; stored; and a facet dimension for counts per source.
    doc.add(new StringField(Fields.SOURCE, passage.documentId(), Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(Fields.SOURCE, passage.documentId()));
    doc.add(new SortedDocValuesField(Fields.SOURCE, new BytesRef(passage.documentId())));
    // Stored to give it back; doc values to list a document's passages in order.
    doc.add(new StoredField(Fields.ORDINAL, passage.ordinal()));
    doc.add(new NumericDocValuesField(Fields.ORDINAL, passage.ordinal()));
    // The passage's words: the main scored field, also the snippet's source.
    doc.add(new Field(Fields.TEXT, passage.text(), TEXT_WITH_OFFSETS));
    // Headings and title are scored too (a passage under "Side effects" is about side effects), not stored
    // here: headings are stored one per value below, the title lives in the generation's document list.
    doc.add(new TextField(Fields.HEADINGS, String.join("\n", passage.headings()), Field.Store.NO));
    doc.add(new TextField(Fields.TITLE, title == null ? "" : title, Field.Store.NO));
    // Surface words, unstemmed and not scored: what a misspelt query word is corrected to.
    doc.add(WordsField.of(passage));
    for (String heading : passage.headings()) {
      doc.add(new StoredField(Fields.HEADING, heading));
      // Doc values too, so the suggester lists every distinct heading without reading stored passages.
      BytesRef value = new BytesRef(heading);
      if (value.length <= MAX_DOC_VALUE_BYTES) {
        doc.add(new SortedSetDocValuesField(Fields.HEADING, value));
      }
    }
    // Tags: exact-match filters, stored, and a multi-valued facet dimension.
    for (String tag : passage.tags()) {
      doc.add(new StringField(Fields.TAG, tag, Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(Fields.TAG, tag));
      doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(tag)));
    }
    // The tags its own words earn: what a query naming a tag may find it by alone. A filter, never shown.
    for (String tag : passage.tagsInText()) {
      doc.add(new StringField(Fields.TAG_IN_TEXT, tag, Field.Store.NO));
    }
    // Tags passed down from the document, with the reason: stored only, shown by explain=true.
    for (var inherited : passage.inherited()) {
      doc.add(new StoredField(Fields.INHERITED, inherited.note()));
    }
    // A heading stub, scored down at search time: doc values, read while scoring; absent on the others.
    if (passage.restatesHeading()) {
      doc.add(new NumericDocValuesField(Fields.RESTATES_HEADING, 1));
    }
    // What near-duplicate folding compares, computed once here rather than from the text at every search.
    doc.add(new BinaryDocValuesField(Fields.SHINGLES, Shingles.encode(Shingles.of(passage.text()))));
    // Where the passage stands in the source: stored only, never searched.
    doc.add(new StoredField(Fields.START, passage.start()));
    doc.add(new StoredField(Fields.END, passage.end()));
    return facets.build(doc);
  }
}
