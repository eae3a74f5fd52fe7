package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.cli.ProductionServe;

/**
 * Throws generated hostile queries at the search and suggestion routes from a seeded generator: every
 * answer must be 200 or a 4xx in the JSON error shape, never a 5xx, and none may take longer than a bound.
 * Made-up methods get the same treatment; clients that never read their answers must not bring down a
 * server with the production heap.
 */
class FuzzIT {
  static final long SEED = 20261124L;
  static final int QUERIES = Integer.getInteger("fuzz.queries", 100_000);
  static final long BOUND_MILLIS = 2_000;
  static final String SYNTAX = "+-|\"*~()\\:[]{}^!?/&<>'=%#";
  static final String[] WORDS = {"imatinib", "ALL", "leukaemia", "side", "effects", "CAR-T", "OR", "AND", "NOT",
      "transplant", "the", "*", "a*", "blin*", "~2", "\"side effects\"", "-donor", "(", ")", "title:", "tag:x"};

  @TempDir static Path indexDir;
  @TempDir static Path lexicalIndexDir;
  static LiveServer live;
  static LiveServer lexical;

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
    lexical = LiveServer.lexical(lexicalIndexDir);
  }

  @AfterAll
  static void stop() {
    live.close();
    lexical.close();
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
    // One in twenty through the configuration as shipped, by words and meaning (every query embedded: the
    // tokenizer and the model read hostile text too); the rest by words alone, where a query costs no model
    // call, so a hundred thousand fit in the CI run.
    List<String> problems = new ArrayList<>(fuzz(live, QUERIES / 20, SEED + 100));
    problems.addAll(fuzz(lexical, QUERIES - QUERIES / 20, SEED));
    System.out.printf("fuzz: %d generated queries (%d hybrid), %d problems%n", QUERIES, QUERIES / 20, problems.size());
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
  }

  private static List<String> fuzz(LiveServer target, int queries, long seedBase) throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = seedBase + t;
      results.add(pool.submit(() -> {
        Random r = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < queries / threads && problems.size() < 20; i++) {
          String q = generate(r);
          String path = path(r, q);
          long started = System.nanoTime();
          HttpResponse<String> resp;
          try {
            resp = target.get(path);
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
    return problems;
  }

  static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
  static final String[] ROUTES = {"/api/search?q=imatinib", "/api/suggest?q=bl", "/api/documents", "/api/tags",
      "/api/passages/knowall-all-treatment/11", "/health", "/metrics", "/", "/nope", "/api/index/rebuild"};
  static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
      "CONNECT", "PRI");

  /** A method no server knows, made of the characters HTTP allows in one. */
  static String madeUpMethod(Random r) {
    while (true) {
      StringBuilder m = new StringBuilder();
      for (int n = 1 + r.nextInt(16); n > 0; n--) {
        m.append(TOKEN_CHARS.charAt(r.nextInt(TOKEN_CHARS.length())));
      }
      if (!KNOWN_METHODS.contains(m.toString())) {
        return m.toString();
      }
    }
  }

  @Test
  void madeUpMethodsAreAnsweredWithJsonErrorsAndLeaveTheMetricsAsTheyWere() throws Exception {
    Random r = new Random(SEED);
    live.get("/metrics");
    int before = live.get("/metrics").body().length();
    List<String> problems = new ArrayList<>();
    for (int connection = 0; connection < 10; connection++) {
      List<String> requests = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        requests.add(RawHttp.request(madeUpMethod(r) + " " + ROUTES[r.nextInt(ROUTES.length)] + " HTTP/1.1"));
      }
      String answered = RawHttp.pipeline(live.server.port(), requests);
      String[] responses = answered.split("(?=HTTP/1\\.1 )");
      if (responses.length != requests.size()) {
        problems.add(requests.size() + " requests, " + responses.length + " answers on connection " + connection);
      }
      for (String response : responses) {
        boolean clientError = response.startsWith("HTTP/1.1 4") && response.contains("\"error\"");
        if (!clientError && problems.size() < 20) {
          problems.add(response.substring(0, Math.min(300, response.length())));
        }
      }
    }
    int after = live.get("/metrics").body().length();
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    assertTrue(after < before + 20_000, "2,000 made-up methods grew /metrics from " + before + " to " + after);
  }

  /**
   * Thirty clients ask for a long document and never read a byte of the answer, on a server with the
   * production heap. Before listings were paged, each such request built the whole document in the heap
   * (about 3 MB of JSON here), and thirty of them ran the server out of memory.
   */
  @Test
  void clientsThatNeverReadTheirAnswersDoNotBringTheServerDown(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    TestSupport.write(corpus.resolve("long.txt"), longDocument(4_000)); // under the 4 MB a document may hold
    Path index = dir.resolve("index");
    // Built here, where the heap is large; the child only serves it. By words alone: 4,000 passages are
    // minutes of embedding, and what is tested is the listing's memory.
    TestSupport.lexicalSearch(corpus, index).close();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ProductionServe serve = new ProductionServe(corpus, TestSupport.lexicalConfig(), index, dir.resolve("serve.log"))) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 30; i++) {
          Socket s = new Socket();
          s.setReceiveBufferSize(4096);
          s.connect(new InetSocketAddress("127.0.0.1", serve.port()));
          s.getOutputStream().write(RawHttp.request("GET /api/documents/long HTTP/1.1").getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          stalled.add(s);
        }
        for (int i = 0; i < 20; i++) {
          Thread.sleep(500);
          assertTrue(serve.alive(), "the server died with 30 unread answers:\n" + serve.log());
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + serve.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
    }
  }

  /** A document of {@code paragraphs} distinct paragraphs of about 100 words, each a passage of its own. */
  static String longDocument(int paragraphs) {
    String[] words = {"imatinib", "dasatinib", "remission", "marrow", "transplant", "relapse", "infusion", "dose",
        "nausea", "fatigue", "infection", "platelets", "chemotherapy", "steroids", "maintenance", "clinic", "nurse",
        "blood", "count", "week", "month", "treatment", "leukaemia", "cells", "test", "result", "doctor", "tablet"};
    Random r = new Random(SEED);
    StringBuilder text = new StringBuilder("A long account of treatment\n\n");
    for (int p = 1; p <= paragraphs; p++) {
      for (int sentence = 1; sentence <= 8; sentence++) {
        text.append("Note ").append(p).append('.').append(sentence).append(" says");
        for (int w = 0; w < 11; w++) {
          text.append(' ').append(words[r.nextInt(words.length)]);
        }
        text.append(". ");
      }
      text.append("\n\n");
    }
    return text.toString();
  }
}
