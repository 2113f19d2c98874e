package com.kap.budget.process;

import com.kap.budget.AllocationResult;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidContent;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.Recommendation;
import com.kap.budget.internal.RoundFacts;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the chair completes "Decide allocation": the recommendation as it is, or with single bids funded or unfunded,
 * each with a reason. The final set keeps exclusivity groups and requirements, and stays within envelope − reserve
 * unless the chair draws on the reserve explicitly (never beyond the envelope).
 */
@Component("decideAllocation")
public class DecideAllocationListener extends TaskCompletionListener {

  public static final String ACCEPT = "accept";
  public static final String OVERRIDE = "override";

  private final RoundFacts facts;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final Clock clock;

  public DecideAllocationListener(RoundFacts facts, BudgetRoundRepository rounds, BidRepository bids,
      BudgetAudit audit, CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.rounds = rounds;
    this.bids = bids;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public record ChairOverride(Bid bid, boolean fund, String reason) {}

  @Override
  protected void completed(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    AllocationResult recommended = recommendation(round).result();
    Map<String, Bid> scored = bids.findByRoundAndStatus(round.roundNo(), Bid.Status.SCORED).stream()
        .collect(Collectors.toMap(Bid::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    FormValues values = FormValues.of(execution);
    String decision = values.choice("decision", List.of(ACCEPT, OVERRIDE), true);
    List<ChairOverride> overrides = OVERRIDE.equals(decision) ? overrides(values, scored, recommended) : List.of();
    Set<String> funded = new LinkedHashSet<>(recommended.funded());
    overrides.forEach(o -> {
      if (o.fund()) {
        funded.add(o.bid().id());
      } else {
        funded.remove(o.bid().id());
      }
    });
    checkGroupsAndRequirements(funded, scored);
    long total = funded.stream().mapToLong(id -> scored.get(id).content().cost()).sum();
    long available = round.envelope() - round.reserve();
    boolean useReserve = values.flag("useReserve");
    if (total > round.envelope()) {
      throw new InvalidFormData("overrides", "the funded bids cost " + total + ", above the envelope of "
          + round.envelope());
    }
    if (total > available && !useReserve) {
      throw new InvalidFormData("useReserve", "the funded bids cost " + total + ", above the " + available
          + " available: draw on the reserve, or fund less");
    }
    String note = values.text("decisionNote", false, BidForm.LONG_TEXT);
    String chair = currentUser.idOrElse(round.chair());
    record(round, scored, recommended, funded, overrides, Math.max(0, total - available), note, chair);
  }

  private void record(BudgetRound round, Map<String, Bid> scored, AllocationResult recommended, Set<String> funded,
      List<ChairOverride> overrides, long reserveDrawn, String note, String chair) {
    Map<String, String> overrideReasons = new HashMap<>();
    for (ChairOverride o : overrides) {
      overrideReasons.put(o.bid().id(), o.reason());
      audit.record(round.roundNo(), o.bid().bidNo(), BudgetAudit.Action.OVERRIDE, chair,
          o.fund() ? "not funded" : "funded", o.fund() ? "funded" : "not funded", o.reason());
    }
    Map<String, AllocationResult.Unfunded> why = recommended.unfunded().stream()
        .collect(Collectors.toMap(AllocationResult.Unfunded::id, Function.identity()));
    for (Bid bid : scored.values()) {
      boolean isFunded = funded.contains(bid.id());
      String reason = overrideReasons.containsKey(bid.id()) ? "decided by the chair: " + overrideReasons.get(bid.id())
          : isFunded ? null : why.containsKey(bid.id()) ? describe(why.get(bid.id())) : null;
      bids.updateStatus(bid.bidNo(), isFunded ? Bid.Status.FUNDED : Bid.Status.UNFUNDED, reason);
    }
    if (reserveDrawn > 0) {
      audit.record(round.roundNo(), null, BudgetAudit.Action.RESERVE_DRAWN, chair, "0", String.valueOf(reserveDrawn),
          note);
    }
    long total = funded.stream().mapToLong(id -> scored.get(id).content().cost()).sum();
    audit.record(round.roundNo(), null, BudgetAudit.Action.DECISION, chair,
        "recommended " + recommended.funded() + " · cost " + recommended.totalCost(),
        "funded " + funded + " · cost " + total, note);
    rounds.recordDecision(round.roundNo(), reserveDrawn, note, chair, clock.instant());
  }

  private static String describe(AllocationResult.Unfunded unfunded) {
    return unfunded.reason().code() + (unfunded.detail() == null ? "" : ": " + unfunded.detail());
  }

  private static List<ChairOverride> overrides(FormValues values, Map<String, Bid> scored, AllocationResult recommended) {
    List<Map<String, Object>> entries = values.objectList("overrides");
    if (entries.isEmpty()) {
      throw new InvalidFormData("overrides", "name at least one bid to fund or unfund, or accept the recommendation");
    }
    Set<String> seen = new java.util.HashSet<>();
    List<ChairOverride> overrides = new java.util.ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "overrides[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      String bidId = FormValues.choice(entry, path, "bidId", List.copyOf(scored.keySet()), true);
      String action = FormValues.choice(entry, path, "action", List.of("fund", "unfund"), true);
      String reason = FormValues.text(entry, path, "reason", true, 1000);
      if (!seen.add(bidId)) {
        throw new InvalidFormData(path + ".bidId", bidId + " is overridden twice");
      }
      boolean fund = "fund".equals(action);
      if (fund == recommended.funded().contains(bidId)) {
        throw new InvalidFormData(path + ".action", bidId + " is " + (fund ? "already" : "not") + " funded in the "
            + "recommendation");
      }
      overrides.add(new ChairOverride(scored.get(bidId), fund, reason));
    }
    return overrides;
  }

  private static void checkGroupsAndRequirements(Set<String> funded, Map<String, Bid> scored) {
    Map<String, String> fundedByGroup = new HashMap<>();
    for (String id : funded) {
      BidContent content = scored.get(id).content();
      if (content.exclusiveGroup() != null) {
        String other = fundedByGroup.putIfAbsent(content.exclusiveGroup(), id);
        if (other != null) {
          throw new InvalidFormData("overrides", other + " and " + id + " are alternatives (group '"
              + content.exclusiveGroup() + "'): fund at most one");
        }
      }
      if (content.requiresBid() != null && !funded.contains(BudgetIds.bid(content.requiresBid()))) {
        throw new InvalidFormData("overrides", id + " requires " + BudgetIds.bid(content.requiresBid())
            + ", which would not be funded");
      }
    }
  }

  private Recommendation recommendation(BudgetRound round) {
    return rounds.recommendation(round.roundNo())
        .orElseThrow(() -> new IllegalStateException("round " + round.id() + " has no recommendation"));
  }
}
