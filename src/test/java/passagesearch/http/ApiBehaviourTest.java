package passagesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passagesearch.search.SearchService;

/** Suggestions, the OpenAPI description, request ids, caching, compression, CORS, headers. */
class ApiBehaviourTest {
  @TempDir static Path indexDir;
  @TempDir static Path adminIndexDir;
  static LiveServer live;
  static LiveServer admin;
  static SearchService search;
  static WebServer server;
  static WebServer withCors;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    live = new LiveServer(indexDir);
    search = live.search;
    server = live.server;
    withCors = WebServer.create(search, new HttpSettings(List.of("https://reader.example"), null)).start("127.0.0.1", 0);
    admin = LiveServer.withAdmin(adminIndexDir, "admin-token");
  }

  @AfterAll
  static void stop() {
    admin.close();
    withCors.close();
    live.close();
  }

  static HttpRequest.Builder request(WebServer s, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(request(server, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void suggestionsCompleteDrugNamesBrandsTagsAndHeadings() throws Exception {
    JsonNode blin = json.readTree(get("/api/suggest?q=blin").body());
    assertEquals("Blinatumomab", blin.at("/suggestions/0/text").asText());
    assertEquals("drug", blin.at("/suggestions/0/kind").asText());
    assertTrue(blin.get("suggestions").toString().contains("Blincyto"));
    assertTrue(get("/api/suggest?q=trans").body().contains("Stem cell transplant"), "matches any word start");
    assertEquals(2, json.readTree(get("/api/suggest?q=s&limit=2").body()).get("suggestions").size());
    assertEquals(0, json.readTree(get("/api/suggest?q=zzzz").body()).get("suggestions").size());
  }

  @Test
  void aDrugOrTagSuggestionNamesItsTagForAFilter() throws Exception {
    JsonNode side = json.readTree(get("/api/suggest?q=side").body()).get("suggestions");
    assertEquals("{\"text\":\"Side effects\",\"kind\":\"tag\",\"tag\":\"side-effects\"}", side.get(0).toString());
    assertEquals("{\"text\":\"side\",\"kind\":\"term\"}", side.get(1).toString(), "a word names no tag");
    JsonNode blin = json.readTree(get("/api/suggest?q=blin").body()).get("suggestions");
    assertEquals("blinatumomab", blin.get(0).get("tag").asText());
    JsonNode brand = json.readTree(get("/api/suggest?q=blincyto").body()).get("suggestions");
    assertEquals("Blincyto", brand.get(0).get("text").asText());
    assertEquals("blinatumomab", brand.get(0).get("tag").asText(), "a brand names its drug's tag");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/suggest", "/api/suggest?q=", "/api/suggest?q=a&limit=0", "/api/suggest?q=a&limit=21",
      "/api/suggest?q=a&x=1"})
  void badSuggestRequestsAre400s(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(400, json.readTree(r.body()).get("status").asInt());
  }

  @Test
  void theOpenApiDescriptionDocumentsExactlyTheRoutesTheServerHas() throws Exception {
    HttpResponse<String> r = get("/openapi.json");
    assertEquals(200, r.statusCode());
    JsonNode doc = json.readTree(r.body());
    assertEquals("3.1.0", doc.get("openapi").asText());
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    assertEquals(new TreeSet<>(server.routes()), documented,
        "a route without documentation, or documentation without a route");
  }

  @Test
  void everyResponseCarriesARequestIdAndAClientsOwnIsKept() throws Exception {
    String first = get("/api/search?q=imatinib").headers().firstValue("x-request-id").orElse("");
    String second = get("/api/search?q=imatinib").headers().firstValue("x-request-id").orElse("");
    assertTrue(first.matches("[0-9a-z]{4,13}-[0-9]+"), first);
    assertNotEquals(first, second, "each request its own id");
    HttpResponse<String> own = http.send(request(server, "/health").header("X-Request-Id", "abc-123").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("abc-123", own.headers().firstValue("x-request-id").orElseThrow());
    HttpResponse<String> hostile = http.send(request(server, "/health").header("X-Request-Id", "a b<script>").build(),
        HttpResponse.BodyHandlers.ofString());
    assertFalse(hostile.headers().firstValue("x-request-id").orElseThrow().contains("<"));
  }

  @Test
  void responsesThatChangeOnlyWithTheIndexCanBeRevalidated() throws Exception {
    HttpResponse<String> first = get("/api/documents");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertEquals("\"" + search.status().generation() + "\"", etag);
    assertEquals("no-cache", first.headers().firstValue("cache-control").orElseThrow());
    HttpResponse<String> again = http.send(request(server, "/api/documents").header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertTrue(again.body().isEmpty());
    HttpResponse<String> stale = http.send(request(server, "/api/tags").header("If-None-Match", "\"gen-000000\"").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, stale.statusCode());
  }

  @Test
  void largeResponsesAreGzippedForClientsThatAskForIt() throws Exception {
    HttpResponse<byte[]> r = http.send(request(server, "/api/documents/macmillan-all-treatment")
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(""));
    String body = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"macmillan-all-treatment\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/documents/macmillan-all-treatment", "/", "/health", "/api/search?q=imatinib"})
  void answersSayTheyVaryWithAcceptEncodingCompressedOrNot(String path) throws Exception {
    for (String accept : List.of("gzip", "identity")) {
      HttpResponse<byte[]> r = http.send(request(server, path).header("Accept-Encoding", accept).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.headers().allValues("vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
          path + " with Accept-Encoding: " + accept + " -> " + r.headers().map());
    }
  }

  @Test
  void optionsAskedOfTheWholeServerNamesTheMethodsItTakes() {
    String answer = RawHttp.exchange(server.port(), RawHttp.request("OPTIONS * HTTP/1.1"));
    assertTrue(answer.startsWith("HTTP/1.1 204 "), answer);
    assertTrue(answer.contains("\r\nAllow: GET, HEAD, POST, OPTIONS\r\n"), answer);
  }

  @Test
  void aWrongAdminTokenIsA401ThatSaysABearerTokenIsWanted() throws Exception {
    HttpResponse<String> r = admin.send(admin.request("/api/index/rollback")
        .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(401, r.statusCode(), r.body());
    assertEquals("Bearer", r.headers().firstValue("www-authenticate").orElse(""));
    assertEquals(401, json.readTree(r.body()).get("status").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Length: 100000", "Transfer-Encoding: chunked"})
  void aClientThatHangsUpMidBodyGetsA400NotAServerError(String framing) throws Exception {
    String answer = brokenOffUpload(framing, "1388\r\n" + "x".repeat(5_000));
    assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    // The upload route reads the body itself, and says how far it got.
    assertTrue(answer.matches("(?s).*\\{\"error\":\"the upload was cut off after \\d+ bytes: [^\"]+\",\"status\":400}$"), answer);
  }

  @Test
  void aMalformedChunkedBodyIsA400NotAServerError() throws Exception {
    String answer = brokenOffUpload("Transfer-Encoding: chunked", "zz\r\nnot a chunk\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
  }

  /** Sends an upload's headers and the start of its body, then no more. */
  private static String brokenOffUpload(String framing, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", admin.server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(RawHttp.request("POST /api/index/rebuild HTTP/1.1", "Authorization: Bearer admin-token",
          "Content-Type: application/zip", framing).getBytes(StandardCharsets.US_ASCII));
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput(); // the rest of the body never comes
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void corsIsOffByDefaultAndAllowsOnlyConfiguredOrigins() throws Exception {
    HttpResponse<String> off = http.send(request(server, "/api/search?q=imatinib")
        .header("Origin", "https://reader.example").build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(off.headers().firstValue("access-control-allow-origin").isEmpty());
    HttpResponse<String> on = http.send(request(withCors, "/api/search?q=imatinib")
        .header("Origin", "https://reader.example").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("https://reader.example", on.headers().firstValue("access-control-allow-origin").orElse(""));
    HttpResponse<String> other = http.send(request(withCors, "/api/search?q=imatinib")
        .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void errorsJettyAnswersItselfUseTheSameJsonShape() throws Exception {
    HttpResponse<String> longUri = get("/api/search?q=" + "a".repeat(20_000));
    assertEquals(414, longUri.statusCode());
    assertEquals(414, json.readTree(longUri.body()).get("status").asInt());
    HttpResponse<String> bigHeader = http.send(request(server, "/health").header("X-Big", "a".repeat(20_000)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(431, bigHeader.statusCode());
    assertTrue(bigHeader.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    assertFalse(bigHeader.body().contains("<html"));
  }

  @Test
  void anOversizedRequestBodyIsA413() throws Exception {
    // Expect: 100-continue, as curl sends for large bodies: the server answers before the body is sent. Without
    // it the server's close can reset the connection while the client is still sending, losing the answer.
    HttpResponse<String> r = http.send(request(server, "/api/search?q=x").expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2_000_000])).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    assertEquals(413, json.readTree(r.body()).get("status").asInt());
  }

  @Test
  void metricsCountRequestsPerRouteTemplateInPrometheusFormat() throws Exception {
    get("/api/passages/knowall-all-treatment/11");
    get("/api/passages/knowall-all-treatment/12");
    HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String text = r.body();
    assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/passages/<id>\",status=\"2xx\"}"),
        "one series per route template and status class, not per id");
    assertFalse(text.contains("knowall-all-treatment/11"));
    assertTrue(text.contains("http_server_requests_seconds_bucket"), "latency histogram");
    assertTrue(text.contains("passage_search_index_passages " + search.status().passages() + ".0"));
    assertTrue(text.contains("jvm_memory_used_bytes"));
  }

  @Test
  void madeUpMethodsAddNoMetricSeriesAndTheScrapeStaysSmall() throws Exception {
    RawHttp.exchange(server.port(), RawHttp.request("M999999 /api/search?q=x HTTP/1.1"));
    get("/metrics");
    List<String> before = requestSeries(get("/metrics").body());
    List<String> requests = IntStream.range(0, 3_000)
        .mapToObj(i -> RawHttp.request(String.format("M%06d /api/search?q=x HTTP/1.1", i))).toList();
    String answered = RawHttp.pipeline(server.port(), requests);
    assertEquals(requests.size(), RawHttp.responses(answered), "every made-up method is answered");
    assertTrue(answered.startsWith("HTTP/1.1 4"), answered.substring(0, Math.min(300, answered.length())));
    String after = get("/metrics").body();
    List<String> grown = requestSeries(after).stream().filter(l -> !before.contains(l)).toList();
    assertTrue(grown.isEmpty(), "no series per made-up method, but " + grown.size() + " new, e.g. "
        + grown.subList(0, Math.min(3, grown.size())));
    assertTrue(after.contains("{method=\"OTHER\",route=\"unmatched\",status=\"4xx\"}"), "counted as OTHER");
    assertTrue(after.length() < 100_000, "the scrape is " + after.length() + " characters");
  }

  private static List<String> requestSeries(String scrape) {
    return scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{"))
        .map(l -> l.substring(0, l.indexOf('}') + 1)).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/search?q=imatinib", "/api/search", "/nope", "/health", "/openapi.json"})
  void securityHeadersOnEveryResponse(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertTrue(r.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"), path);
    assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""), path);
    assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(""), path);
    assertEquals("DENY", r.headers().firstValue("x-frame-options").orElse(""), path);
  }
}
