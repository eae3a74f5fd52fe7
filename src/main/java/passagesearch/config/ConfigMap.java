package passagesearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One mapping of a file an editor writes ({@code index-config/}'s YAML, a corpus's {@code manifest.json}), read
 * key by key. It is made knowing the keys its place in the file may hold, so a misspelt key is an error, not a
 * silent default; a value of the wrong kind is an error too. Every error names the file and the key's path
 * ({@code ranking.yaml: bm25.k3 ...}) and is a {@link ConfigException} unless the file's reader asks for its
 * own kind of error. An absent or empty key reads as {@code null}, for the caller's default.
 *
 * <p>The files are parsed into Jackson's tree and read from it here, rather than bound to records by
 * Jackson's data binding, whose first use in a process (record introspection, deserializers) cost about 150 ms:
 * the whole {@code index} command on one core, SciFact 5.04 -> 4.70 s, MedQuAD 3.89 -> 3.66 s (2026-12-07).
 */
public final class ConfigMap {
  private final String file;
  private final String path;
  private final JsonNode node;
  private final Function<String, ? extends RuntimeException> failure;

  private ConfigMap(String file, String path, JsonNode node, Set<String> keys,
      Function<String, ? extends RuntimeException> failure) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.failure = failure;
    if (!node.isMissingNode() && !node.isObject()) {
      throw error("", "must be a mapping of keys to values");
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!keys.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw failure.apply(file + ": unknown key '" + path + unknown.get(0) + "'"
          + (keys.isEmpty() ? "" : " (known here: " + String.join(", ", new TreeSet<>(keys)) + ")"));
    }
  }

  /** A whole file of {@code index-config/}, whose top level may hold these keys. */
  static ConfigMap root(String file, JsonNode node, String... keys) {
    return root(file, node, ConfigException::new, keys);
  }

  /** A whole file, whose top level may hold these keys; its errors are made by {@code failure} from their message. */
  public static ConfigMap root(String file, JsonNode node, Function<String, ? extends RuntimeException> failure,
      String... keys) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw failure.apply(file + " is empty");
    }
    return new ConfigMap(file, "", node, Set.of(keys), failure);
  }

  /** The mapping under a key, with the keys it may hold; an absent key reads as an empty mapping. */
  ConfigMap map(String key, String... keys) {
    return new ConfigMap(file, path + key + ".", present(key) ? node.get(key) : MissingNode.getInstance(), Set.of(keys),
        failure);
  }

  /** The mapping under a key, or null when the key is absent. */
  ConfigMap mapOrNull(String key, String... keys) {
    return present(key) ? map(key, keys) : null;
  }

  /** The mappings listed under a key, each with the keys it may hold; none when the key is absent. */
  public List<ConfigMap> maps(String key, String... keys) {
    List<ConfigMap> maps = new ArrayList<>();
    JsonNode list = list(key);
    for (int i = 0; i < list.size(); i++) {
      maps.add(new ConfigMap(file, path + key + "[" + i + "].", list.get(i), Set.of(keys), failure));
    }
    return maps;
  }

  /** The strings listed under a key; none when the key is absent. */
  List<String> texts(String key) {
    List<String> texts = new ArrayList<>();
    JsonNode list = list(key);
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isValueNode() || item.isNull()) {
        throw error(key + "[" + i + "]", "must be text");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  public String text(String key) {
    JsonNode value = value(key, JsonNode::isValueNode, "must be text");
    return value == null ? null : value.asText();
  }

  Integer integer(String key) {
    JsonNode value = value(key, v -> v.isIntegralNumber() && v.canConvertToInt(), "must be a whole number");
    return value == null ? null : value.intValue();
  }

  Double decimal(String key) {
    JsonNode value = value(key, JsonNode::isNumber, "must be a number");
    return value == null ? null : value.doubleValue();
  }

  Float number(String key) {
    Double value = decimal(key);
    return value == null ? null : value.floatValue();
  }

  Boolean bool(String key) {
    JsonNode value = value(key, JsonNode::isBoolean, "must be true or false");
    return value == null ? null : value.booleanValue();
  }

  /** The value under a key, null when absent; an error saying what it must be when it is of another kind. */
  private JsonNode value(String key, Predicate<JsonNode> kind, String mustBe) {
    if (!present(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!kind.test(value)) {
      throw error(key, mustBe);
    }
    return value;
  }

  private boolean present(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  private JsonNode list(String key) {
    if (!present(key)) {
      return MissingNode.getInstance();
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      throw error(key, "must be a list");
    }
    return value;
  }

  private RuntimeException error(String key, String problem) {
    String at = (path + key).replaceAll("\\.$", "");
    return failure.apply(file + ": " + (at.isEmpty() ? "the file " : at + " ") + problem);
  }
}
