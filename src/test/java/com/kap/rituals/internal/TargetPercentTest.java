package com.kap.rituals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An actual in percent of a target written as free text. */
class TargetPercentTest {

  @ParameterizedTest(name = "target \"{0}\" reads as {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "4.6M | 4.6",
      "€2.4M | 2.4",
      "28% | 28",
      "NPS 40 by Q4 | 40",
      "1,200 units | 1200",
      "1,200.5 | 1200.5",
      "2,5 days | 2.5",
      "-3 complaints | -3",
      "Keep the relationship warm | none",
      "1.2.3 | none",
      "'' | none",
  })
  void readsTheTargetsFirstNumber(String target, String number) {
    assertThat(TargetPercent.number(target).orElse(null))
        .isEqualTo(number == null ? null : new BigDecimal(number));
  }

  @ParameterizedTest(name = "{1} of \"{0}\" is {2} %")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "28% | 26 | 93",
      "4.6M | 4.6 | 100",
      "4.6M | 5.75 | 125",
      "1,200 units | 300 | 25",
      "40 | 0.2 | 1",     // 0.5 % rounds half up to 1
      "40 | 0.19 | 0",    // 0.475 % rounds down
      "0 | 5 | none",     // no percentage of a zero target
      "Be their first call | 3 | none",
      "28% | none | none",
  })
  void computesThePercentageRoundedHalfUp(String target, String actual, String percent) {
    assertThat(TargetPercent.of(target, actual == null ? null : new BigDecimal(actual)).orElse(null))
        .isEqualTo(percent == null ? null : Integer.valueOf(percent));
  }

  @org.junit.jupiter.api.Test
  void noTargetNoPercentage() {
    assertThat(TargetPercent.number(null)).isEmpty();
    assertThat(TargetPercent.of(null, BigDecimal.ONE)).isEmpty();
  }
}
