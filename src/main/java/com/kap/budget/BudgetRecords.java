package com.kap.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetDates;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.ScoreRepository;
import com.kap.planning.CycleCalendar;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Rounds, bids, scorecards and the audit trail as each role may see them. KAMs see their own bids, and their
 * scorecards once the allocation is published; directors and the programme director see bids once the call has
 * closed, and other members' scores of a bid only once every member has scored it. What the signed-in user may
 * not see is refused with an {@link ApiException}: 403, or 404 when it does not exist.
 */
@Service
public class BudgetRecords {

  private static final Set<RoundStatus> DECIDED = EnumSet.of(RoundStatus.PUBLISHED);

  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final ScoreRepository scores;
  private final AppealRepository appeals;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final TaskService taskService;
  private final CycleCalendar calendar;
  private final Portfolio portfolio;

  public BudgetRecords(BudgetRoundRepository rounds, BidRepository bids, ScoreRepository scores,
      AppealRepository appeals, BudgetAudit audit, CurrentUser currentUser,
      TaskService taskService, CycleCalendar calendar, Portfolio portfolio) {
    this.rounds = rounds;
    this.bids = bids;
    this.scores = scores;
    this.appeals = appeals;
    this.audit = audit;
    this.currentUser = currentUser;
    this.taskService = taskService;
    this.calendar = calendar;
    this.portfolio = portfolio;
  }

  public record RoundView(String id, String name, String scope, int planYear, long envelope, long reserve,
      long reserveLeft, Instant callDeadline, String chair, List<String> committee, RoundStatus status) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RoundDetail(RoundView round, List<BidView> bids, Recommendation recommendation) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BidView(String id, String roundId, String accountId, String kam, BidContent content, int revision,
      BidStatus status, String statusReason, BigDecimal benefit, boolean fundedFromReserve,
      List<ScorecardView> scorecards, List<Recusal> recusals, List<Calibration> calibrations,
      Appeal appeal) {}

  /** Scores keyed by criterion (strategicFit, riskAdjustedValue, …), as in the forms and the audit trail. */
  public record ScorecardView(String member, Map<String, Integer> scores, String comment, Instant scoredAt) {}

  public List<RoundView> rounds() {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    return rounds.findAll().stream().map(this::view).toList();
  }

  public RoundDetail round(String roundId) {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    BudgetRound round = find(roundId);
    boolean callClosed = round.status() != RoundStatus.OPEN;
    List<BidView> roundBids = callClosed ? bids.findByRound(round.roundNo()).stream().map(this::view).toList() : null;
    return new RoundDetail(view(round), roundBids, callClosed ? rounds.recommendation(round.roundNo()).orElse(null) : null);
  }

  /**
   * The round as {@link #round(String)} has it, its recommendation's warning and reasons for the bids it leaves out
   * in the reader's language ({@link Recommendation#said}).
   */
  public RoundDetail round(String roundId, MessageSource texts, Locale reader) {
    RoundDetail detail = round(roundId);
    return detail.recommendation() == null ? detail
        : new RoundDetail(detail.round(), detail.bids(), detail.recommendation().said(texts, reader));
  }

  /**
   * Every score, recusal, calibration, override, decision and appeal: directors and the programme director; scores of
   * a bid still being scored only to the member who gave them.
   */
  public List<AuditEntry> audit(String roundId) {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    BudgetRound round = find(roundId);
    List<AuditEntry> entries = audit.entries(round.roundNo());
    // blind scoring: others' scores of a bid show only once every member has scored it, whoever asks
    Set<String> scoringOpen = bids.findByRoundAndStatus(round.roundNo(), BidStatus.ELIGIBLE).stream().map(Bid::id)
        .collect(java.util.stream.Collectors.toSet());
    String user = currentUser.id();
    // the same rule as the bids themselves: nothing of a bid shows before the call has closed, whoever asks
    boolean callOpen = round.status() == RoundStatus.OPEN;
    return entries.stream().filter(e -> !(callOpen && e.bidId() != null))
        .filter(e -> e.action() != AuditAction.SCORE || !scoringOpen.contains(e.bidId())
            || user.equals(e.actor())).toList();
  }

  /** A KAM's own bids. */
  public List<BidView> myBids() {
    return bids.findByKam(currentUser.id()).stream().map(this::view).toList();
  }

  /**
   * A KAM's bid as "My bids" shows it: the bid as {@link #myBids()} has it, with its round's name, state and call
   * deadline, and while the KAM may appeal, when that window closes.
   */
  public record MyBid(BidView bid, String accountName, String roundName, RoundStatus roundStatus,
      String callDeadline, String appealDeadline) {}

  /** The logged-in KAM's bids, newest round first. */
  public List<MyBid> myBidsWithRounds() {
    String kam = currentUser.id();
    List<Bid> mine = bids.findByKam(kam);
    // an unfunded bid may be appealed until its "Consider appeal" task is due; one task per bid at most
    String[] mayAppeal = mine.stream().filter(bid -> bid.status() == BidStatus.UNFUNDED)
        .map(Bid::processInstanceId).toArray(String[]::new);
    Map<String, Instant> appealDue = new HashMap<>();
    if (mayAppeal.length > 0) {
      for (Task task : taskService.createTaskQuery().processInstanceIdIn(mayAppeal)
          .taskDefinitionKey("considerAppeal").listPage(0, Math.min(mayAppeal.length, 1000))) {
        if (task.getDueDate() != null) {
          appealDue.put(task.getProcessInstanceId(), task.getDueDate().toInstant());
        }
      }
    }
    Map<String, String> accountNames = new HashMap<>();
    return mine.stream()
        .sorted(Comparator.comparingLong(Bid::roundNo).reversed().thenComparingLong(Bid::bidNo))
        .map(bid -> {
          BudgetRound round = rounds.find(bid.roundNo()).orElseThrow();
          Instant appealBy = appealDue.get(bid.processInstanceId());
          String accountName = accountNames.computeIfAbsent(bid.accountId(),
              id -> portfolio.account(id).map(Account::name).orElse(id));
          return new MyBid(view(bid), accountName, round.name(), round.status(),
              round.callDeadlineText(calendar.properties().timeZone()),
              appealBy == null ? null : BudgetDates.endOfDay(appealBy, calendar.properties().timeZone()));
        }).toList();
  }

