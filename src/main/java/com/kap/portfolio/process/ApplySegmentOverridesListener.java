package com.kap.portfolio.process;

import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.portfolio.Account;
import com.kap.portfolio.OverrideSegments;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When "Validate segmentation" completes: checks the submitted overrides on the server (account, segment and a
 * reason each) and stores them with who and when. Any bad entry refuses the whole completion. An execution
 * listener rather than a task listener, because the engine wraps task listener exceptions into a generic one
 * and /engine-rest would then answer 500 instead of 400 with the field named.
 */
@Component("applySegmentOverrides")
public class ApplySegmentOverridesListener extends TaskCompletionListener {

  public static final int MAX_REASON_LENGTH = 2000;

  private final PortfolioSegmentation segmentation;

  public ApplySegmentOverridesListener(PortfolioSegmentation segmentation) {
    this.segmentation = segmentation;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    List<Map<String, Object>> entries = values.objectList("overrides");
    List<PortfolioSegmentation.OverrideRequest> overrides = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    FormProblems problems = new FormProblems();
    for (int i = 0; i < entries.size(); i++) {
      String path = "overrides[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      problems.check(() -> {
        String accountId = FormValues.text(entry, path, "accountId", true, Account.MAX_ID_LENGTH);
        String segmentLabel = FormValues.text(entry, path, "segment", true, 16);
        Segment segment = Segment.byLabel(segmentLabel).orElseThrow(() -> new InvalidFormData(path + ".segment",
            Problem.of("segment", segmentLabel)));
        String reason = FormValues.text(entry, path, "reason", true, MAX_REASON_LENGTH);
        if (!seen.add(accountId)) {
          throw new InvalidFormData(path + ".accountId", Problem.of("override.twice", accountId));
        }
        return overrides.add(new PortfolioSegmentation.OverrideRequest(accountId, segment, reason));
      });
    }
    problems.throwIfAny();
    segmentation.override(new OverrideSegments(((Number) execution.getVariable("year")).intValue(), overrides));
  }
}
