package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws generated hostile queries at the search and suggestion routes from a seeded generator: every
 * answer must be 200 or a 4xx in the JSON error shape, never a 5xx, and none may take longer than a bound.
 */
class FuzzIT {
  static final long SEED = 20261124L;
  static final int QUERIES = Integer.getInteger("fuzz.queries", 100_000);
  static final long BOUND_MILLIS = 2_000;
  static final String SYNTAX = "+-|\"*~()\\:[]{}^!?/&<>'=%#";
  static final String[] WORDS = {"imatinib", "ALL", "leukaemia", "side", "effects", "CAR-T", "OR", "AND", "NOT",
      "transplant", "the", "*", "a*", "blin*", "~2", "\"side effects\"", "-donor", "(", ")", "title:", "tag:x"};

  @TempDir static Path indexDir;
  static LiveServer live;

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  static String generate(Random r) {
    StringBuilder q = new StringBuilder();
    switch (r.nextInt(8)) {
      case 0 -> { // random code points, any plane, including controls, combining marks and lone surrogates
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
          int kind = r.nextInt(6);
          if (kind == 0) {
            q.append((char) (0xD800 + r.nextInt(0x800)));
          } else if (kind == 1) {
            q.append((char) r.nextInt(0x20));
          } else if (kind == 2) {
            q.appendCodePoint(0x0300 + r.nextInt(0x70));
          } else if (kind == 3) {
            q.appendCodePoint(0x1F600 + r.nextInt(0x50));
          } else if (kind == 4) {
            q.appendCodePoint(0x0590 + r.nextInt(0x100)); // right-to-left scripts
          } else {
            q.appendCodePoint(r.nextInt(0x2FFFF));
          }
        }
      }
      case 1 -> { // syntax characters everywhere
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          q.append(r.nextBoolean() ? SYNTAX.charAt(r.nextInt(SYNTAX.length())) : (char) ('a' + r.nextInt(26)));
        }
      }
      case 2 -> { // many terms, up to the length bound and past it
        int n = 50 + r.nextInt(300);
        for (int i = 0; i < n; i++) {
          q.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
      }
      case 3 -> { // wildcard and regular-expression shapes
        String[] shapes = {"*", "**", "a*", "*a", "?", "/.*/", "/[a-z]+/", "le?k*", "\\\\", "\"", "\"\"\"", "~", "~~~1"};
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
          q.append(shapes[r.nextInt(shapes.length)]).append(r.nextBoolean() ? " " : "");
        }
      }
      case 4 -> { // words with unbalanced quotes and brackets
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
          q.append(r.nextInt(4) == 0 ? "(" : "").append(WORDS[r.nextInt(WORDS.length)])
              .append(r.nextInt(4) == 0 ? "\"" : "").append(' ');
        }
      }
      case 5 -> q.append("x".repeat(r.nextInt(500) == 0 ? 1_000_000 : 1 + r.nextInt(600)));
      case 6 -> q.append(r.nextBoolean() ? "\u0000" : "%").append(WORDS[r.nextInt(WORDS.length)]);
      default -> q.append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return q.toString();
  }

  /** A request line: the query encoded, sometimes with bad encodings and repeated parameters. */
  static String path(Random r, String q) {
    String route = r.nextInt(4) == 0 ? "/api/suggest" : "/api/search";
    String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
    return switch (r.nextInt(10)) {
      case 0 -> route + "?q=" + encoded + "&q=" + encoded;
      case 1 -> route + "?q=%E0%A4%A" + encoded.substring(0, Math.min(encoded.length(), 20));
      case 2 -> route + "?q=%zz" + encoded.substring(0, Math.min(encoded.length(), 20));
      case 3 -> route + "?q=" + encoded + "&limit=" + (r.nextInt(200) - 50) + "&offset=" + (r.nextLong() % 100000);
      case 4 -> route + "?q=" + encoded + "&tag=" + URLEncoder.encode(q.substring(0, Math.min(q.length(), 30)),
          StandardCharsets.UTF_8);
      default -> route + "?q=" + encoded;
    };
  }

  @Test
  void noGeneratedQueryGetsAServerErrorOrTakesTooLong() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = SEED + t;
      results.add(pool.submit(() -> {
        Random r = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < QUERIES / threads && problems.size() < 20; i++) {
          String q = generate(r);
          String path = path(r, q);
          long started = System.nanoTime();
          HttpResponse<String> resp;
          try {
            resp = live.get(path);
          } catch (IllegalArgumentException badUri) {
            continue; // the client itself refuses to send it
          }
          long millis = (System.nanoTime() - started) / 1_000_000;
          int status = resp.statusCode();
          boolean shape = status == 200 || (status >= 400 && status < 500 && resp.body().contains("\"error\""));
          if (!shape || millis > BOUND_MILLIS) {
            problems.add(status + " in " + millis + " ms for " + path.substring(0, Math.min(path.length(), 200))
                + " -> " + resp.body().substring(0, Math.min(resp.body().length(), 200)));
          }
        }
        return problems;
      }));
    }
    List<String> problems = new ArrayList<>();
    for (Future<List<String>> f : results) {
      problems.addAll(f.get());
    }
    pool.shutdown();
    System.out.printf("fuzz: %d generated queries, %d problems%n", QUERIES, problems.size());
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
  }
}
