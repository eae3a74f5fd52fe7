package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;

/**
 * The words of English, American and British: LanguageTool's spelling dictionaries (Hunspell's SCOWL word
 * lists with every inflected form, 216,000 words), kept as the compact automata they ship as (about 1.6 MB
 * of heap for both) and read on the first look-up, which only a word the corpus does not know needs. Safe
 * for concurrent use.
 */
public final class EnglishWords {
  /** The dictionaries, on the class path from org.languagetool:english-pos-dict. */
  static final List<String> DICTIONARIES = List.of(
      "/org/languagetool/resource/en/hunspell/en_US.dict", "/org/languagetool/resource/en/hunspell/en_GB.dict");

  private final Lazy<List<Dictionary>> dictionaries = new Lazy<>(EnglishWords::read);

  /**
   * Whether the word is English as typed, in lower case, capitalised (a name typed in lower case: "paris"),
   * or in capitals (an acronym: "nasa").
   */
  boolean contains(String word) {
    if (word.isEmpty()) {
      return false;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return listed(word) || listed(lower)
        || listed(lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1))
        || listed(word.toUpperCase(Locale.ROOT));
  }

  /** Whether a dictionary holds the word written exactly so: its bytes, then the separator before its data. */
  private boolean listed(String word) {
    for (Dictionary d : dictionaries.get()) {
      ByteBuffer bytes = encoded(d, word);
      if (bytes == null) {
        continue;
      }
      FSA fsa = d.fsa;
      MatchResult match = new FSATraversal(fsa).match(bytes.array(), 0, bytes.remaining(), fsa.getRootNode());
      if (match.kind == MatchResult.SEQUENCE_IS_A_PREFIX && fsa.getArc(match.node, d.metadata.getSeparator()) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The word in the dictionary's encoding; null when it cannot be written so or holds the separator. */
  private static ByteBuffer encoded(Dictionary d, String word) {
    CharsetEncoder encoder = d.metadata.getEncoder();
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(word));
      for (int i = 0; i < bytes.remaining(); i++) {
        if (bytes.get(i) == d.metadata.getSeparator()) {
          return null;
        }
      }
      return bytes;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static List<Dictionary> read() {
    List<Dictionary> read = new ArrayList<>();
    for (String name : DICTIONARIES) {
      URL url = EnglishWords.class.getResource(name);
      if (url == null) {
        throw new IllegalStateException("the English word list " + name + " is not on the class path");
      }
      try {
        read.add(Dictionary.read(url));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the English word list " + name, e);
      }
    }
    return List.copyOf(read);
  }
}
