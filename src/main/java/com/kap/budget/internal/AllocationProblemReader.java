package com.kap.budget.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationProblem;
import com.kap.platform.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Reads the JSON of {@code POST /api/budget/allocation-preview} (DESIGN §5) into a problem, refusing with 400 and the
 * field named whatever does not have the contract's shape: numbers are read exactly, so a cost of 12.5 is refused
 * rather than rounded. {@code requires} may be one id, a list of ids or null; {@code reserve} defaults to 0,
 * {@code eligible} to true. The values' rules and their relations are {@link AllocationProblemValidator}'s.
 */
public final class AllocationProblemReader {

  private static final Set<String> PROBLEM_FIELDS = Set.of("budget", "reserve", "bids", "regionMinimum");
  private static final Set<String> BID_FIELDS = Set.of("id", "cost", "benefit", "mustFund", "exclusiveGroup",
      "requires", "region", "eligible");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private AllocationProblemReader() {}

  public static AllocationProblem read(String json) {
    JsonNode root = tree(json == null ? "" : json);
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw bad("the request body must be a JSON object with budget, reserve, bids and regionMinimum");
    }
    onlyKnownFields(root, PROBLEM_FIELDS, "");
    long budget = wholeNumber(root.get("budget"), "budget", "a whole number above 0", true);
    long reserve = root.hasNonNull("reserve")
        ? wholeNumber(root.get("reserve"), "reserve", "a whole number, 0 or more", true) : 0;
    return new AllocationProblem(budget, reserve, bids(root.get("bids")), regionMinimum(root.get("regionMinimum")));
  }

  /** The JSON tree; a syntax error or a limit passed (nesting, number length) is refused with where it is. */
  private static JsonNode tree(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      try {
        return JSON.readTree(parser);
      } catch (JsonProcessingException e) {
        // a limit passed (StreamReadConstraints: nesting, number length) carries no location of its own
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw bad("the request body is not valid JSON: " + e.getOriginalMessage() + " (line " + at.getLineNr()
            + ", column " + at.getColumnNr() + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<AllocationBid> bids(JsonNode bids) {
    if (bids == null || bids.isNull()) {
      throw bad("bids: required, a list of bids");
    }
    if (!bids.isArray()) {
      throw bad("bids: must be a list of bids");
    }
    if (bids.size() > AllocationProblemValidator.MAX_BIDS) {
      throw bad("bids: at most " + AllocationProblemValidator.MAX_BIDS + " bids, got " + bids.size());
    }
    List<AllocationBid> read = new ArrayList<>(bids.size());
    for (int i = 0; i < bids.size(); i++) {
      read.add(bid(bids.get(i), "bids[" + i + "]"));
    }
    return read;
  }

  private static AllocationBid bid(JsonNode bid, String field) {
    if (!bid.isObject()) {
      throw bad(field + ": must be an object");
    }
    onlyKnownFields(bid, BID_FIELDS, field + ".");
    String id = text(bid.get("id"), field + ".id");
    if (id == null || id.isBlank()) {
      throw bad(field + ".id: required");
    }
    long cost = wholeNumber(bid.get("cost"), field + ".cost", "a whole number above 0", true);
    JsonNode benefit = bid.get("benefit");
    if (benefit == null || benefit.isNull()) {
      throw bad(field + ".benefit: required");
    }
    if (!benefit.isNumber()) {
      throw bad(field + ".benefit: must be a number, 0 or more, with at most two decimals");
    }
    return new AllocationBid(id, cost, benefit.decimalValue(), flag(bid.get("mustFund"), field + ".mustFund", false),
        text(bid.get("exclusiveGroup"), field + ".exclusiveGroup"), requires(bid.get("requires"), field + ".requires"),
        text(bid.get("region"), field + ".region"), flag(bid.get("eligible"), field + ".eligible", true));
  }

  private static List<String> requires(JsonNode requires, String field) {
    if (requires == null || requires.isNull()) {
      return List.of();
    }
    if (requires.isTextual()) {
      return requires.asText().isBlank() ? List.of() : List.of(requires.asText());
    }
    if (!requires.isArray()) {
      throw bad(field + ": must be a bid id or a list of bid ids");
    }
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < requires.size(); k++) {
      JsonNode id = requires.get(k);
      if (!id.isTextual() || id.asText().isBlank()) {
        throw bad(field + "[" + k + "]: must be a bid id");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static Map<String, Long> regionMinimum(JsonNode minimums) {
    if (minimums == null || minimums.isNull()) {
      return Map.of();
    }
    if (!minimums.isObject()) {
      throw bad("regionMinimum: must be an object of region → least amount, e.g. {\"EMEA\": 50000}");
    }
    Map<String, Long> read = new LinkedHashMap<>();
    minimums.fields().forEachRemaining(entry -> read.put(entry.getKey(), wholeNumber(entry.getValue(),
        "regionMinimum." + entry.getKey(), "a whole number, 0 or more", true)));
    return read;
  }

  /**
   * The value as a long; anything that is not a whole number (text, 12.5, 1e30) is refused with "field: must be ...".
   * Whether the number is in range is the validator's.
   */
  private static long wholeNumber(JsonNode value, String field, String mustBe, boolean required) {
    if (value == null || value.isNull()) {
      if (required) {
        throw bad(field + ": required, " + mustBe);
      }
      return 0;
    }
    if (!value.isNumber()) {
      throw bad(field + ": must be " + mustBe);
    }
    BigDecimal number = value.decimalValue().stripTrailingZeros();
    if (number.scale() > 0) {
      throw bad(field + ": must be " + mustBe);
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw bad(field + ": must be " + mustBe + ", at most " + AllocationProblemValidator.MAX_AMOUNT);
    }
  }

  private static String text(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw bad(field + ": must be a string");
    }
    return value.asText();
  }

  private static boolean flag(JsonNode value, String field, boolean absent) {
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw bad(field + ": must be true or false");
    }
    return value.asBoolean();
  }

  private static void onlyKnownFields(JsonNode object, Set<String> known, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw bad(prefix + name + ": unknown field; known are " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static ApiException bad(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }
}
