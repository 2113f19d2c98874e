package com.kap.planning.process;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanVersion;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanForm;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Collect training needs" at the cycle's close: every need of the latest plan version of each account, grouped by
 * who needs it (KAM, team, sponsor, senior management), for the training coordinator's form.
 */
@Component("collectTrainingNeeds")
public class CollectTrainingNeedsDelegate implements JavaDelegate {

  private final AccountPlanRepository plans;
  private final Portfolio accounts;

  public CollectTrainingNeedsDelegate(AccountPlanRepository plans, Portfolio accounts) {
    this.plans = plans;
    this.accounts = accounts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("year")).intValue();
    Map<String, String> names = accounts.accounts().stream()
        .collect(Collectors.toMap(Account::accountId, Account::name, (a, b) -> a));
    Map<String, List<Map<String, String>>> byAudience = new LinkedHashMap<>();
    PlanContent.TRAINING_AUDIENCES.forEach(audience -> byAudience.put(audience, new ArrayList<>()));
    int total = 0;
    for (Map.Entry<String, PlanVersion> latest : plans.latestVersions(year).entrySet()) {
      String accountId = latest.getKey();
      for (PlanContent.TrainingNeed need : latest.getValue().content().trainingNeeds()) {
        byAudience.get(need.forWhom()).add(Map.of("accountId", accountId,
            "account", names.getOrDefault(accountId, accountId), "need", need.need()));
        total++;
      }
    }
    execution.setVariable("trainingNeedCount", total);
    byAudience.forEach((audience, needs) -> {
      String variable = "trainingNeeds" + Character.toUpperCase(audience.charAt(0)) + audience.substring(1);
      execution.setVariable(variable, PlanForm.json(needs));
      execution.setVariable(variable + "Count", needs.size());
    });
  }
}
