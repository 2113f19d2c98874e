package com.kap.platform.rules;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The weights' history: which cycle or round used which version of a weights table, with its values. */
@RestController
@RequestMapping("/api/rules/weights")
public class RuleWeightsController {

  /**
   * One cycle's or round's weights.
   *
   * @param decisionKey the table, e.g. segmentationWeights
   * @param usedBy e.g. "Cycle 2031" or "Budget round R-7 (Growth 2031)"
   * @param scope the cycle year or the round id
   */
  public record WeightsUsed(String decisionKey, int decisionVersion, String decisionDefinitionId, String usedBy,
      String scope, Instant recordedAt, Map<String, BigDecimal> weights) {}

  private final RuleWeights ruleWeights;
  private final CurrentUser currentUser;

  public RuleWeightsController(RuleWeights ruleWeights, CurrentUser currentUser) {
    this.ruleWeights = ruleWeights;
    this.currentUser = currentUser;
  }

  /** Directors and the programme director; oldest first. */
  @GetMapping("/history")
  public List<WeightsUsed> history() {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR);
    return ruleWeights.history().stream().map(r -> new WeightsUsed(r.weights().decisionKey(), r.weights().version(),
        r.weights().decisionDefinitionId(), r.usedBy(), r.scope(), r.recordedAt(), r.weights().values())).toList();
  }
}
