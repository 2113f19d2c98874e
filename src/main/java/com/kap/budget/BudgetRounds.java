package com.kap.budget;

import com.kap.budget.internal.AllocationRecommender;
import com.kap.budget.internal.AllocationView;
import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.RegionMinimums;
import com.kap.budget.internal.RoundFacts;
import com.kap.budget.internal.ScorecardWeights;
import com.kap.budget.internal.SegmentEnvelopes;
import com.kap.platform.forms.Problem;
import com.kap.platform.rules.WeightsRefused;
import com.kap.planning.AccountPlans;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Plural;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.platform.web.PublicLinks;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The budget rounds' commands: open a round, close its call for bids (at the deadline or early), propose, decide and
 * publish the allocation, decide an appeal. The budget processes' delegates and listeners hand over their forms and
 * the round's business key, call these, and show the results; the forms are checked here.
 */
@Service
public class BudgetRounds {

  /**
   * @param scope a region, or {@code GLOBAL}
   * @param regionMinimums of a global round: the least each region receives; empty otherwise
   */
  public record OpenRound(String name, String scope, int year, long envelope, BigDecimal reservePercent,
      Map<String, Long> regionMinimums, LocalDate callDeadline, List<String> committee, String chair,
      String openedBy, String processInstanceId, boolean segmentEnvelopes) {

    public boolean global() {
      return BudgetRound.GLOBAL.equals(scope);
    }
  }

  /**
   * @param name the round's name; @param callDeadline when the call closes, as "Close the call early" shows it, in
   *     the chair's language
   */
  public record RoundOpened(long roundNo, String roundId, String name, String callDeadline) {}

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

  public static final String ACCEPT = "accept";
  public static final String OVERRIDE = "override";
  public static final String UPHOLD = "uphold";
  public static final String REJECT = "reject";

  private static final long MAX_ENVELOPE = 1_000_000_000_000L;

  private final RoundFacts roundFacts;
  private final BidFacts bidFacts;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final AppealRepository appeals;
  private final BudgetAudit audit;
  private final AllocationRecommender recommender;
  private final Mails mails;
  private final Portfolio accounts;
  private final AccountPlans plans;
  private final KnownUsers users;
  private final CycleCalendar calendar;
  private final Clock clock;
  private final PublicLinks links;
  private final ScorecardWeights scorecardWeights;
  private final SegmentEnvelopes segmentEnvelopes;
  private final UserLocales locales;
  private final MessageSource messages;

  public BudgetRounds(RoundFacts roundFacts, BidFacts bidFacts, BudgetRoundRepository rounds, BidRepository bids,
      AppealRepository appeals, BudgetAudit audit, AllocationRecommender recommender, Mails mails,
      Portfolio accounts, AccountPlans plans, KnownUsers users, CycleCalendar calendar, Clock clock,
      PublicLinks links, ScorecardWeights scorecardWeights, SegmentEnvelopes segmentEnvelopes, UserLocales locales,
      MessageSource messages) {
    this.locales = locales;
    this.messages = messages;
    this.scorecardWeights = scorecardWeights;
    this.segmentEnvelopes = segmentEnvelopes;
    this.roundFacts = roundFacts;
    this.bidFacts = bidFacts;
    this.rounds = rounds;
    this.bids = bids;
    this.appeals = appeals;
    this.audit = audit;
    this.recommender = recommender;
    this.mails = mails;
    this.accounts = accounts;
    this.plans = plans;
    this.users = users;
    this.calendar = calendar;
    this.clock = clock;
    this.links = links;
  }

