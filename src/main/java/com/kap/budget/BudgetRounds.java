package com.kap.budget;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.BidContent;
import com.kap.budget.internal.Recommendation;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.notifications.Notifications;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The budget rounds' commands: open a round, close its call for bids, decide the allocation, decide an appeal. The
 * budget processes' delegates and listeners read and check their forms, call these, and show the results.
 */
@Service
public class BudgetRounds {

  /**
   * @param scope a region, or {@code GLOBAL}
   * @param regionMinimums of a global round: the least each region receives; empty otherwise
   */
  public record OpenRound(String name, String scope, int year, long envelope, BigDecimal reservePercent,
      Map<String, Long> regionMinimums, LocalDate callDeadline, List<String> committee, String chair,
      String openedBy, String processInstanceId) {

    public boolean global() {
      return BudgetRound.GLOBAL.equals(scope);
    }
  }

  /** @param callDeadline when the call closes, as the forms show it */
  public record RoundOpened(long roundNo, String roundId, String callDeadline) {}

  /** @param eligibleBids the bids the committee now scores; none closes the round */
  public record CallClosed(int eligibleBids) {}

  /**
   * The chair's decision on the recommended allocation.
   *
   * @param overrides empty when the chair accepts the recommendation as it is; in the form's order
   * @param useReserve the chair may fund beyond envelope − reserve, never beyond the envelope
   */
  public record DecideAllocation(long roundNo, List<ChairOverride> overrides, boolean useReserve, String note,
      String chair) {}

  /** One bid the chair funds or leaves unfunded against the recommendation, and why. */
  public record ChairOverride(String bidId, boolean fund, String reason) {}

  /** @param funded the bids now funded; @param reserveDrawn how much of the reserve they take */
  public record AllocationDecided(List<String> funded, long totalCost, long reserveDrawn) {}

  public record DecideAppeal(long bidNo, boolean upheld, String response, String reviewer) {}

  public record AppealDecided(String bidId, boolean upheld) {}

  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final AppealRepository appeals;
  private final BudgetAudit audit;
  private final Notifications notifications;
  private final CycleCalendar calendar;
  private final Clock clock;

