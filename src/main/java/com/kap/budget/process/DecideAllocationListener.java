package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.budget.BudgetRounds.ChairOverride;
import com.kap.budget.BudgetRounds.DecideAllocation;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.RoundFacts;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the chair completes "Decide allocation": reads the form (the recommendation as it is, or with single bids
 * funded or unfunded, each with a reason) and records it with {@link BudgetRounds#decide}, which checks the result.
 */
@Component("decideAllocation")
public class DecideAllocationListener extends TaskCompletionListener {

  public static final String ACCEPT = "accept";
  public static final String OVERRIDE = "override";

  private final RoundFacts facts;
  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public DecideAllocationListener(RoundFacts facts, BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.facts = facts;
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    FormValues values = FormValues.of(execution);
    String decision = values.choice("decision", List.of(ACCEPT, OVERRIDE), true);
    List<ChairOverride> overrides = OVERRIDE.equals(decision)
        ? overrides(values, budgetRounds.scoredBids(round.roundNo())) : List.of();
    boolean useReserve = values.flag("useReserve");
    String note = values.text("decisionNote", false, BidForm.LONG_TEXT);
    budgetRounds.decide(new DecideAllocation(round.roundNo(), overrides, useReserve, note,
        currentUser.idOrElse(round.chair())));
  }

  private static List<ChairOverride> overrides(FormValues values, List<String> scored) {
    List<Map<String, Object>> entries = values.objectList("overrides");
    if (entries.isEmpty()) {
      throw new InvalidFormData("overrides", "name at least one bid to fund or unfund, or accept the recommendation");
    }
    Set<String> seen = new HashSet<>();
    List<ChairOverride> overrides = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "overrides[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      String bidId = FormValues.choice(entry, path, "bidId", scored, true);
      String action = FormValues.choice(entry, path, "action", List.of("fund", "unfund"), true);
      String reason = FormValues.text(entry, path, "reason", true, 1000);
      if (!seen.add(bidId)) {
        throw new InvalidFormData(path + ".bidId", bidId + " is overridden twice");
      }
      overrides.add(new ChairOverride(bidId, "fund".equals(action), reason));
    }
    return overrides;
  }
}
