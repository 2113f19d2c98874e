package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client of /engine-rest may submit as text: anything but markup and expressions. */
class FormValuesTest {

  private static final String REFUSED = "must not contain markup or expressions";

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "Nice <img src=x onerror=alert(1)>", "closing </b> tag",
      "<!-- comment -->", "<?xml version='1.0'?>", "<svg/onload=alert(1)>", "see javascript:alert(1)",
      "JavaScript :void(0)", "${execution.setVariable('x', 1)}", "#{7*7}", "cost ${ 1 }"})
  void refusesMarkupAndExpressionsInText(String text) {
    assertThatThrownBy(() -> values("minutes", text).text("minutes", true, 1000))
        .isInstanceOf(InvalidFormData.class).hasMessageStartingWith("minutes: " + REFUSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"margin < 5%", "<5 days", "a<1", "3 > 2 and 2 < 3", "price $5 {net}", "issue #12 {open}",
      "mail me: alice@example.com", "C'est déjà l'été — 10 € <= 12 €", "javascript is a language"})
  void keepsPlainTextThatOnlyLooksAlike(String text) {
    assertThat(values("minutes", text).text("minutes", true, 1000)).isEqualTo(text);
  }

  @Test
  void choicesAndDatesAreCheckedToo() {
    assertThatThrownBy(() -> values("decision", "<b>approve").choice("decision", List.of("approve"), true))
        .isInstanceOf(InvalidFormData.class).hasMessageStartingWith("decision: " + REFUSED);
    assertThatThrownBy(() -> values("heldDate", "${now()}").date("heldDate", true))
        .isInstanceOf(InvalidFormData.class).hasMessageStartingWith("heldDate: " + REFUSED);
  }

  @Test
  void listEntriesReadAsTextAreCheckedAndNamedByTheirPath() {
    FormValues values = values("overrides", Spin.JSON("[{\"reason\":\"fine\"},{\"reason\":\"<iframe src=x>\"}]"));
    List<Map<String, Object>> entries = values.objectList("overrides");

    assertThat(FormValues.text(entries.get(0), "overrides[0]", "reason", true, 100)).isEqualTo("fine");
    assertThatThrownBy(() -> FormValues.text(entries.get(1), "overrides[1]", "reason", true, 100))
        .isInstanceOf(InvalidFormData.class).hasMessageStartingWith("overrides[1].reason: " + REFUSED);
    assertThatThrownBy(() -> FormValues.choice(Map.of("segment", "</x>"), "overrides[2]", "segment",
        List.of("Star"), true)).hasMessageStartingWith("overrides[2].segment: " + REFUSED);
    assertThatThrownBy(() -> FormValues.date(Map.of("dueDate", "#{x}"), "actions[0]", "dueDate", true))
        .hasMessageStartingWith("actions[0].dueDate: " + REFUSED);
  }

  @Test
  void wrongTypesAreRefusedWithTheField() {
    assertThatThrownBy(() -> values("cost", true).wholeNumber("cost", 1, 100))
        .isInstanceOf(InvalidFormData.class).hasMessage("cost: must be a number, was true");
    assertThatThrownBy(() -> values("title", Spin.JSON("{\"a\":1}")).text("title", true, 100))
        .isInstanceOf(InvalidFormData.class).hasMessage("title: must be text");
    assertThatThrownBy(() -> values("mustFund", "yes").flag("mustFund"))
        .isInstanceOf(InvalidFormData.class).hasMessage("mustFund: must be true or false, was 'yes'");
    assertThatThrownBy(() -> values("cost", "1e309").wholeNumber("cost", 1, 100))
        .isInstanceOf(InvalidFormData.class).hasMessageStartingWith("cost: must be from 1 to 100");
  }

  @Test
  void hugeAndTinyNumbersAreRefusedWithAShortMessage() {
    assertThatThrownBy(() -> values("cost", "1e999999999").wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be from 1 to 100, was 1E+999999999");
    assertThatThrownBy(() -> values("cost", "1e-999999999").wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be a whole number, was 1E-999999999");
    assertThatThrownBy(() -> values("cost", "9".repeat(60)).wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be from 1 to 100, was " + "9".repeat(40) + "…");
    assertThatThrownBy(() -> values("cost", "9".repeat(5000)).wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be a whole number, was '" + "9".repeat(40) + "…'");
    assertThatThrownBy(() -> values("cost", Double.NaN).wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be a whole number, was 'NaN'");
    assertThatThrownBy(() -> values("cost", Double.POSITIVE_INFINITY).wholeNumber("cost", 1, 100))
        .hasMessage("cost: must be a whole number, was 'Infinity'");
    assertThat(values("cost", "-0").wholeNumber("cost", 0, 100)).isZero();
  }

  private static FormValues values(String field, Object value) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(field)).thenReturn(value);
    return FormValues.of(scope);
  }
}
