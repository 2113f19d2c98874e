package com.kap.budget.internal;

import com.kap.budget.BidStatus;
import com.kap.budget.Recusal;
import com.kap.planning.CycleCalendar;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.Segment;
import com.kap.portfolio.SegmentationWeights;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What an investment bid's routing depends on, read from KAP's tables by the bid's business key (B-12): who works
 * on it, who scores it, whether it was funded. Task submissions can overwrite process variables, not these.
 */
@Component("bidFacts")
public class BidFacts {

  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final ScoreRepository scores;
  private final Portfolio accounts;
  private final KnownUsers users;
  private final SegmentationWeights weights;
  private final CycleCalendar calendar;
  private final BudgetProperties properties;
  private final Clock clock;

  public BidFacts(BidRepository bids, BudgetRoundRepository rounds, ScoreRepository scores,
      Portfolio accounts, KnownUsers users, SegmentationWeights weights,
      CycleCalendar calendar, BudgetProperties properties, Clock clock) {
    this.weights = weights;
    this.bids = bids;
    this.rounds = rounds;
    this.scores = scores;
    this.accounts = accounts;
    this.users = users;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  public Bid bid(DelegateExecution execution) {
    return bid(execution.getProcessBusinessKey());
  }

  /** The bid by its business key. */
  public Bid bid(String key) {
    long bidNo = BudgetIds.bidNo(key)
        .orElseThrow(() -> new IllegalStateException("an investment bid needs the business key B-<n>, was " + key));
    return bids.find(bidNo).orElseThrow(() -> new IllegalStateException("no bid " + key));
  }

  public BudgetRound round(Bid bid) {
    return rounds.find(bid.roundNo()).orElseThrow(() -> new IllegalStateException("no round " + bid.roundId()));
  }

  public Account account(Bid bid) {
    return accounts.account(bid.accountId())
        .orElseThrow(() -> new IllegalStateException("no account " + bid.accountId()));
  }

  /**
   * The account's segment in the round's planning year, or from its current scores (with the year's weights) when
   * that year has none.
   */
  public Segment segment(Bid bid, BudgetRound round) {
    return accounts.segment(round.planYear(), bid.accountId()).map(CycleSegment::segment)
        .orElseGet(() -> weights.ofCycle(round.planYear()).score(account(bid).scores()).segment());
  }

  /** Assignee of "Revise bid" and "Consider appeal". */
  public String kam(DelegateExecution execution) {
    return bid(execution).kam();
  }

  /** Due date of "Revise bid". */
  public Date callDeadline(DelegateExecution execution) {
    return Date.from(round(bid(execution)).callDeadline());
  }

  /** One "Score bid" task per committee member who is not recused. */
  public List<String> scorers(DelegateExecution execution) {
    return scorers(bid(execution));
  }

  public List<String> scorers(Bid bid) {
    Set<String> recused = scores.recusals(bid.bidNo()).stream().map(Recusal::member)
        .collect(java.util.stream.Collectors.toSet());
    return rounds.members(bid.roundNo()).stream().filter(member -> !recused.contains(member)).toList();
  }

  public boolean needsCalibration(DelegateExecution execution) {
    Bid bid = bid(execution);
    return BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo())).needsCalibration();
  }

  /** Assignee of "Calibrate scores": the chair, or a scoring member when the chair is recused. */
  public String calibrator(DelegateExecution execution) {
    return calibrator(bid(execution));
  }

  public String calibrator(Bid bid) {
    String chair = round(bid).chair();
    List<String> scorers = scorers(bid);
    return scorers.contains(chair) ? chair : scorers.get(0);
  }

  public boolean funded(DelegateExecution execution) {
    return bid(execution).status() == BidStatus.FUNDED;
  }

  /** Due date of the directors' tasks: the end of the n-th working day from now. */
  public Date directorsDue(DelegateExecution execution) {
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    return calendar.endOf(WorkingDays.after(today, properties.taskWorkingDays()));
  }

  /** When the appeal window of an unfunded bid closes: the end of the n-th working day after publication. */
  public Date appealDeadline(DelegateExecution execution) {
    return appealDeadline();
  }

  public Date appealDeadline() {
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    return calendar.endOf(WorkingDays.after(today, properties.appealWorkingDays()));
  }

  /**
   * Candidates of "Review appeal": members of the global committee who did not sit on the deciding committee and do
   * not sponsor the account.
   */
  public List<String> appealReviewers(DelegateExecution execution) {
    return appealReviewers(bid(execution));
  }

  public List<String> appealReviewers(Bid bid) {
    List<String> deciding = rounds.members(bid.roundNo());
    String sponsor = account(bid).sponsor();
    return users.membersOf(Roles.GLOBAL_COMMITTEE).stream()
        .filter(member -> !deciding.contains(member) && !member.equals(sponsor)).sorted().toList();
  }

  /** Only when nobody of the global committee is free of the decision: the programme director finds a reviewer. */
  public List<String> appealFallbackGroups(DelegateExecution execution) {
    return appealReviewers(execution).isEmpty() ? List.of(Roles.PROGRAMME_DIRECTOR) : List.of();
  }
}
