package com.kap.budget;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetDates;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.RequiredBidChoices;
import com.kap.budget.internal.ScoreRepository;
import com.kap.budget.internal.Scorecard;
import com.kap.planning.AccountPlan;
import com.kap.planning.AccountPlans;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.forms.ShownText;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.DecisionTexts;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * An investment bid's commands, from its submission to the KAM's appeal: register, revise or withdraw, record what
 * the eligibility table decided, consider the appeal. The bid's process hands over its forms and the bid's business
 * key (B-12) and shows the variables these return; the forms are checked here.
 */
@Service
public class Bids {

  public static final String REVISE = "revise";
  public static final String WITHDRAW = "withdraw";
  /** An ineligible bid's stored reason when no rule of bidEligibility matched. */
  public static final String NO_ELIGIBILITY_RULE = "no rule of bidEligibility matched";

  /** @param bidId the new bid's id, its process's business key; @param variables what the bid's forms show */
  public record BidRegistered(String bidId, Map<String, Object> variables) {}

  private final BidFacts facts;
  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final ScoreRepository scores;
  private final AppealRepository appeals;
  private final BidForm form;
  private final BudgetAudit audit;
  private final RequiredBidChoices requiredBids;
  private final Portfolio accounts;
  private final AccountPlans plans;
  private final Mails mails;
  private final CycleCalendar calendar;
  private final Clock clock;
  private final UserLocales locales;
  private final Texts texts;

