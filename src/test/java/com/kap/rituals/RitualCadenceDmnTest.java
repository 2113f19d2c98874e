package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.portfolio.Segment;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cadence table as process owners edit it in bpmn/, against DESIGN §3. */
class RitualCadenceDmnTest {

  private static DmnDecision decision;
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/ritualCadence.dmn")) {
      decision = ENGINE.parseDecision("ritualCadence", dmn);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "—", value = {
      // segment,  internalReview, planReview, operationsMeeting, customerBusinessReview, executiveTopToTop, customerAdvisoryBoard
      "Strategic,  P2W, P3M, P1M, P3M, P3M, P6M",
      "Star,       P2W, P3M, P1M, P3M, P6M, —",
      "Status,     P1M, P6M, P2M, P6M, —,   —",
      "Streamline, P3M, P1Y, P3M, P1Y, —,   —"})
  void eachSegmentHoldsItsRowOfTheCadenceTable(String segment, String internalReview, String planReview,
      String operationsMeeting, String customerBusinessReview, String executiveTopToTop, String customerAdvisoryBoard) {
    Map<String, String> expected = new HashMap<>();
    expected.put("internalReview", internalReview);
    expected.put("planReview", planReview);
    expected.put("operationsMeeting", operationsMeeting);
    expected.put("customerBusinessReview", customerBusinessReview);
    expected.put("executiveTopToTop", executiveTopToTop);
    expected.put("customerAdvisoryBoard", customerAdvisoryBoard);
    expected.values().removeIf(period -> period == null);

    List<DmnDecisionResultEntries> rows = cadenceOf(segment);

    assertThat(rows).hasSameSizeAs(expected.keySet());
    assertThat(rows.stream().collect(Collectors.toMap(row -> (String) row.get("ritualType"), row -> (String) row.get("period"))))
        .containsExactlyInAnyOrderEntriesOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "internalReview, false, kam",
      "planReview, false, programmeDirector",
      "operationsMeeting, true, kam",
      "customerBusinessReview, true, kam",
      "executiveTopToTop, true, sponsor",
      "customerAdvisoryBoard, true, programmeDirector"})
  void whetherTheCustomerTakesPartAndWhoHoldsTheRitualDoNotDependOnTheSegment(String ritualType, boolean external,
      String host) {
    List<DmnDecisionResultEntries> rowsOfType = allSegmentsRows().stream()
        .filter(row -> ritualType.equals(row.get("ritualType")))
        .toList();

    assertThat(rowsOfType).isNotEmpty().allSatisfy(row -> {
      assertThat(row.<Boolean>getEntry("external")).isEqualTo(external);
      assertThat(row.<String>getEntry("host")).isEqualTo(host);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Status", "Streamline"})
  void statusAndStreamlineHaveNoTopToTopAndNoAdvisoryBoard(String segment) {
    assertThat(cadenceOf(segment)).extracting(row -> row.get("ritualType"))
        .doesNotContain("executiveTopToTop", "customerAdvisoryBoard");
  }

  @Test
  void everyRowNamesAKnownRitualAndAPositiveIsoPeriod() {
    assertThat(allSegmentsRows()).allSatisfy(row -> {
      assertThat(RitualType.byKey(row.getEntry("ritualType"))).isPresent();
      Period period = Period.parse(row.getEntry("period"));
      assertThat(period.isZero() || period.isNegative()).isFalse();
    });
  }

  @Test
  void unknownSegmentHoldsNoRitual() {
    assertThat(cadenceOf("Gold")).isEmpty();
  }

  private static List<DmnDecisionResultEntries> cadenceOf(String segment) {
    return ENGINE.evaluateDecision(decision, Variables.createVariables().putValue("segment", segment));
  }

  private static List<DmnDecisionResultEntries> allSegmentsRows() {
    return Arrays.stream(Segment.values())
        .flatMap(segment -> cadenceOf(segment.label()).stream())
        .toList();
  }
}
