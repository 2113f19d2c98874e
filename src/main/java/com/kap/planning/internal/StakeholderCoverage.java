package com.kap.planning.internal;

import com.kap.platform.rules.DecisionTables;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The DMN table stakeholderCoverage, as process owners keep it: the buying roles a segment's stakeholder map must
 * cover, each with or without a relationship owner of ours. Its latest deployed version counts.
 */
@Component
public class StakeholderCoverage {

  private final DecisionTables tables;
  private final IdentityService identity;

  public StakeholderCoverage(DecisionTables tables, IdentityService identity) {
    this.tables = tables;
    this.identity = identity;
  }

  /**
   * The same rules for KAP's own reading (account health, asked on a page or through the API), whoever is logged
   * in: the user asking may see the account, not evaluate the engine's decisions. The caller's login is restored.
   */
  public List<PlanQualityGate.CoverageRule> ofAsKap(String segment) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return of(segment);
    }
    identity.clearAuthentication();
    try {
      return of(segment);
    } finally {
      identity.setAuthentication(caller);
    }
  }

  public List<PlanQualityGate.CoverageRule> of(String segment) {
    return fromResult(tables.rows("stakeholderCoverage", Collections.singletonMap("segment", segment)));
  }

  /** The table's COLLECT result, one entry per required role. */
  public static List<PlanQualityGate.CoverageRule> fromResult(List<Map<String, Object>> rows) {
    return rows.stream().map(row -> new PlanQualityGate.CoverageRule(String.valueOf(row.get("requiredRole")),
        Boolean.TRUE.equals(row.get("ownerRequired")))).toList();
  }
}