  public Bids(BidFacts facts, BidRepository bids, BudgetRoundRepository rounds, ScoreRepository scores,
      AppealRepository appeals, BidForm form, BudgetAudit audit, RequiredBidChoices requiredBids, Portfolio accounts,
      AccountPlans plans, Mails mails, CycleCalendar calendar, Clock clock, UserLocales locales, Texts texts) {
    this.locales = locales;
    this.texts = texts;
    this.facts = facts;
    this.bids = bids;
    this.rounds = rounds;
    this.scores = scores;
    this.appeals = appeals;
    this.form = form;
    this.audit = audit;
    this.requiredBids = requiredBids;
    this.accounts = accounts;
    this.plans = plans;
    this.mails = mails;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Checks the KAM's bid and enters it into the open round of the account's region (or the global round).
   *
   * @param kam who submits the bid: only the KAM of the account may
   */
  public BidRegistered register(FormValues values, String kam, String processInstanceId) {
    String accountId = values.text("accountId", true, 64);
    Account account = accounts.account(accountId)
        .filter(a -> a.kam().equals(kam))
        .orElseThrow(() -> new InvalidFormData("accountId", Problem.of("bid.notYourAccount", accountId)));
    BudgetRound round = rounds.openRoundFor(account.region())
        .filter(r -> r.callDeadline().isAfter(clock.instant()))
        .orElseThrow(() -> new InvalidFormData("accountId", Problem.of("bid.noRound",
            account.region())));
    BidContent content = form.read(values, round, null);
    long bidNo = bids.insert(round.roundNo(), accountId, kam, content, processInstanceId, clock.instant());
    Bid bid = bids.find(bidNo).orElseThrow();
    Map<String, Object> variables = new LinkedHashMap<>();
    // "Revise or withdraw bid" is the KAM's: what KAP writes there in the KAM's language
    Locale reader = locales.of(kam);
    variables.put("callDeadline", round.callDeadlineText(calendar.properties().timeZone(), reader));
    variables.put("year", round.planYear());
    variables.putAll(BidDisplay.variables(bid, round, account, null, reader));
    audit.record(round.roundNo(), bidNo, AuditAction.BID_SUBMITTED, kam, null, BidDisplay.plain(bid), null);
    requiredBids.refresh(kam, round.roundNo());
    return new BidRegistered(bid.id(), variables);
  }

  /**
   * Stores the KAM's revision of the bid (a new version) or withdraws it, while the call is open.
   *
   * @param user who completes "Revise bid"; null when nobody is signed in, which counts as the bid's KAM
   * @return the variables the bid's forms show, with {@code bidWithdrawn}
   */
  public Map<String, Object> revise(String bidId, FormValues values, String user) {
    Bid bid = facts.bid(bidId);
    BudgetRound round = facts.round(bid);
    String action = values.choice("action", List.of(REVISE, WITHDRAW), true);
    if (!clock.instant().isBefore(round.callDeadline()) || bid.status() != BidStatus.SUBMITTED) {
      throw new InvalidFormData("action", Problem.of("bid.callClosed", round.id(),
          round.callDeadline()));
    }
    String kam = user == null ? bid.kam() : user;
    String before = BidDisplay.plain(bid);
    if (WITHDRAW.equals(action)) {
      String reason = values.text("withdrawReason", false, BidForm.LONG_TEXT);
      bids.updateStatus(bid.bidNo(), BidStatus.WITHDRAWN, reason);
      audit.record(round.roundNo(), bid.bidNo(), AuditAction.BID_WITHDRAWN, kam, before, null, reason);
      requiredBids.refresh(bid.kam(), round.roundNo());
      return Map.of("bidWithdrawn", true);
    }
    BidContent content = form.read(values, round, bid.bidNo());
    bids.revise(bid.bidNo(), content, clock.instant());
    Bid revised = bids.find(bid.bidNo()).orElseThrow();
    Map<String, Object> variables = BidDisplay.variables(revised, round, facts.account(revised), null,
        locales.of(revised.kam()));
    audit.record(round.roundNo(), bid.bidNo(), AuditAction.BID_REVISED, kam, before, BidDisplay.plain(revised),
        null);
    variables.put("bidWithdrawn", false);
    requiredBids.refresh(bid.kam(), round.roundNo());
    return variables;
  }

  /** The bidEligibility table's inputs, from KAP's tables: plan status, segment, category, financials. */
  public Map<String, Object> eligibilityInputs(String bidId) {
    Bid bid = facts.bid(bidId);
    BudgetRound round = facts.round(bid);
    boolean approved = plans.plan(round.planYear(), bid.accountId())
        .map(p -> p.status() == AccountPlan.Status.APPROVED).orElse(false);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("planApproved", approved);
    variables.put("segment", facts.segment(bid, round).label());
    variables.put("category", bid.content().category());
    variables.put("financialsComplete", bid.content().financialsComplete());
    return variables;
  }

  /**
   * Stores what bidEligibility decided; the KAM of an ineligible bid is told why.
   *
   * @param eligibility the table's result, {@code eligible} and {@code reason}; null when no rule matched
   * @return whether the bid is eligible
   */
  public boolean recordEligibility(String bidId, Map<String, Object> eligibility) {
    Bid bid = facts.bid(bidId);
    boolean eligible = eligibility != null && Boolean.TRUE.equals(eligibility.get("eligible"));
    String reason = eligibility == null ? NO_ELIGIBILITY_RULE
        : String.valueOf(eligibility.get("reason"));
    bids.updateStatus(bid.bidNo(), eligible ? BidStatus.ELIGIBLE : BidStatus.INELIGIBLE, eligible ? null : reason);
    audit.record(bid.roundNo(), bid.bidNo(), AuditAction.ELIGIBILITY, null, BidStatus.SUBMITTED.name(),
        eligible ? BidStatus.ELIGIBLE.name() : BidStatus.INELIGIBLE.name(), reason);
    if (!eligible) {
      // in the KAM's language, the table's reason too (DecisionTexts)
      mails.send(bid.kam(), ineligibleMail(bid.id(), bid.content().title(), facts.round(bid).name(), bid.roundId(),
          eligibility == null ? Mail.text("noEligibilityRule")
              : DecisionTexts.say(locales.of(bid.kam()), "bidEligibility", "reason", reason)));
    }
    return eligible;
  }

  /**
   * The KAM's mail on an ineligible bid, with bidEligibility's reason (the decision table's words, as they are), or
   * {@code Mail.text("noEligibilityRule")} when no rule matched.
   */
  static Mail ineligibleMail(String bidId, String title, String roundName, String roundId, Object reason) {
    return Mail.of("bidIneligible", bidId, title, roundName, roundId, reason);
  }

  /**
   * What "Consider appeal" and "Review appeal" show: the decision, the reason and the scorecards (published now),
   * and, once appealed, the grounds and the reserve left for the reviewer; before, when the appeal window closes.
   * In the language of whoever reads the form ({@code reader}): the criteria, the sentence, dates and numbers; what
   * people wrote (comments, reasons, the grounds) stays as written.
   */
  public Map<String, Object> outcome(String bidId, Locale reader) {
    Bid bid = facts.bid(bidId);
    List<Calibration> calibrations = scores.calibrations(bid.bidNo());
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), calibrations);
    StringBuilder text = new StringBuilder()
        .append(texts.text(reader, "outcome.decision", ShownText.markdown(
            UnfundedReasons.statusReason(bid.statusReason(), Bundles.standalone(), reader)))).append("\n\n")
        .append(rounds.decisionNote(bid.roundNo())
            .map(note -> texts.text(reader, "outcome.note", ShownText.markdown(note)) + "\n\n").orElse(""))
        .append(texts.text(reader, "outcome.benefitCost",
            bid.benefit() == null ? "—" : BidDisplay.decimal(bid.benefit(), reader),
            BidDisplay.amount(bid.content().cost(), reader))).append("\n\n")
        .append(texts.text(reader, "outcome.scorecards")).append("\n\n");
    for (Scorecard card : all.cards()) {
      text.append("- ").append(texts.text(reader, "outcome.scorecard", card.member(), card.scores().entrySet()
          .stream().map(e -> criterion(e.getKey(), reader) + " " + e.getValue()).collect(Collectors.joining(", ")),
          ShownText.markdown(card.comment()))).append('\n');
    }
    calibrations.forEach(c -> text.append("- ").append(texts.text(reader, "outcome.calibrated",
        criterion(c.criterion(), reader), BidDisplay.decimal(c.score(), reader), ShownText.markdown(c.reason())))
        .append('\n'));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcomeText", text.toString());
    Optional<Appeal> appeal = appeals.find(bid.bidNo());
    if (appeal.isEmpty()) {
      ZoneId zone = calendar.properties().timeZone();
      variables.put("appealDeadline", texts.text(reader, "outcome.endOfDay",
          BudgetDates.lastDay(facts.appealDeadline().toInstant(), zone, reader), zone.getId()));
    }
    appeal.ifPresent(filed -> variables.put("appealText", text + "\n"
        + texts.text(reader, "outcome.grounds", ShownText.markdown(filed.grounds())) + "\n\n"
        + texts.text(reader, "outcome.reserveLeft", BidDisplay.amount(facts.round(bid).reserveLeft(), reader))));
    return variables;
  }

  /** The reader of "Consider appeal": the bid's KAM, to whom the task is assigned. */
  public Locale kamLocale(String bidId) {
    return locales.of(facts.bid(bidId).kam());
  }

  /**
   * The reader of "Review appeal": its reviewers' language when they share one (most often there is a single
   * reviewer, assigned the task), else the installation's, as for the programme directors it falls back to.
   */
  public Locale reviewersLocale(String bidId) {
    List<Locale> languages = facts.appealReviewers(facts.bid(bidId)).stream().map(locales::of).distinct().toList();
    return languages.size() == 1 ? languages.get(0) : locales.defaultLocale();
  }

  private String criterion(ScoreCriterion criterion, Locale reader) {
    return texts.text(reader, "criterion." + criterion.key());
  }

  /**
   * The KAM's answer in "Consider appeal": an appeal with its grounds, or the decision accepted.
   *
   * @param user who completes the task; null when nobody is signed in, which counts as the bid's KAM
   * @return whether the KAM appealed
   */
  public boolean considerAppeal(String bidId, FormValues values, String user) {
    Bid bid = facts.bid(bidId);
    boolean appeal = "yes".equals(values.choice("appeal", List.of("yes", "no"), true));
    String grounds = values.text("appealGrounds", appeal, BidForm.LONG_TEXT);
    String kam = user == null ? bid.kam() : user;
    if (appeal) {
      appeals.file(bid.bidNo(), grounds, clock.instant());
      audit.record(bid.roundNo(), bid.bidNo(), AuditAction.APPEAL, kam, "not funded", "appealed", grounds);
    } else {
      audit.record(bid.roundNo(), bid.bidNo(), AuditAction.APPEAL_NOT_MADE, kam, null, null, null);
    }
    return appeal;
  }
}
