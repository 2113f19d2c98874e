package com.kap.portfolio;

import com.kap.forms.FormValues;
import com.kap.forms.InvalidFormData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing "Validate segmentation": checks the submitted overrides on the server (account, segment and a
 * reason each) and stores them with who and when. Any bad entry refuses the whole completion.
 */
@Component("applySegmentOverrides")
public class ApplySegmentOverridesListener implements TaskListener {

  static final int MAX_REASON_LENGTH = 2000;

  private final PortfolioSegmentation segmentation;
  private final IdentityService identityService;

  public ApplySegmentOverridesListener(PortfolioSegmentation segmentation, IdentityService identityService) {
    this.segmentation = segmentation;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues values = FormValues.of(task);
    List<Map<String, Object>> entries = values.objectList("overrides");
    List<PortfolioSegmentation.OverrideRequest> overrides = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "overrides[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      String accountId = FormValues.text(entry, path, "accountId", true, PortfolioCsvParser.MAX_ID_LENGTH);
      String segmentLabel = FormValues.text(entry, path, "segment", true, 16);
      Segment segment = Segment.byLabel(segmentLabel).orElseThrow(() -> new InvalidFormData(path + ".segment",
          "'" + segmentLabel + "' is not a segment; use Strategic, Star, Status or Streamline"));
      String reason = FormValues.text(entry, path, "reason", true, MAX_REASON_LENGTH);
      if (!seen.add(accountId)) {
        throw new InvalidFormData(path + ".accountId", "account '" + accountId + "' is overridden twice");
      }
      overrides.add(new PortfolioSegmentation.OverrideRequest(accountId, segment, reason));
    }
    int year = ((Number) task.getVariable("year")).intValue();
    segmentation.override(year, overrides, decidedBy(task));
  }

  private String decidedBy(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "unknown" : task.getAssignee();
  }
}
