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
import com.kap.platform.i18n.Bundles;
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
import org.springframework.context.MessageSourceResolvable;
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

  private static final MessageSourceResolvable ABOVE_ZERO = Bundles.text("error.rule.wholeAboveZero");
  private static final MessageSourceResolvable ZERO_OR_MORE = Bundles.text("error.rule.wholeZeroOrMore");

  private AllocationProblemReader() {}

  public static AllocationProblem read(String json) {
    JsonNode root = tree(json == null ? "" : json);
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw bad("error.allocation.notAnObject");
    }
    onlyKnownFields(root, PROBLEM_FIELDS, "");
    long budget = wholeNumber(root.get("budget"), "budget", ABOVE_ZERO, true);
    long reserve = root.hasNonNull("reserve")
        ? wholeNumber(root.get("reserve"), "reserve", ZERO_OR_MORE, true) : 0;
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
        throw bad("error.body.notValidJson", e.getOriginalMessage(), String.valueOf(at.getLineNr()),
            String.valueOf(at.getColumnNr()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<AllocationBid> bids(JsonNode bids) {
    if (bids == null || bids.isNull()) {
      throw bad("error.field.requiredAs", "bids", rule("error.rule.listOfBids"));
    }
    if (!bids.isArray()) {
      throw bad("error.field.mustBe", "bids", rule("error.rule.listOfBids"));
    }
    if (bids.size() > AllocationProblemValidator.MAX_BIDS) {
      throw bad("error.field.atMostBids", "bids", String.valueOf(AllocationProblemValidator.MAX_BIDS),
          String.valueOf(bids.size()));
    }
    List<AllocationBid> read = new ArrayList<>(bids.size());
    for (int i = 0; i < bids.size(); i++) {
      read.add(bid(bids.get(i), "bids[" + i + "]"));
    }
    return read;
  }

  private static AllocationBid bid(JsonNode bid, String field) {
    if (!bid.isObject()) {
      throw bad("error.field.mustBe", field, rule("error.rule.object"));
    }
    onlyKnownFields(bid, BID_FIELDS, field + ".");
    String id = text(bid.get("id"), field + ".id");
    if (id == null || id.isBlank()) {
      throw bad("error.field.required", field + ".id");
    }
    long cost = wholeNumber(bid.get("cost"), field + ".cost", ABOVE_ZERO, true);
    JsonNode benefit = bid.get("benefit");
    if (benefit == null || benefit.isNull()) {
      throw bad("error.field.required", field + ".benefit");
    }
    if (!benefit.isNumber()) {
      throw bad("error.field.mustBe", field + ".benefit", rule("error.rule.benefit"));
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
      throw bad("error.field.mustBe", field, rule("error.rule.bidIds"));
    }
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < requires.size(); k++) {
      JsonNode id = requires.get(k);
      if (!id.isTextual() || id.asText().isBlank()) {
        throw bad("error.field.mustBe", field + "[" + k + "]", rule("error.rule.bidId"));
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
      throw bad("error.field.mustBe", "regionMinimum", rule("error.rule.regionMinimum"));
    }
    Map<String, Long> read = new LinkedHashMap<>();
    minimums.fields().forEachRemaining(entry -> read.put(entry.getKey(), wholeNumber(entry.getValue(),
        "regionMinimum." + entry.getKey(), ZERO_OR_MORE, true)));
    return read;
  }

  /**
   * The value as a long; anything that is not a whole number (text, 12.5, 1e30) is refused with "field: must be ...".
   * Whether the number is in range is the validator's.
   */
  private static long wholeNumber(JsonNode value, String field, MessageSourceResolvable mustBe, boolean required) {
    if (value == null || value.isNull()) {
      if (required) {
        throw bad("error.field.requiredAs", field, mustBe);
      }
      return 0;
    }
    if (!value.isNumber()) {
      throw bad("error.field.mustBe", field, mustBe);
    }
    BigDecimal number = value.decimalValue().stripTrailingZeros();
    if (number.scale() > 0) {
      throw bad("error.field.mustBe", field, mustBe);
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw bad("error.field.mustBeAtMost", field, mustBe, String.valueOf(AllocationProblemValidator.MAX_AMOUNT));
    }
  }

  private static String text(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw bad("error.field.mustBe", field, rule("error.rule.string"));
    }
    return value.asText();
  }

  private static boolean flag(JsonNode value, String field, boolean absent) {
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw bad("error.field.mustBe", field, rule("error.rule.boolean"));
    }
    return value.asBoolean();
  }

  private static void onlyKnownFields(JsonNode object, Set<String> known, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw bad("error.field.unknown", prefix + name, String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** A refusal whose message is the bundles' {@code key} (i18n/errors), said in the request's language. */
  private static ApiException bad(String key, Object... args) {
    return ApiException.of(HttpStatus.BAD_REQUEST, key, args);
  }

  private static MessageSourceResolvable rule(String key) {
    return Bundles.text(key);
  }
}
