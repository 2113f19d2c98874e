package com.kap.rituals;

import com.kap.planning.AccountPlans;
import com.kap.planning.ApprovedPlan;
import com.kap.planning.ObjectiveResultsSource;
import com.kap.planning.PlanContent;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.rituals.internal.TargetPercent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The objectives of a year's approved plans with what the plan reviews recorded against them, for the year's proofs
 * of success: the same reading as an account's progress ({@link FollowUps#progressOf}), for every account at once.
 */
@Service
public class ObjectiveResults implements ObjectiveResultsSource {

  private final AccountPlans plans;
  private final FollowUpRepository actuals;

  public ObjectiveResults(AccountPlans plans, FollowUpRepository actuals) {
    this.plans = plans;
    this.actuals = actuals;
  }

  @Override
  public List<ObjectiveResult> objectivesOf(int year) {
    // per account, per objective: the latest actual recorded against the approved version (oldest first: last stays)
    Map<String, Map<Integer, BigDecimal>> latest = new HashMap<>();
    Map<String, Integer> approvedVersion = new HashMap<>();
    List<ApprovedPlan> approved = plans.approvedPlans(year);
    approved.forEach(plan -> approvedVersion.put(plan.accountId(), plan.version()));
    for (FollowUpRepository.AccountActual recorded : actuals.actualsOfPlanYear(year)) {
      Integer version = approvedVersion.get(recorded.accountId());
      if (version != null && version == recorded.actual().planVersion()) {
        latest.computeIfAbsent(recorded.accountId(), id -> new HashMap<>())
            .put(recorded.actual().objectiveNo(), recorded.actual().actual());
      }
    }
    List<ObjectiveResult> results = new ArrayList<>();
    for (ApprovedPlan plan : approved) {
      Map<Integer, BigDecimal> ofAccount = latest.getOrDefault(plan.accountId(), Map.of());
      List<PlanContent.Objective> objectives = plan.content().objectives();
      for (int i = 0; i < objectives.size(); i++) {
        PlanContent.Objective objective = objectives.get(i);
        BigDecimal actual = ofAccount.get(i);
        results.add(new ObjectiveResult(plan.accountId(), i, objective.type(), objective.target(), actual,
            TargetPercent.of(objective.target(), actual).orElse(null)));
      }
    }
    return results;
  }
}
