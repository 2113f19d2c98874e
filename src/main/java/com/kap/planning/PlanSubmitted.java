package com.kap.planning;

import com.kap.platform.forms.Problem;
import java.util.List;
import java.util.Locale;

/**
 * A submission, stored as a new version, and the quality gate's verdict.
 *
 * @param problems why the plan misses the bar, in any language; empty when it passed
 * @param summary the plan as Markdown for its reviewers; null when it did not pass
 */
public record PlanSubmitted(int version, List<Problem> problems, String summary) {

  public boolean qualityPassed() {
    return problems.isEmpty();
  }

  /** Why the plan misses the bar, in English (as stored with the version). */
  public List<String> qualityIssues() {
    return problems.stream().map(Problem::english).toList();
  }

  /** Why the plan misses the bar as the draft form shows it, one "- " line each, in the language; null if it passed. */
  public String qualityIssuesText(Locale locale) {
    return problems.isEmpty() ? null
        : "- " + String.join("\n- ", problems.stream().map(problem -> problem.in(locale)).toList());
  }
}