  /**
   * Checks the programme director's start form on the server, every problem at once, and opens the round.
   *
   * @param reservePercentGiven whether the form has a reserve at all; without one the reserve is 10 %
   */
  public RoundOpened open(FormValues values, boolean reservePercentGiven, String openedBy, String processInstanceId) {
    FormProblems problems = new FormProblems(); // every problem of the start form at once
    String name = problems.check(() -> values.text("name", true, 200)).orElse(null);
    String level = problems.check(() -> values.choice("level", List.of("global", "regional"), true)).orElse(null);
    String scope = level == null ? null : "global".equals(level) ? BudgetRound.GLOBAL
        : problems.check(() -> region(values)).orElse(null);
    Integer year = problems.check(() -> {
      int asked = values.integer("year", 2000, 2200);
      if (plans.plans(asked).isEmpty()) {
        throw new InvalidFormData("year", Problem.of("round.noPlans", asked));
      }
      return asked;
    }).orElse(null);
    Long envelope = problems.check(() -> values.wholeNumber("envelope", 1, MAX_ENVELOPE)).orElse(null);
    BigDecimal reservePercent = !reservePercentGiven ? BigDecimal.TEN
        : problems.check(() -> values.decimal("reservePercent", BigDecimal.ZERO, BigDecimal.valueOf(50), 2))
            .orElse(null);
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    LocalDate deadline = problems.check(() -> {
      LocalDate asked = values.date("callDeadline", true);
      if (asked.isBefore(today)) {
        throw new InvalidFormData("callDeadline", Problem.of("date.past", asked));
      }
      return asked;
    }).orElse(null);
    List<String> committee = problems.check(() -> committee(values.textList("committee", true, 64)))
        .orElse(List.of());
    String chair = problems.check(() -> {
      String asked = values.text("chair", true, 64);
      if (!committee.isEmpty() && !committee.contains(asked)) {
        throw new InvalidFormData("chair", Problem.of("round.chair", committee, asked));
      }
      return asked;
    }).orElse(null);
    problems.throwIfAny();
    Map<String, Long> regionMinimums = "global".equals(level) ? RegionMinimums.read("regionMinimums",
        values.text("regionMinimums", false, 1000), accounts.regions(), envelope) : Map.of();
    return open(new OpenRound(name, scope, year, envelope, reservePercent, regionMinimums, deadline, committee, chair,
        openedBy, processInstanceId, values.flag("segmentEnvelopes")));
  }

  private String region(FormValues values) {
    String region = values.text("region", true, 64);
    List<String> known = accounts.regions();
    if (!known.contains(region)) {
      throw new InvalidFormData("region", Problem.of("region", known, region));
    }
    return region;
  }

  private List<String> committee(List<String> ids) {
    Set<String> directors = users.membersOf(Roles.DIRECTOR);
    List<String> strangers = ids.stream().filter(id -> !directors.contains(id)).toList();
    if (!strangers.isEmpty()) {
      throw new InvalidFormData("committee", Problem.of("round.notDirectors", strangers));
    }
    if (ids.isEmpty()) {
      throw new InvalidFormData("committee", Problem.of("round.noDirector"));
    }
    return List.copyOf(ids);
  }

  /** Registers the round as the open one of its scope; refused when the scope already has an open round. */
  public RoundOpened open(OpenRound command) {
    try {
      scorecardWeights.latest();
    } catch (WeightsRefused e) {
      throw new InvalidFormData("name", Problem.of("round.cannotOpen", e.getMessage()));
    }
    BudgetRound round = new BudgetRound(0, command.name(), command.scope(), command.year(), command.envelope(),
        command.reservePercent(), command.regionMinimums(), calendar.endOf(command.callDeadline()).toInstant(),
        command.chair(), RoundStatus.OPEN, 0, 0, 0, command.processInstanceId());
    long roundNo = rounds.insert(round, command.committee(), command.openedBy(), clock.instant());
    try {
      rounds.claimScope(command.scope(), roundNo);
    } catch (DuplicateKeyException e) {
      throw new InvalidFormData(command.global() ? "level" : "region",
          Problem.of("round.open", command.scope()));
    }
    scorecardWeights.recordForRound(BudgetIds.round(roundNo), command.name());
    if (command.segmentEnvelopes()) {
      rounds.enableSegmentEnvelopes(roundNo);
    }
    audit.record(roundNo, null, AuditAction.ROUND_OPENED, command.openedBy(), null,
        command.name() + " · " + command.scope() + " · envelope " + command.envelope() + " · reserve "
            + command.reservePercent().toPlainString() + " % · call closes " + command.callDeadline()
            + " · committee " + command.committee() + " · chair " + command.chair()
            + (command.segmentEnvelopes() ? " · segment envelopes" : ""), null);
    // "Close the call early" is the chair's: the deadline in the chair's language
    return new RoundOpened(roundNo, BudgetIds.round(roundNo), command.name(),
        round.callDeadlineText(calendar.properties().timeZone(), locales.of(command.chair())));
  }

