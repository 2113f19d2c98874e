package com.kap.planning;

import java.util.List;

/**
 * A submission, stored as a new version, and the quality gate's verdict.
 *
 * @param qualityIssues why the plan misses the bar; empty when it passed
 * @param summary the plan as Markdown for its reviewers; null when it did not pass
 */
public record PlanSubmitted(int version, List<String> qualityIssues, String summary) {

  public boolean qualityPassed() {
    return qualityIssues.isEmpty();
  }
}