  /** A bid of an account as its page shows it: the bid as {@link #bid} has it, with its round. */
  public record AccountBid(BidView bid, String roundName, int planYear, RoundStatus roundStatus) {}

  /**
   * The account's bids the signed-in user may see, newest round first: each bid exactly as {@link #bid} shows it to
   * them (the KAM who submitted it; directors, the programme director and the admin once its round's call has
   * closed), with the scores blind as there. Bids the user may not see are left out; the caller checks that the
   * account is theirs to see.
   *
   * @return the visible bids, and how many of the account's bids were left out
   */
  public AccountBids accountBids(String accountId) {
    boolean committeeView = currentUser.isIn(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    String user = currentUser.id();
    List<AccountBid> shown = new java.util.ArrayList<>();
    int hidden = 0;
    List<Bid> ofAccount = bids.findByAccount(accountId).stream()
        .sorted(Comparator.comparingLong(Bid::roundNo).reversed().thenComparingLong(Bid::bidNo)).toList();
    for (Bid bid : ofAccount) {
      BudgetRound round = rounds.find(bid.roundNo()).orElseThrow();
      if (bid.kam().equals(user) || (committeeView && round.status() != RoundStatus.OPEN)) {
        shown.add(new AccountBid(view(bid), round.name(), round.planYear(), round.status()));
      } else {
        hidden++;
      }
    }
    return new AccountBids(shown, hidden);
  }

  /** @param hidden how many of the account's bids the user may not see (yet) */
  public record AccountBids(List<AccountBid> bids, int hidden) {}

  public BidView bid(String bidId) {
    long bidNo = BudgetIds.bidNo(bidId).orElseThrow(() -> notFound("error.budget.noBid", bidId));
    Bid bid = bids.find(bidNo).orElseThrow(() -> notFound("error.budget.noBid", bidId));
    boolean ownBid = bid.kam().equals(currentUser.id());
    if (!ownBid) {
      currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
      if (find(bid.roundId()).status() == RoundStatus.OPEN) {
        throw ApiException.of(HttpStatus.FORBIDDEN, "error.bids.notYetVisible", bid.roundId());
      }
    }
    return view(bid);
  }

  private BidView view(Bid bid) {
    BudgetRound round = rounds.find(bid.roundNo()).orElseThrow();
    String user = currentUser.id();
    boolean ownBid = bid.kam().equals(user);
    boolean scoringDone = bid.status() != BidStatus.ELIGIBLE && bid.status() != BidStatus.SUBMITTED;
    List<ScorecardView> cards = scores.scorecards(bid.bidNo()).stream()
        .filter(card -> ownBid ? DECIDED.contains(round.status()) || bid.fundedFromReserve()
            : scoringDone || card.member().equals(user))
        .map(card -> new ScorecardView(card.member(), byKey(card.scores()), card.comment(), card.scoredAt())).toList();
    boolean showScoring = !ownBid || DECIDED.contains(round.status());
    // the chair's decision reaches the KAM with the publication
    boolean decisionHidden = ownBid && !DECIDED.contains(round.status())
        && (bid.status() == BidStatus.FUNDED || bid.status() == BidStatus.UNFUNDED);
    return new BidView(bid.id(), bid.roundId(), bid.accountId(), bid.kam(), bid.content(), bid.revision(),
        decisionHidden ? BidStatus.SCORED : bid.status(), decisionHidden ? null : bid.statusReason(), showScoring ? bid.benefit() : null, bid.fundedFromReserve(),
        showScoring ? cards : null, showScoring ? scores.recusals(bid.bidNo()) : null,
        showScoring && scoringDone ? scores.calibrations(bid.bidNo()) : null, appeals.find(bid.bidNo()).orElse(null));
  }

  private static Map<String, Integer> byKey(Map<ScoreCriterion, Integer> scores) {
    Map<String, Integer> byKey = new java.util.LinkedHashMap<>();
    scores.forEach((criterion, score) -> byKey.put(criterion.key(), score));
    return byKey;
  }

  private RoundView view(BudgetRound round) {
    return new RoundView(round.id(), round.name(), round.scope(), round.planYear(), round.envelope(), round.reserve(),
        round.reserveLeft(), round.callDeadline(), round.chair(), rounds.members(round.roundNo()), round.status());
  }

  private BudgetRound find(String roundId) {
    long roundNo = BudgetIds.roundNo(roundId).orElseThrow(() -> notFound("error.budget.noRound", roundId));
    return rounds.find(roundNo).orElseThrow(() -> notFound("error.budget.noRound", roundId));
  }

  private static ApiException notFound(String key, String id) {
    return ApiException.of(HttpStatus.NOT_FOUND, key, id);
  }
}
