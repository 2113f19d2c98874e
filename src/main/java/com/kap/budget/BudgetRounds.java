package com.kap.budget;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.notifications.Notifications;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The budget rounds' commands: open a round, close its call for bids, decide an appeal. The budget processes'
 * delegates and listeners read and check their forms, call these, and show the results.
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
