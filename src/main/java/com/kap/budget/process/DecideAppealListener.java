package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When a global committee member completes "Review appeal": upheld (the bid is funded from the round's reserve) or
 * rejected, with reasons the KAM receives ({@link BudgetRounds#decideAppeal}).
 */
@Component("decideAppeal")
public class DecideAppealListener extends TaskCompletionListener {

  public static final String UPHOLD = "uphold";
  public static final String REJECT = "reject";

  private final BidFacts facts;
  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public DecideAppealListener(BidFacts facts, BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.facts = facts;
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    String reviewer = currentUser.idOrElse(null);
    List<String> reviewers = facts.appealReviewers(execution);
    if (reviewer != null && !reviewers.isEmpty() && !reviewers.contains(reviewer)) {
      throw new InvalidFormData("appealDecision", reviewer + " sat on the deciding committee or sponsors the account;"
          + " the appeal goes to one of " + reviewers);
    }
    FormValues values = FormValues.of(execution);
    boolean upheld = UPHOLD.equals(values.choice("appealDecision", List.of(UPHOLD, REJECT), true));
    String response = values.text("appealResponse", true, BidForm.LONG_TEXT);
    budgetRounds.decideAppeal(new BudgetRounds.DecideAppeal(bid.bidNo(), upheld, response, reviewer));
  }
}
