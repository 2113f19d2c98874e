package com.kap.planning.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The DMN table stakeholderCoverage, as process owners keep it: the buying roles a segment's stakeholder map must
 * cover, each with or without a relationship owner of ours. Its latest deployed version counts.
 */
@Component
public class StakeholderCoverage {

  private final DecisionService decisions;

  public StakeholderCoverage(DecisionService decisions) {
    this.decisions = decisions;
  }

  public List<PlanQualityGate.CoverageRule> of(String segment) {
    return fromResult(decisions.evaluateDecisionTableByKey("stakeholderCoverage",
        Variables.createVariables().putValue("segment", segment)).getResultList());
  }

  /** The table's COLLECT result, one entry per required role. */
  public static List<PlanQualityGate.CoverageRule> fromResult(List<Map<String, Object>> rows) {
    return rows.stream().map(row -> new PlanQualityGate.CoverageRule(String.valueOf(row.get("requiredRole")),
        Boolean.TRUE.equals(row.get("ownerRequired")))).toList();
  }
}
