package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.rituals.internal.HealthScore;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account health table as process owners edit it in bpmn/: every rule, its points and its reason. */
class AccountHealthDmnTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/accountHealth.dmn")) {
      decision = ENGINE.parseDecision("accountHealth", dmn);
    }
  }

  /** A healthy account: every ritual held, a happy customer, objectives on track, the map covered, nothing overdue. */
  private static VariableMap healthy() {
    return Variables.createVariables().putValue("heldPercent", 100).putValue("satisfaction", 4.5)
        .putValue("objectivePercent", 90).putValue("coverageGaps", 0).putValue("coverageMissing", null)
        .putValue("overdueActions", 0);
  }

  private static HealthScore.Result evaluate(VariableMap variables) {
    return HealthScore.fromResult(ENGINE.evaluateDecisionTable(decision, variables).getResultList());
  }

  @Test
  void aHealthyAccountLosesNothing() {
    assertThat(evaluate(healthy())).isEqualTo(new HealthScore.Result(100, java.util.List.of()));
  }

  @Test
  void unknownInputsCostNothing() {
    VariableMap unknown = Variables.createVariables().putValue("heldPercent", null).putValue("satisfaction", null)
        .putValue("objectivePercent", null).putValue("coverageGaps", null).putValue("coverageMissing", null)
        .putValue("overdueActions", 0);
    assertThat(evaluate(unknown)).isEqualTo(new HealthScore.Result(100, java.util.List.of()));
  }

  @Test
  void fewerThanHalfOfTheRitualsHeldCost30() {
    assertThat(evaluate(healthy().putValue("heldPercent", 40)))
        .isEqualTo(new HealthScore.Result(70, java.util.List.of("Rituals held: 40 % of those due")));
    assertThat(evaluate(healthy().putValue("heldPercent", 0)).score()).isEqualTo(70);
  }

  @Test
  void halfToUnder80PercentHeldCost15() {
    assertThat(evaluate(healthy().putValue("heldPercent", 50)))
        .isEqualTo(new HealthScore.Result(85, java.util.List.of("Rituals held: 50 % of those due")));
    assertThat(evaluate(healthy().putValue("heldPercent", 79)).score()).isEqualTo(85);
    assertThat(evaluate(healthy().putValue("heldPercent", 80)).score()).isEqualTo(100);
  }

  @Test
  void anUnhappyCustomerCosts25() {
    assertThat(evaluate(healthy().putValue("satisfaction", 2.0)))
        .isEqualTo(new HealthScore.Result(75, java.util.List.of("Customer satisfaction: 2.0 of 5 on average")));
    assertThat(evaluate(healthy().putValue("satisfaction", 2.49)).score()).isEqualTo(75);
  }

  @Test
  void aLukewarmCustomerCosts10() {
    assertThat(evaluate(healthy().putValue("satisfaction", 2.5)))
        .isEqualTo(new HealthScore.Result(90, java.util.List.of("Customer satisfaction: 2.5 of 5 on average")));
    assertThat(evaluate(healthy().putValue("satisfaction", 3.4)).score()).isEqualTo(90);
    assertThat(evaluate(healthy().putValue("satisfaction", 3.5)).score()).isEqualTo(100);
  }

  @Test
  void objectivesUnderHalfOfTargetCost15() {
    assertThat(evaluate(healthy().putValue("objectivePercent", 30)))
        .isEqualTo(new HealthScore.Result(85, java.util.List.of("Objectives: 30 % of target on average")));
    assertThat(evaluate(healthy().putValue("objectivePercent", 50)).score()).isEqualTo(100);
  }

  @Test
  void aStakeholderMapLackingARoleCosts20() {
    assertThat(evaluate(healthy().putValue("coverageGaps", 1).putValue("coverageMissing", "champion with an owner")))
        .isEqualTo(new HealthScore.Result(80,
            java.util.List.of("No champion with an owner in the stakeholder map")));
  }

  @Test
  void oneOrTwoOverdueActionsCost10() {
    assertThat(evaluate(healthy().putValue("overdueActions", 1)))
        .isEqualTo(new HealthScore.Result(90, java.util.List.of("1 action overdue")));
    assertThat(evaluate(healthy().putValue("overdueActions", 2)))
        .isEqualTo(new HealthScore.Result(90, java.util.List.of("2 actions overdue")));
  }

  @Test
  void threeOrMoreOverdueActionsCost20() {
    assertThat(evaluate(healthy().putValue("overdueActions", 3)))
        .isEqualTo(new HealthScore.Result(80, java.util.List.of("3 actions overdue")));
  }

  @Test
  void everythingWrongAtOnceStopsAtZero() {
    VariableMap worst = Variables.createVariables().putValue("heldPercent", 10).putValue("satisfaction", 1.0)
        .putValue("objectivePercent", 5).putValue("coverageGaps", 2)
        .putValue("coverageMissing", "decision maker with an owner and no champion with an owner")
        .putValue("overdueActions", 7);
    HealthScore.Result result = evaluate(worst);
    assertThat(result.score()).isEqualTo(0); // 100 - 30 - 25 - 15 - 20 - 20 = -10, kept at 0
    assertThat(result.reasons()).containsExactly("Rituals held: 10 % of those due",
        "Customer satisfaction: 1.0 of 5 on average", "Objectives: 5 % of target on average",
        "No decision maker with an owner and no champion with an owner in the stakeholder map", "7 actions overdue");
  }
}
