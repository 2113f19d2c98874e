package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Hostile bodies for the portfolio import and the allocation preview (issue 6): random bytes, wrong encodings and
 * content types, deep nesting, huge numbers, 50 MB bodies and a million rows. Every one gets a 4xx with a JSON
 * message, none writes anything, and the application answers normally afterwards. The random cases come from a
 * fixed seed, so a failure repeats.
 */
@KapTest
class HostileInputTest {

  private static final long SEED = 20_260_611L;
  private static final int RANDOM_CASES = 200;
  private static final String IMPORT = "/api/portfolio/import";
  private static final String PREVIEW = "/api/budget/allocation-preview";
  private static final String HEADER = String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS) + ",revenue,grossMargin";
  private static final String SCORES = "5,5,5,5,5,5,5,5,5,5,5,5";
  private static final int MB = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Numbers no score (1-10), revenue or gross margin takes, whatever column they land in. */
  private static final List<String> HOSTILE_CSV_NUMBERS = List.of("1e309", "9".repeat(5000), "9223372036854775808",
      "-9223372036854775809", "1e-400", "1e-999999999", "1e999999999", "1e2147483648", "NaN", "Infinity",
      "-Infinity", "0x10", "1_000", "--1", "12.345", "five");
  /** Values no whole-number field of the preview takes (-0 and 0 are fine for a reserve, not for these). */
  private static final List<String> NOT_AN_AMOUNT = List.of("\"lots\"", "true", "[]", "{}", "null", "-0", "0", "-1",
      "12.5", "1e309", "1e-400", "9223372036854775808", "-9223372036854775809", "9".repeat(5000), "1e999999999",
      "1e-999999999", "NaN", "Infinity", "-Infinity", "0x10", "+5", "1_000", "--1");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  Api api;
  JsonNode accountsBefore;

  @BeforeEach
  void rememberTheAccounts() throws IOException {
    api = new Api(rest);
    accountsBefore = accounts();
    assertThat(accountsBefore).isNotEmpty();
  }

  @AfterEach
  void theApplicationStillAnswersNormally() throws Exception {
    assertThat(accounts()).isEqualTo(accountsBefore);
    Reply preview = post(PREVIEW, "eric", "application/json", problem(Map.of()).getBytes(StandardCharsets.UTF_8));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(JSON.readTree(preview.body()).get("funded")).isNotEmpty();
  }

  @Test
  void randomAndMangledPortfolioFilesAreRefusedAndImportNothing() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < RANDOM_CASES; i++) {
      Attempt attempt = switch (random.nextInt(6)) {
        case 0 -> new Attempt("random bytes", "text/csv", randomBytes(random, 4096));
        case 1 -> new Attempt("random text", "text/csv", randomText(random).getBytes(StandardCharsets.UTF_8));
        case 2 -> new Attempt("mangled file", "text/csv", mangled(random, portfolio("mallory")));
        case 3 -> wronglyEncoded(random);
        case 4 -> hostileNumber(random);
        default -> new Attempt("content type", wrongContentType(random, "text/csv"), portfolio("alice"));
      };
      assertRefusedAndNothingWritten(i + " " + attempt.label(), post(IMPORT, "diane", attempt.contentType(),
          attempt.body()));
    }
  }

  @Test
  void hugeNumbersInTheFileAreRefusedWithLineAndColumn() throws Exception {
    for (String number : HOSTILE_CSV_NUMBERS) {
      String file = HEADER + "\nHOSTILE-1,Hostile,EMEA,alice,," + SCORES + ",100,10\nHOSTILE-2,Hostile,EMEA,alice,,"
          + number + ",5,5,5,5,5,5,5,5,5,5,5," + number + "," + number + "\n";
      Reply reply = post(IMPORT, "diane", "text/csv", file.getBytes(StandardCharsets.UTF_8));
      assertRefusedAndNothingWritten(abbreviated(number), reply);
      JsonNode errors = JSON.readTree(reply.body()).get("errors");
      assertThat(errors).as(abbreviated(number)).isNotEmpty()
          .allSatisfy(e -> assertThat(e.get("line").asInt()).isEqualTo(3));
      assertThat(errors.findValuesAsText("column")).as(abbreviated(number))
          .contains("spend", "revenue", "grossMargin");
    }
  }

  @Test
  void randomAndMalformedPreviewsAreRefused() throws Exception {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < RANDOM_CASES; i++) {
      Attempt attempt = switch (random.nextInt(6)) {
        case 0 -> new Attempt("random bytes", "application/json", randomBytes(random, 4096));
        case 1 -> truncated(random);
        case 2 -> deeplyNested(random);
        case 3 -> hostileField(random);
        case 4 -> new Attempt("wrongly encoded", "application/json",
            problem(Map.of("id", "\"Café\"")).getBytes(random.nextBoolean() ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_16LE));
        default -> new Attempt("content type", wrongContentType(random, "application/json"),
            problem(Map.of()).getBytes(StandardCharsets.UTF_8));
      };
      assertRefusedAndNothingWritten(i + " " + attempt.label(), post(PREVIEW, "eric", attempt.contentType(),
          attempt.body()));
    }
  }

  @Test
  void hostileNumbersAndNestingInThePreviewNameTheFieldOrTheLine() throws Exception {
    assertPreviewRefused(problem(Map.of("budget", "1e309")), 400, "budget: must be a whole number above 0");
    assertPreviewRefused(problem(Map.of("budget", "9223372036854775808")), 400, "budget: must be a whole number");
    assertPreviewRefused(problem(Map.of("budget", "-0")), 400, "budget: must be a whole number above 0");
    assertPreviewRefused(problem(Map.of("cost", "1e-400")), 400, "bids[0].cost: must be a whole number above 0");
    assertPreviewRefused(problem(Map.of("benefit", "1e-400")), 400,
        "bids[0].benefit: at most two decimals, got 1E-400");
    assertPreviewRefused(problem(Map.of("benefit", "1e-999999999")), 400,
        "bids[0].benefit: at most two decimals, got 1E-999999999");
    assertPreviewRefused(problem(Map.of("cost", "9".repeat(5000))), 400,
        "the request body is not valid JSON: Number value length (5000) exceeds the maximum allowed (1000");
    assertPreviewRefused(problem(Map.of("budget", "NaN")), 400,
        "the request body is not valid JSON: Non-standard token 'NaN'");
    assertPreviewRefused(problem(Map.of("benefit", "Infinity")), 400,
        "the request body is not valid JSON: Non-standard token 'Infinity'");
    Reply nested = post(PREVIEW, "eric", "application/json", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
    assertRefusedAndNothingWritten("100,000 '['", nested);
    assertThat(JSON.readTree(nested.body()).get("detail").asText())
        .startsWith("the request body is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed")
        .endsWith("(line 1, column 1002)");
    Reply latin1 = post(PREVIEW, "eric", "application/json", "{\"budget\": 100,\n\"bids\": [{\"id\": \"Café\"}]}"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(latin1.status()).isEqualTo(400);
    assertThat(JSON.readTree(latin1.body()).get("detail").asText())
        .startsWith("the request body is not valid UTF-8 text (line 2)");
    Reply charset = post(PREVIEW, "eric", "application/json; charset=klingon", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(charset.status()).isEqualTo(415);
    assertThat(JSON.readTree(charset.body()).get("detail").asText()).contains("unsupported charset 'klingon'")
        .endsWith("send application/json");
  }

  @Test
  void fiftyMegabytesAreRefusedWith413WhetherTheirLengthIsDeclaredOrNot() throws Exception {
    for (String path : List.of(IMPORT, PREVIEW)) {
      String contentType = path.equals(IMPORT) ? "text/csv" : "application/json";
      assertTooLarge(path + " with Content-Length", RawHttp.post(port, path, "diane", contentType, 50L * MB,
          repeated(50, MB)));
      assertTooLarge(path + " chunked", RawHttp.post(port, path, "diane", contentType, null, repeated(50, MB)));
    }
    assertTooLarge("/engine-rest with Content-Length", RawHttp.post(port, "/engine-rest/task/none/complete",
        "diane", "application/json", 50L * MB, repeated(50, MB)));
    // Camunda's REST API reads a chunked body until it passes the limit, as JSON and as a multipart deployment
    byte[] start = "{\"variables\":{\"note\":{\"value\":\"".getBytes(StandardCharsets.UTF_8);
    assertTooLarge("/engine-rest task completion chunked", RawHttp.post(port, "/engine-rest/task/none/complete",
        "diane", "application/json", null, generated(51, part -> part == 0 ? start : filler(MB))));
    assertTooLarge("/engine-rest deployment chunked", RawHttp.post(port, "/engine-rest/deployment/create", "admin",
        "multipart/form-data; boundary=hostile", null, deployment(50)));
  }

  @Test
  void aMillionRowsAreRefusedWith413AndNothingIsImported() throws Exception {
    assertTooLarge("a million accounts, 70 MB", RawHttp.post(port, IMPORT, "diane", "text/csv", null,
        csvRows(1_000_000, row -> "MILLION-" + row + ",Account " + row + ",EMEA,alice,,"
            + SCORES + ",1000000,250000\n")));
    assertTooLarge("a million short rows, 2 MB", RawHttp.post(port, IMPORT, "diane", "text/csv", null,
        csvRows(1_000_000, row -> "x\n")), "the file holds more than 100000 accounts: account 100001 starts on line"
        + " 100002");
    RawHttp.Response oneTooMany = RawHttp.post(port, IMPORT, "diane", "text/csv", null,
        csvRows(100_001, row -> "LIMIT-" + row + ",Account " + row + ",EMEA,alice,," + SCORES + ",1000,100\n"));
    assertTooLarge("100,001 sound accounts", oneTooMany, "one import takes at most 100000 (kap.portfolio.max-rows)");
    assertThat(api.get("diane", "/api/accounts/LIMIT-1", String.class).getStatusCode())
        .as("not one account of the refused file").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aDeploymentOfAFewMegabytesStillPasses() throws Exception {
    for (boolean chunked : new boolean[] {false, true}) {
      RawHttp.Response deployed = RawHttp.post(port, "/engine-rest/deployment/create", "admin",
          "multipart/form-data; boundary=hostile", chunked ? null : deploymentLength(3), deployment(3));
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
      String id = JSON.readTree(deployed.body()).get("id").asText();
      rest.withBasicAuth("admin", "demo").delete("/engine-rest/deployment/" + id);
    }
  }

  // ---- assertions

  private void assertRefusedAndNothingWritten(String attempt, Reply reply) throws IOException {
    assertThat(reply.status()).as(attempt + " → " + reply.body()).isIn(400, 413, 415, 422);
    assertThat(reply.contentType()).as(attempt).startsWith("application/problem+json");
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.get("status").asInt()).as(attempt).isEqualTo(reply.status());
    if (body.has("errors")) {
      assertThat(body.get("errors")).as(attempt).isNotEmpty().allSatisfy(error -> {
        assertThat(error.get("line").asLong()).isPositive();
        assertThat(error.get("message").asText()).isNotBlank();
      });
    } else {
      assertThat(body.path("detail").asText()).as(attempt + " → " + reply.body()).isNotBlank();
    }
    assertThat(accounts()).as(attempt + ": the accounts are unchanged").isEqualTo(accountsBefore);
  }

  private void assertPreviewRefused(String problem, int status, String messageStart) throws IOException {
    Reply reply = post(PREVIEW, "eric", "application/json", problem.getBytes(StandardCharsets.UTF_8));
    assertRefusedAndNothingWritten(problem.length() > 200 ? problem.substring(0, 200) : problem, reply);
    assertThat(reply.status()).isEqualTo(status);
    assertThat(JSON.readTree(reply.body()).get("detail").asText()).startsWith(messageStart);
  }

  private void assertTooLarge(String attempt, RawHttp.Response response) throws IOException {
    assertTooLarge(attempt, response, "the request body is larger than 16 MB, the most KAP accepts"
        + " (kap.web.max-request-size)");
  }

  private void assertTooLarge(String attempt, RawHttp.Response response, String message) throws IOException {
    assertThat(response.status()).as(attempt + " → " + response.body()).isEqualTo(413);
    // KAP's API answers an RFC 9457 problem; Camunda's REST API the JSON KAP's mappers write there
    boolean engineRest = attempt.startsWith("/engine-rest");
    assertThat(response.headers().get("content-type")).as(attempt)
        .startsWith(engineRest ? "application/json" : "application/problem+json");
    assertThat(JSON.readTree(response.body()).get(engineRest ? "error" : "detail").asText()).as(attempt)
        .contains(message);
    assertThat(accounts()).as(attempt + ": the accounts are unchanged").isEqualTo(accountsBefore);
  }

  /** The accounts as the programme director sees them, without the cycles' stored segments, which jobs may add. */
  private JsonNode accounts() throws IOException {
    ArrayNode accounts = (ArrayNode) JSON.readTree(api.get("diane", "/api/accounts", String.class).getBody());
    accounts.forEach(account -> ((ObjectNode) account).remove("segmentsByYear"));
    return accounts;
  }

  // ---- hostile portfolio files

  private record Attempt(String label, String contentType, byte[] body) {}

  /** A sound file but for its KAM: with an unknown one ("mallory") no mangling can make it importable. */
  private static byte[] portfolio(String kam) {
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    for (int row = 1; row <= 5; row++) {
      file.append("HOSTILE-").append(row).append(",\"Café Crème, Ltd.\",EMEA,").append(kam).append(",gilles,")
          .append(SCORES).append(",1200000.50,-300\n");
    }
    return file.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Attempt wronglyEncoded(Random random) {
    String file = new String(portfolio("mallory"), StandardCharsets.UTF_8);
    return switch (random.nextInt(5)) {
      case 0 -> new Attempt("Latin-1 without a charset, read as Windows-1252", "text/csv",
          file.getBytes(StandardCharsets.ISO_8859_1));
      case 1 -> new Attempt("UTF-16LE without BOM", "text/csv", file.getBytes(StandardCharsets.UTF_16LE));
      case 2 -> new Attempt("UTF-16BE without BOM", "text/csv", file.getBytes(StandardCharsets.UTF_16BE));
      case 3 -> new Attempt("UTF-8 declared UTF-16", "text/csv;charset=UTF-16", file.getBytes(StandardCharsets.UTF_8));
      default -> new Attempt("UTF-8 declared US-ASCII", "text/csv;charset=US-ASCII",
          file.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static Attempt hostileNumber(Random random) {
    String number = HOSTILE_CSV_NUMBERS.get(random.nextInt(HOSTILE_CSV_NUMBERS.size()));
    String[] cells = ("HOSTILE-9,Hostile,EMEA,alice,," + SCORES + ",100,10").split(",");
    int column = 5 + random.nextInt(cells.length - 5);
    cells[column] = number;
    return new Attempt("number " + abbreviated(number) + " in column " + column, "text/csv",
        (HEADER + "\n" + String.join(",", cells) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mangled(Random random, byte[] file) {
    byte[] mangled = file.clone();
    for (int edits = 1 + random.nextInt(8); edits > 0; edits--) {
      mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
    }
    return random.nextBoolean() ? mangled : java.util.Arrays.copyOf(mangled, random.nextInt(mangled.length));
  }

  // ---- hostile previews

  /**
   * A sound problem with the named fields replaced: budget, reserve, id, cost, benefit, mustFund, requires and
   * minimum (the EMEA region minimum) take raw JSON.
   */
  private static String problem(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>(Map.of("budget", "100000", "reserve", "0", "id", "\"B1\"",
        "cost", "40000", "benefit", "12.5", "mustFund", "false", "requires", "null", "minimum", "10000"));
    fields.putAll(replaced);
    return "{\"budget\": " + fields.get("budget") + ", \"reserve\": " + fields.get("reserve") + ", \"bids\": [\n"
        + "  {\"id\": " + fields.get("id") + ", \"cost\": " + fields.get("cost") + ", \"benefit\": "
        + fields.get("benefit") + ", \"mustFund\": " + fields.get("mustFund") + ", \"requires\": "
        + fields.get("requires") + ", \"region\": \"EMEA\"},\n"
        + "  {\"id\": \"B2\", \"cost\": 30000, \"benefit\": 7, \"region\": \"APAC\"}],\n"
        + " \"regionMinimum\": {\"EMEA\": " + fields.get("minimum") + "}}";
  }

  private static Attempt hostileField(Random random) {
    Map<String, List<String>> hostile = Map.of(
        "budget", NOT_AN_AMOUNT,
        "cost", NOT_AN_AMOUNT,
        "reserve", List.of("\"lots\"", "true", "[]", "{}", "-1", "12.5", "1e309", "9".repeat(5000), "NaN"),
        "minimum", List.of("\"lots\"", "true", "[]", "{}", "null", "-1", "12.5", "1e309", "1e-400", "Infinity"),
        "benefit", List.of("\"x\"", "true", "[]", "{}", "null", "-1", "1.234", "1e-400", "1e10", "NaN", "Infinity",
            "1e-999999999", "9".repeat(5000)),
        "id", List.of("5", "true", "[]", "{}", "\"\"", "null", "\"   \"", "\"B2\""),
        "mustFund", List.of("\"yes\"", "1", "[]", "{}", "\"true\""),
        "requires", List.of("7", "true", "{}", "[1]", "[\"\"]", "\"NOPE\"", "\"B1\""));
    List<String> fields = List.copyOf(new java.util.TreeSet<>(hostile.keySet()));
    String field = fields.get(random.nextInt(fields.size()));
    String value = hostile.get(field).get(random.nextInt(hostile.get(field).size()));
    return new Attempt(field + " = " + abbreviated(value), "application/json",
        problem(Map.of(field, value)).getBytes(StandardCharsets.UTF_8));
  }

  private static Attempt truncated(Random random) {
    String problem = problem(Map.of());
    return new Attempt("truncated", "application/json",
        problem.substring(0, random.nextInt(problem.length())).getBytes(StandardCharsets.UTF_8));
  }

  private static Attempt deeplyNested(Random random) {
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    int depth = 1001 + random.nextInt(99_000);
    String json = "{\"budget\": 100, \"bids\": " + open.repeat(depth);
    return new Attempt("nested " + depth + " deep", "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  // ---- generators

  private static final byte[] DEPLOYMENT_HEAD = ("--hostile\r\nContent-Disposition: form-data;"
      + " name=\"deployment-name\"\r\n\r\nhostile-input\r\n--hostile\r\nContent-Disposition: form-data; name=\"data\";"
      + " filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DEPLOYMENT_TAIL = "\r\n--hostile--\r\n".getBytes(StandardCharsets.US_ASCII);

  /** A multipart deployment of one text resource of {@code megabytes} MB. */
  private static InputStream deployment(int megabytes) {
    return generated(megabytes + 2, part -> part == 0 ? DEPLOYMENT_HEAD
        : part == megabytes + 1 ? DEPLOYMENT_TAIL : filler(MB));
  }

  private static long deploymentLength(int megabytes) {
    return DEPLOYMENT_HEAD.length + (long) megabytes * MB + DEPLOYMENT_TAIL.length;
  }

  private static String wrongContentType(Random random, String expected) {
    List<String> wrong = List.of("", "application/octet-stream", "text/plain", "application/xml",
        "application/json".equals(expected) ? "text/csv" : "application/json", expected + "; charset=",
        expected + "; charset=x-kap-" + randomLetters(random), expected + "; charset=\"", "%%%", "text/", "/csv",
        expected + "; charset=UTF-8; charset=UTF-16");
    return wrong.get(random.nextInt(wrong.size()));
  }

  private static byte[] randomBytes(Random random, int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Any code points, controls, noncharacters and astral ones included; surrogates only in pairs. */
  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? HEADER + "\n" : "");
    for (int n = random.nextInt(500); n > 0; n--) {
      int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(Character.MAX_CODE_POINT + 1);
      if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  private static String randomLetters(Random random) {
    StringBuilder letters = new StringBuilder();
    for (int n = 3 + random.nextInt(8); n > 0; n--) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  private static String abbreviated(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "… (" + value.length() + " characters)";
  }

  /** A file of a header and {@code rows} rows, made as it is sent. */
  private static InputStream csvRows(long rows, LongFunction<String> row) {
    byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    return generated(rows + 1, part -> part == 0 ? header : row.apply(part).getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream repeated(int parts, int partSize) {
    byte[] part = filler(partSize);
    return generated(parts, ignored -> part);
  }

  private static byte[] filler(int size) {
    byte[] filler = new byte[size];
    java.util.Arrays.fill(filler, (byte) 'x');
    return filler;
  }

  /** A body made part by part while it is sent. */
  private static InputStream generated(long parts, LongFunction<byte[]> part) {
    return new SequenceInputStream(new Enumeration<>() {
      private long next;

      @Override
      public boolean hasMoreElements() {
        return next < parts;
      }

      @Override
      public InputStream nextElement() {
        return new ByteArrayInputStream(part.apply(next++));
      }
    });
  }

  // ---- HTTP with any Content-Type header, or none

  private record Reply(int status, String contentType, String body) {}

  private Reply post(String path, String user, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
