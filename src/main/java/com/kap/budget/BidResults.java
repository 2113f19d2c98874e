package com.kap.budget;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BidResultFacts;
import com.kap.budget.internal.BidResultRepository;
import com.kap.budget.internal.BidResultRepository.BidResult;
import com.kap.budget.internal.ResultRatios;
import com.kap.budget.internal.WorkingDays;
import com.kap.planning.BudgetFiguresSource.ResultFigures;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.forms.ShownText;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.platform.web.PublicLinks;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What funded bids delivered against what they promised. Some months after funding (DMN bidResultDelay, by
 * category) the bid's KAM reports the value delivered, a narrative and the evidence; the committee reads delivered ÷
 * promised by round, region and category, and the next rounds' scorers read each KAM's track record. "Promised" is
 * the bid's expected 3-year incremental margin. The bid's results process hands over the business key (B-12).
 */
@Service
public class BidResults {

  /** The process started per funded bid. */
  public static final String PROCESS = "bidResults";
  /** The report is due this many working days after it appears; the KAM is reminded {@link #REMINDER_DAYS} in. */
  public static final int REPORT_WORKING_DAYS = 20;
  public static final int REMINDER_DAYS = 15;
  public static final int TEXT_LENGTH = 2000;
  private static final long MAX_VALUE = 1_000_000_000_000L;
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private final BidFacts bidFacts;
  private final BidResultFacts resultFacts;
  private final BidResultRepository results;
  private final BidRepository bids;
  private final Portfolio accounts;
  private final Mails mails;
  private final KnownUsers users;
  private final CurrentUser currentUser;
  private final CycleCalendar calendar;
  private final PublicLinks links;
  private final Clock clock;

  public BidResults(BidFacts bidFacts, BidResultFacts resultFacts, BidResultRepository results, BidRepository bids,
      Portfolio accounts,
      Mails mails, KnownUsers users, CurrentUser currentUser, CycleCalendar calendar,
      PublicLinks links, Clock clock) {
    this.bidFacts = bidFacts;
    this.resultFacts = resultFacts;
    this.results = results;
    this.bids = bids;
    this.accounts = accounts;
    this.mails = mails;
    this.users = users;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.links = links;
    this.clock = clock;
  }

  /** The bidResultDelay table's input, from KAP's tables: the bid's category. */
  public Map<String, Object> delayInputs(String bidId) {
    Bid bid = bidFacts.bid(bidId);
    if (bid.status() != BidStatus.FUNDED) {
      throw new IllegalStateException(bidId + " is not funded: no results report");
    }
    return Map.of("category", bid.content().category());
  }

  /**
   * Stores when the funded bid's report is due: {@code months} (bidResultDelay's answer) after today, at the start of
   * that day; reminder at 09:00 of the 15th working day after, deadline at the end of the 20th.
   */
  public void schedule(String bidId, Object months) {
    if (!(months instanceof Number number) || number.intValue() < 0 || number.intValue() > 120) {
      throw new IllegalStateException("bidResultDelay answered " + months + " months for " + bidId
          + ": it must answer a whole number of months from 0 to 120");
    }
    Bid bid = bidFacts.bid(bidId);
    ZoneId zone = calendar.properties().timeZone();
    Instant now = clock.instant();
    LocalDate dueDay = now.atZone(zone).toLocalDate().plusMonths(number.intValue());
    Instant due = dueDay.atStartOfDay(zone).toInstant();
    Instant reminder = WorkingDays.after(dueDay, REMINDER_DAYS).atTime(REMINDER_TIME).atZone(zone).toInstant();
    Instant deadline = calendar.endOf(WorkingDays.after(dueDay, REPORT_WORKING_DAYS)).toInstant();
    results.schedule(new BidResult(bid.bidNo(), bid.kam(), number.intValue(), now, due, reminder, deadline, null,
        null, null, null, null, null, null));
  }

  /**
   * What "Report bid results" shows: the bid, what it promised, and by when the report is due; account and year
   * also on Tasklist's task card.
   */
  public Map<String, Object> reportView(String bidId) {
    Bid bid = bidFacts.bid(bidId);
    Account account = bidFacts.account(bid);
    BidResult result = resultFacts.result(bidId);
    BidContent content = bid.content();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("bidId", bid.id());
    variables.put("title", content.title());
    variables.put("accountName", account.name());
    variables.put("year", bidFacts.round(bid).planYear());
    variables.put("resultSummary", "**Account** " + ShownText.markdown(account.name()) + " (" + bid.accountId()
        + ") · **Round** " + ShownText.markdown(bidFacts.round(bid).name()) + " · **Category** " + content.category()
        + "\n\n**Funded** " + BidDisplay.amount(content.cost()) + " · **Promised** (expected 3-year margin) "
        + BidDisplay.amount(content.expectedMargin()) + " · **Probability of success** "
        + content.successProbability().toPlainString() + " %\n\n**Objectives served:** "
        + ShownText.markdown(content.objectives()) + "\n\n**Report due by** " + day(result.reportDeadline()));
    return variables;
  }