  /** The ids of the round's bids still waiting for the call to close. */
  public List<String> submittedBids(String roundId) {
    return bids.findByRoundAndStatus(roundFacts.round(roundId).roundNo(), BidStatus.SUBMITTED).stream()
        .map(Bid::id).toList();
  }

  /**
   * The chair closes the call before its deadline: the reason is required, and only the round's chair (from KAP's
   * tables, never from a variable) may close the call; who closed it and why go to the round's audit trail.
   *
   * @param user who completes the task; null when nobody is signed in, which counts as the chair
   */
  public void closeCallEarly(String roundId, FormValues values, String user) {
    BudgetRound round = roundFacts.round(roundId);
    String closedBy = user == null ? round.chair() : user;
    if (!round.chair().equals(closedBy)) {
      // an administrator may reassign the task; the call is still the chair's to close
      throw new AuthorizationException("only the chair of round " + round.id() + " (" + round.chair()
          + ") may close its call early, not " + closedBy);
    }
    String reason = values.text("closeReason", true, BidForm.LONG_TEXT);
    audit.record(round.roundNo(), null, AuditAction.CALL_CLOSED_EARLY, closedBy, "call open until "
        + round.callDeadline(), "call closed", reason);
  }

  /**
   * Closes the call once every submitted bid has been told: the scope is free for the next round, and the round
   * waits for its eligible bids' scores, or closes when there are none.
   */
  public CallClosed closeCall(String roundId) {
    long roundNo = roundFacts.round(roundId).roundNo();
    int eligible = (int) bids.findByRound(roundNo).stream()
        .filter(b -> b.status() == BidStatus.ELIGIBLE || b.status() == BidStatus.SCORED).count();
    rounds.releaseScope(roundNo);
    if (eligible == 0) {
      rounds.updateStatus(roundNo, RoundStatus.CLOSED);
    } else {
      rounds.startScoring(roundNo, eligible);
    }
    return new CallClosed(eligible);
  }

  /**
   * Once every eligible bid is scored: the optimiser's exact proposal within envelope − reserve, stored for the chair
   * with the reason for every unfunded bid and the benefit at ±10 % budget, and recorded in the audit trail.
   *
   * @return the variables "Decide allocation" shows; what KAP writes there in the chair's language, the form's reader
   */
  public Map<String, Object> proposeAllocation(String roundId) {
    BudgetRound round = roundFacts.round(roundId);
    List<Bid> roundBids = bids.findByRound(round.roundNo());
    // each bidding account read once: up to three optimiser problems want their regions, the view their names
    Map<String, Account> bidders = new HashMap<>();
    for (String accountId : roundBids.stream().map(Bid::accountId).distinct().toList()) {
      accounts.account(accountId).ifPresent(account -> bidders.put(accountId, account));
    }
    AllocationRecommender.Envelopes envelopes = null;
    if (rounds.segmentEnvelopes(round.roundNo())) {
      Map<String, String> segmentOfBid = new HashMap<>();
      for (Bid bid : roundBids) {
        segmentOfBid.put(bid.id(), bidFacts.segment(bid, round).label());
      }
      envelopes = new AllocationRecommender.Envelopes(segmentOfBid,
          segmentEnvelopes.of(round.envelope() - round.reserve()));
    }
    AllocationRecommender.Recommended recommended = recommender.recommendSaid(round, roundBids, bidders, envelopes);
    Recommendation recommendation = recommended.recommendation();
    rounds.saveRecommendation(round.roundNo(), recommendation);
    AllocationResult result = recommendation.result();
    audit.record(round.roundNo(), null, AuditAction.RECOMMENDATION, null, null,
        "fund " + result.funded() + " · cost " + result.totalCost() + " · benefit "
            + result.totalBenefit().toPlainString() + (result.optimal() ? " · proven optimal"
            : " · not proven optimal, might fall short by " + result.gap().toPlainString()),
        recommendation.warning());
    return AllocationView.variables(round, roundBids, accountId -> bidders.containsKey(accountId)
        ? bidders.get(accountId).name() : accountId, recommendation, recommended.warning(), messages,
        locales.of(round.chair()));
  }