  public BudgetRounds(BudgetRoundRepository rounds, BidRepository bids, AppealRepository appeals, BudgetAudit audit,
      Notifications notifications, CycleCalendar calendar, Clock clock) {
    this.rounds = rounds;
    this.bids = bids;
    this.appeals = appeals;
    this.audit = audit;
    this.notifications = notifications;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Registers the round as the open one of its scope; refused when the scope already has an open round. */
  public RoundOpened open(OpenRound command) {
    BudgetRound round = new BudgetRound(0, command.name(), command.scope(), command.year(), command.envelope(),
        command.reservePercent(), command.regionMinimums(), calendar.endOf(command.callDeadline()).toInstant(),
        command.chair(), BudgetRound.Status.OPEN, 0, 0, 0, command.processInstanceId());
    long roundNo = rounds.insert(round, command.committee(), command.openedBy(), clock.instant());
    try {
      rounds.claimScope(command.scope(), roundNo);
    } catch (DuplicateKeyException e) {
      throw new InvalidFormData(command.global() ? "level" : "region",
          "a budget round for " + command.scope() + " is already open; one open round per region and one global");
    }
    audit.record(roundNo, null, BudgetAudit.Action.ROUND_OPENED, command.openedBy(), null,
        command.name() + " · " + command.scope() + " · envelope " + command.envelope() + " · reserve "
            + command.reservePercent().toPlainString() + " % · call closes " + command.callDeadline()
            + " · committee " + command.committee() + " · chair " + command.chair(), null);
    return new RoundOpened(roundNo, BudgetIds.round(roundNo),
        round.callDeadlineText(calendar.properties().timeZone()));
  }

  /** The ids of the round's bids still waiting for the call to close. */
  public List<String> submittedBids(long roundNo) {
    return bids.findByRoundAndStatus(roundNo, Bid.Status.SUBMITTED).stream().map(Bid::id).toList();
  }

  /**
   * Closes the call once every submitted bid has been told: the scope is free for the next round, and the round
   * waits for its eligible bids' scores, or closes when there are none.
   */
  public CallClosed closeCall(long roundNo) {
    int eligible = (int) bids.findByRound(roundNo).stream()
        .filter(b -> b.status() == Bid.Status.ELIGIBLE || b.status() == Bid.Status.SCORED).count();
    rounds.releaseScope(roundNo);
    if (eligible == 0) {
      rounds.updateStatus(roundNo, BudgetRound.Status.CLOSED);
    } else {
      rounds.startScoring(roundNo, eligible);
    }
    return new CallClosed(eligible);
  }

  /** The ids of the round's scored bids, those the chair decides on. */
  public List<String> scoredBids(long roundNo) {
    return bids.findByRoundAndStatus(roundNo, Bid.Status.SCORED).stream().map(Bid::id).toList();
  }

  /**
   * Records the chair's decision: the recommendation with the chair's overrides, which must keep exclusivity groups
   * and requirements and stay within envelope − reserve unless the chair draws on the reserve (never beyond the
   * envelope). Every scored bid becomes funded or unfunded with its reason; each override, the reserve drawn and the
   * decision go to the audit trail.
   *
   * @throws InvalidFormData naming the form's field when the decision breaks one of these rules
   */
  public AllocationDecided decide(DecideAllocation command) {
    BudgetRound round = rounds.find(command.roundNo())
        .orElseThrow(() -> new IllegalStateException("no round " + BudgetIds.round(command.roundNo())));
    AllocationResult recommended = rounds.recommendation(round.roundNo()).map(Recommendation::result)
        .orElseThrow(() -> new IllegalStateException("round " + round.id() + " has no recommendation"));
    Map<String, Bid> scored = bids.findByRoundAndStatus(round.roundNo(), Bid.Status.SCORED).stream()
        .collect(Collectors.toMap(Bid::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Set<String> funded = new LinkedHashSet<>(recommended.funded());
    for (int i = 0; i < command.overrides().size(); i++) {
      ChairOverride override = command.overrides().get(i);
      if (!scored.containsKey(override.bidId())) {
        throw new InvalidFormData("overrides[" + i + "].bidId", override.bidId() + " is not a scored bid of "
            + round.id());
      }
      if (override.fund() == recommended.funded().contains(override.bidId())) {
        throw new InvalidFormData("overrides[" + i + "].action", override.bidId() + " is "
            + (override.fund() ? "already" : "not") + " funded in the recommendation");
      }
      if (override.fund()) {
        funded.add(override.bidId());
      } else {
        funded.remove(override.bidId());
      }
    }
    checkGroupsAndRequirements(funded, scored);
    long total = funded.stream().mapToLong(id -> scored.get(id).content().cost()).sum();
    long available = round.envelope() - round.reserve();
    if (total > round.envelope()) {
      throw new InvalidFormData("overrides", "the funded bids cost " + total + ", above the envelope of "
          + round.envelope());
    }
    if (total > available && !command.useReserve()) {
      throw new InvalidFormData("useReserve", "the funded bids cost " + total + ", above the " + available
          + " available: draw on the reserve, or fund less");
    }
    long reserveDrawn = Math.max(0, total - available);
    recordDecision(round, scored, recommended, funded, command, reserveDrawn, total);
    return new AllocationDecided(List.copyOf(funded), total, reserveDrawn);
  }

  private void recordDecision(BudgetRound round, Map<String, Bid> scored, AllocationResult recommended,
      Set<String> funded, DecideAllocation command, long reserveDrawn, long total) {
    String chair = command.chair();
    Map<String, String> overrideReasons = new HashMap<>();
    for (ChairOverride o : command.overrides()) {
      overrideReasons.put(o.bidId(), o.reason());
      audit.record(round.roundNo(), scored.get(o.bidId()).bidNo(), BudgetAudit.Action.OVERRIDE, chair,
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
          command.note());
    }
    audit.record(round.roundNo(), null, BudgetAudit.Action.DECISION, chair,
        "recommended " + recommended.funded() + " · cost " + recommended.totalCost(),
        "funded " + funded + " · cost " + total, command.note());
    rounds.recordDecision(round.roundNo(), reserveDrawn, command.note(), chair, clock.instant());
  }

  private static String describe(AllocationResult.Unfunded unfunded) {
    return unfunded.reason().code() + (unfunded.detail() == null ? "" : ": " + unfunded.detail());
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

  /**
   * Upholds an appeal (the bid is funded from the round's reserve, refused when the reserve is too small) or
   * rejects it; the KAM receives the response.
   */
  public AppealDecided decideAppeal(DecideAppeal command) {
    Bid bid = bids.find(command.bidNo())
        .orElseThrow(() -> new IllegalStateException("no bid " + BudgetIds.bid(command.bidNo())));
    boolean upheld = command.upheld();
    if (upheld) {
      long cost = bid.content().cost();
      if (!rounds.drawReserve(bid.roundNo(), cost)) {
        BudgetRound round = rounds.find(bid.roundNo())
            .orElseThrow(() -> new IllegalStateException("no round " + bid.roundId()));
        throw new InvalidFormData("appealDecision", "the round's reserve has " + round.reserveLeft()
            + " left, less than the bid's cost of " + cost + ": the appeal cannot be upheld with funding");
      }
      bids.fundFromReserve(bid.bidNo(), "appeal upheld: " + command.response());
    }
    appeals.decide(bid.bidNo(), upheld ? "UPHELD" : "REJECTED", command.response(), command.reviewer(),
        clock.instant());
    audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.APPEAL_DECISION, command.reviewer(), "not funded",
        upheld ? "funded from the reserve" : "not funded", command.response());
    notifications.send(bid.kam(), "Appeal of bid " + bid.id() + (upheld ? " upheld" : " rejected"),
        "Your appeal of bid " + bid.id() + " (" + bid.content().title() + ") was " + (upheld
            ? "upheld: the bid is funded from the round's reserve." : "rejected.") + "\n\n" + command.response());
    return new AppealDecided(bid.id(), upheld);
  }
}