  /**
   * Checks and stores the KAM's report: value delivered (whole units, 0 or more), narrative and evidence, required.
   *
   * @param user who completes the task; null when nobody is signed in
   */
  public void record(String bidId, FormValues values, String user) {
    Bid bid = bidFacts.bid(bidId);
    BidResult result = resultFacts.result(bidId);
    if (user != null && !user.equals(result.kam())) {
      throw new InvalidFormData("valueDelivered", Problem.of("results.onlyKam", result.kam(), bid.id()));
    }
    if (result.reported()) {
      throw new InvalidFormData("valueDelivered", Problem.of("results.already", bid.id()));
    }
    java.util.List<InvalidFormData> problems = new java.util.ArrayList<>();
    Long delivered = read(problems, () -> values.wholeNumber("valueDelivered", 0, MAX_VALUE));
    String narrative = read(problems, () -> values.text("resultNarrative", true, TEXT_LENGTH));
    String evidence = read(problems, () -> values.text("resultEvidence", true, TEXT_LENGTH));
    if (!problems.isEmpty()) {
      throw InvalidFormData.all(problems);
    }
    results.report(bid.bidNo(), delivered, narrative, evidence, user == null ? result.kam() : user, clock.instant());
  }

  private static <T> T read(List<InvalidFormData> problems, java.util.function.Supplier<T> field) {
    try {
      return field.get();
    } catch (InvalidFormData problem) {
      problems.add(problem);
      return null;
    }
  }

  /** The reminder: the KAM is mailed while the report is open. */
  public void remind(String bidId) {
    Bid bid = bidFacts.bid(bidId);
    BidResult result = resultFacts.result(bidId);
    if (result.reported() || result.remindedAt() != null) {
      return;
    }
    results.reminded(bid.bidNo(), clock.instant());
    mails.send(result.kam(), dueMail(bid.id(), lastDay(result.reportDeadline()), bid.content().title(),
        bid.content().expectedMargin(), links.tasklist()));
  }

  /** The KAM's reminder: the last day of the report, and the margin the bid promised. */
  static Mail dueMail(String bidId, LocalDate lastDay, String title, long promisedMargin, String tasklist) {
    return Mail.of("bidResultsDue", bidId, Mail.date(lastDay), title, Mail.amount(promisedMargin), tasklist);
  }

  /** The report is late: every programme director is mailed; the task stays with the KAM. */
  public void escalate(String bidId) {
    Bid bid = bidFacts.bid(bidId);
    BidResult result = resultFacts.result(bidId);
    if (result.reported() || result.escalatedAt() != null) {
      return;
    }
    results.escalated(bid.bidNo(), clock.instant());
    for (String director : users.membersOf(Roles.PROGRAMME_DIRECTOR).stream().sorted().toList()) {
      mails.send(director, lateMail(bid.id(), result.kam(), bid.content().title(), bid.accountId(),
          lastDay(result.reportDeadline())));
    }
  }

  /** A programme director's mail on a late report. */
  static Mail lateMail(String bidId, String kam, String title, String accountId, LocalDate lastDay) {
    return Mail.of("bidResultsLate", bidId, kam, title, accountId, Mail.date(lastDay));
  }

  /** The funded bids of a round, by id (B-12): each gets its results process. */
  public List<String> fundedBids(String roundId) {
    long roundNo = BudgetIds.roundNo(roundId)
        .orElseThrow(() -> new IllegalStateException("a budget round needs the id R-<n>, was " + roundId));
    return bids.findByRound(roundNo).stream().filter(bid -> bid.status() == BidStatus.FUNDED).map(Bid::id).toList();
  }

  /** Delivered ÷ promised by round, region and category: directors and the programme director. */
  public ResultFigures results(int year) {
    currentUser.require(Roles.DIRECTOR, Roles.PROGRAMME_DIRECTOR, Roles.ADMIN);
    return resultsOf(year, null);
  }

  /** The same, without the role check, for one region or (null) every region. */
  public ResultFigures resultsOf(int year, String region) {
    Map<String, String> regionOf = accounts.accounts().stream()
        .collect(Collectors.toMap(Account::accountId, Account::region, (a, b) -> a));
    Function<String, String> regionOfAccount = id -> regionOf.getOrDefault(id, "unknown");
    List<BidResultRepository.FundedBid> funded = results.fundedOfYear(year).stream()
        .filter(bid -> region == null || Objects.equals(region, regionOfAccount.apply(bid.accountId()))).toList();
    return ResultRatios.figures(funded, regionOfAccount);
  }

  /**
   * What the scorers of a bid read of its KAM's past: delivered ÷ promised of the KAM's funded bids of other
   * rounds with a results report. Scoring is blind between the members, not about the bidder: the bid's summary
   * names the KAM, and so does this.
   */
  public String trackRecord(String bidId) {
    Bid bid = bidFacts.bid(bidId);
    return ResultRatios.trackRecord(bid.kam(), results.reportedOf(bid.kam(), bid.roundNo()));
  }

  private String day(Instant deadline) {
    return DAY.format(lastDay(deadline)) + " (end of day)";
  }

  private LocalDate lastDay(Instant deadline) {
    // a deadline is the end of its day: the day before the instant
    return deadline.atZone(calendar.properties().timeZone()).toLocalDate().minusDays(1);
  }
}