  /**
   * Reads the chair's "Decide allocation" form (the recommendation as it is, or with single bids funded or unfunded,
   * each with a reason) and records it with {@link #decide(DecideAllocation)}, which checks the result.
   *
   * @param user who completes the task; null when nobody is signed in, which counts as the chair
   */
  public AllocationDecided decide(String roundId, FormValues values, String user) {
    BudgetRound round = roundFacts.round(roundId);
    String decision = values.choice("decision", List.of(ACCEPT, OVERRIDE), true);
    List<ChairOverride> overrides = OVERRIDE.equals(decision)
        ? overrides(values, scoredBids(round.roundNo())) : List.of();
    boolean useReserve = values.flag("useReserve");
    String note = values.text("decisionNote", false, BidForm.LONG_TEXT);
    return decide(new DecideAllocation(round.roundNo(), overrides, useReserve, note,
        user == null ? round.chair() : user));
  }

  private static List<ChairOverride> overrides(FormValues values, List<String> scored) {
    List<Map<String, Object>> entries = values.objectList("overrides");
    if (entries.isEmpty()) {
      throw new InvalidFormData("overrides", Problem.of("allocation.noOverride"));
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
        throw new InvalidFormData(path + ".bidId", Problem.of("allocation.twice", bidId));
      }
      overrides.add(new ChairOverride(bidId, "fund".equals(action), reason));
    }
    return overrides;
  }

  /** The ids of the round's scored bids, those the chair decides on. */
  public List<String> scoredBids(long roundNo) {
    return bids.findByRoundAndStatus(roundNo, BidStatus.SCORED).stream().map(Bid::id).toList();
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
    Map<String, Bid> scored = bids.findByRoundAndStatus(round.roundNo(), BidStatus.SCORED).stream()
        .collect(Collectors.toMap(Bid::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Set<String> funded = new LinkedHashSet<>(recommended.funded());
    for (int i = 0; i < command.overrides().size(); i++) {
      ChairOverride override = command.overrides().get(i);
      if (!scored.containsKey(override.bidId())) {
        throw new InvalidFormData("overrides[" + i + "].bidId", Problem.of("allocation.notScored",
            override.bidId(), round.id()));
      }
      if (override.fund() == recommended.funded().contains(override.bidId())) {
        throw new InvalidFormData("overrides[" + i + "].action", Problem.of(override.fund()
            ? "allocation.alreadyFunded" : "allocation.notFunded", override.bidId()));
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
      throw new InvalidFormData("overrides", Problem.of("allocation.aboveEnvelope", total,
          round.envelope()));
    }
    if (total > available && !command.useReserve()) {
      throw new InvalidFormData("useReserve", Problem.of("allocation.aboveAvailable", total,
          available));
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
      audit.record(round.roundNo(), scored.get(o.bidId()).bidNo(), AuditAction.OVERRIDE, chair,
          o.fund() ? "not funded" : "funded", o.fund() ? "funded" : "not funded", o.reason());
    }
    Map<String, AllocationResult.Unfunded> why = recommended.unfunded().stream()
        .collect(Collectors.toMap(AllocationResult.Unfunded::id, Function.identity()));
    for (Bid bid : scored.values()) {
      boolean isFunded = funded.contains(bid.id());
      String reason = overrideReasons.containsKey(bid.id())
          ? UnfundedReasons.byTheChair(overrideReasons.get(bid.id()))
          : isFunded ? null : why.containsKey(bid.id()) ? UnfundedReasons.statusReason(why.get(bid.id())) : null;
      bids.updateStatus(bid.bidNo(), isFunded ? BidStatus.FUNDED : BidStatus.UNFUNDED, reason);
    }
    if (reserveDrawn > 0) {
      audit.record(round.roundNo(), null, AuditAction.RESERVE_DRAWN, chair, "0", String.valueOf(reserveDrawn),
          command.note());
    }
    audit.record(round.roundNo(), null, AuditAction.DECISION, chair,
        "recommended " + recommended.funded() + " · cost " + recommended.totalCost(),
        "funded " + funded + " · cost " + total, command.note());
    rounds.recordDecision(round.roundNo(), reserveDrawn, command.note(), chair, clock.instant());
  }

  private static void checkGroupsAndRequirements(Set<String> funded, Map<String, Bid> scored) {
    Map<String, String> fundedByGroup = new HashMap<>();
    for (String id : funded) {
      BidContent content = scored.get(id).content();
      if (content.exclusiveGroup() != null) {
        String other = fundedByGroup.putIfAbsent(content.exclusiveGroup(), id);
        if (other != null) {
          throw new InvalidFormData("overrides", Problem.of("allocation.alternatives", other, id,
              content.exclusiveGroup()));
        }
      }
      if (content.requiresBid() != null && !funded.contains(BudgetIds.bid(content.requiresBid()))) {
        throw new InvalidFormData("overrides", Problem.of("allocation.requires", id,
            BudgetIds.bid(content.requiresBid())));
      }
    }
  }

  /**
   * After the chair's decision: each decided bid learns its outcome ({@code tellBid} with the bid's id, in the
   * round's order), and each KAM by mail; the round is published.
   */
  public void publishAllocation(String roundId, Consumer<String> tellBid) {
    BudgetRound round = roundFacts.round(roundId);
    String note = rounds.decisionNote(round.roundNo()).orElse(null);
    int funded = 0;
    for (Bid bid : bids.findByRound(round.roundNo())) {
      if (bid.status() != BidStatus.FUNDED && bid.status() != BidStatus.UNFUNDED) {
        continue;
      }
      boolean isFunded = bid.status() == BidStatus.FUNDED;
      funded += isFunded ? 1 : 0;
      tellBid.accept(bid.id());
      // the reason in the KAM's language: the mail is theirs
      mails.send(bid.kam(), allocationMail(bid.id(), bid.content().title(), round.name(), isFunded,
          UnfundedReasons.statusReason(bid.statusReason(), messages, locales.of(bid.kam())), note,
          links.tasklist()));
    }
    rounds.updateStatus(round.roundNo(), RoundStatus.PUBLISHED);
    audit.record(round.roundNo(), null, AuditAction.PUBLISHED, null, null, Plural.count(funded, "bid", "bids") + " funded", null);
  }

  /**
   * Reads a global committee member's "Review appeal" form (upheld or rejected, with reasons the KAM receives) and
   * decides the appeal with {@link #decideAppeal(DecideAppeal)}. Refused to a member who sat on the deciding committee
   * or sponsors the account, unless nobody else may review it.
   *
   * @param bidId the bid's business key (B-12); @param reviewer null when nobody is signed in
   */
  public AppealDecided decideAppeal(String bidId, FormValues values, String reviewer) {
    Bid bid = bidFacts.bid(bidId);
    List<String> reviewers = bidFacts.appealReviewers(bid);
    if (reviewer != null && !reviewers.isEmpty() && !reviewers.contains(reviewer)) {
      throw new InvalidFormData("appealDecision", Problem.of("appeal.notReviewer", reviewer,
          reviewers));
    }
    boolean upheld = UPHOLD.equals(values.choice("appealDecision", List.of(UPHOLD, REJECT), true));
    String response = values.text("appealResponse", true, BidForm.LONG_TEXT);
    return decideAppeal(new DecideAppeal(bid.bidNo(), upheld, response, reviewer));
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
        throw new InvalidFormData("appealDecision", Problem.of("appeal.reserve", round.reserveLeft(),
            cost));
      }
      bids.fundFromReserve(bid.bidNo(), UnfundedReasons.appealUpheld(command.response()));
    }
    appeals.decide(bid.bidNo(), upheld ? "UPHELD" : "REJECTED", command.response(), command.reviewer(),
        clock.instant());
    audit.record(bid.roundNo(), bid.bidNo(), AuditAction.APPEAL_DECISION, command.reviewer(), "not funded",
        upheld ? "funded from the reserve" : "not funded", command.response());
    mails.send(bid.kam(), appealMail(bid.id(), bid.content().title(), upheld, command.response()));
    return new AppealDecided(bid.id(), upheld);
  }

  /** The KAM's mail on the round's decision: funded, or not (why, and the appeal), the committee's note after. */
  static Mail allocationMail(String bidId, String title, String roundName, boolean funded, String reason, String note,
      String tasklist) {
    Mail mail = funded ? Mail.of("bidFunded", bidId, title, roundName)
        : Mail.of("bidNotFunded", bidId, title, roundName, reason, tasklist);
    return note == null ? mail : mail.thenText("committeeNote", note);
  }

  /** The KAM's mail on the appeal's decision, the reviewer's response after it. */
  static Mail appealMail(String bidId, String title, boolean upheld, String response) {
    return Mail.of(upheld ? "appealUpheld" : "appealRejected", bidId, title).then(response);
  }
}
