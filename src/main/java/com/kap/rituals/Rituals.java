package com.kap.rituals;

import com.kap.planning.CycleCalendar;
import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.platform.operations.BusinessMetrics;
import com.kap.platform.web.PublicLinks;
import com.kap.portfolio.Account;
import com.kap.portfolio.AccountTeam;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.Segment;
import com.kap.portfolio.SegmentationWeights;
import com.kap.rituals.internal.AdvisoryBoardRepository;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualIcs;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualPlanRepository;
import com.kap.rituals.internal.RitualWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The relationship rituals of KAP: each account's ritual plan of the year (the calendar the KAM proposes from the
 * segment's cadence and the programme director validates, each ritual held, moved, not held or missed), the
 * customer advisory boards, and the calendars KAMs, sponsors and directors subscribe to.
 */
@Service
public class Rituals {

  private final RitualFacts facts;
  private final RitualCadence cadences;
  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final AdvisoryBoardRepository boards;
  private final Portfolio accounts;
  private final SegmentationWeights weights;
  private final AccountTeam team;
  private final CycleCalendar calendar;
  private final Mails mails;
  private final BusinessMetrics metrics;
  private final CurrentUser currentUser;
  private final KnownUsers users;
  private final Clock clock;
  private final PublicLinks links;
  private final FollowUps followUps;
  private final Texts texts;
  private final UserLocales locales;

  public Rituals(RitualFacts facts, RitualCadence cadences, RitualPlanRepository plans,
      OccurrenceRepository occurrences, AdvisoryBoardRepository boards, Portfolio accounts, SegmentationWeights weights,
      AccountTeam team, CycleCalendar calendar, Mails mails, BusinessMetrics metrics,
      CurrentUser currentUser, KnownUsers users, Clock clock, PublicLinks links, FollowUps followUps, Texts texts,
      UserLocales locales) {
    this.facts = facts;
    this.cadences = cadences;
    this.plans = plans;
    this.occurrences = occurrences;
    this.boards = boards;
    this.accounts = accounts;
    this.weights = weights;
    this.team = team;
    this.calendar = calendar;
    this.mails = mails;
    this.metrics = metrics;
    this.currentUser = currentUser;
    this.users = users;
    this.clock = clock;
    this.links = links;
    this.followUps = followUps;
    this.texts = texts;
    this.locales = locales;
  }

  /** Whether the account already has a ritual plan of the year. */
  public boolean hasPlan(PlanKey plan) {
    return plans.find(plan.year(), plan.accountId()).isPresent();
  }

  /** Registers the plan with the account's segment of the year (scored now where the year is not segmented). */
  public RegisteredRitualPlan register(RegisterRitualPlan command) {
    PlanKey key = command.plan();
    Account account = facts.account(key);
    String segment = accounts.segment(key.year(), key.accountId()).map(CycleSegment::segment)
        .orElseGet(() -> weights.ofCycle(key.year()).score(account.scores()).segment()).label();
    plans.insert(key.year(), key.accountId(), segment, command.processInstanceId(), clock.instant());
    return new RegisteredRitualPlan(key.year(), account.name(), segment);
  }

  /**
   * Proposes the year's ritual dates from the segment's cadence (DMN ritualCadence): every period from today to the
   * year's end, on working days, for the KAM to adjust.
   */
  public RitualCalendarView proposeDates(PlanKey key) {
    RitualPlan plan = facts.plan(key);
    Account account = facts.account(key);
    Map<RitualType, RitualCadence.Cadence> cadence = cadences.of(plan.segment());
    RitualWindow window = window(plan.year());
    List<OccurrenceRepository.Proposal> proposals = new ArrayList<>();
    for (RitualCalendar.ProposedOccurrence proposed : RitualCadence.propose(cadence, window.from(), window.until())) {
      proposals.add(new OccurrenceRepository.Proposal(proposed.type(), proposed.date(),
          host(cadence.get(proposed.type()).host(), account), null));
    }
    occurrences.propose(plan.year(), plan.accountId(), proposals, clock.instant());
    return RitualCalendarView.of(plan, cadence, window, occurrences.findByPlan(plan.year(), plan.accountId()), texts,
        Locale.ENGLISH);
  }

  /**
   * What the calendar's forms show now, in the reader's language: the rituals' names, the cadence table and the
   * ritual types with fewer dates than the cadence asks for.
   */
  public RitualCalendarView calendarView(PlanKey key, Locale reader) {
    RitualPlan plan = facts.plan(key);
    return RitualCalendarView.of(plan, cadences.of(plan.segment()), window(plan.year()),
        occurrences.findByPlan(plan.year(), plan.accountId()), texts, reader);
  }

  /**
   * The KAM's calendar: every date a working day within the rest of the cycle year, customer participants named for
   * rituals with the customer, and a justification where the calendar holds fewer rituals of a type than the
   * cadence asks for. The dates replace those proposed before, and the plan goes to the programme director.
   *
   * @throws InvalidFormData naming every problem of the submission
   */
  public ProposedRitualCalendar propose(ProposeRitualCalendar command) {
    RitualPlan plan = facts.plan(command.plan());
    Account account = facts.account(command.plan());
    Map<RitualType, RitualCadence.Cadence> cadence = cadences.of(plan.segment());
    RitualWindow window = window(plan.year());
    FormValues values = command.calendar();
    List<Map<String, Object>> entries = values.objectList("rituals");
    List<OccurrenceRepository.Proposal> proposals = new ArrayList<>();
    Map<RitualType, Integer> counts = new EnumMap<>(RitualType.class);
    FormProblems problems = new FormProblems();
    for (int i = 0; i < entries.size(); i++) {
      String path = "rituals[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      problems.check(() -> {
        String key = FormValues.choice(entry, path, "ritualType", cadence.keySet().stream().map(RitualType::key)
            .toList(), true);
        RitualCadence.Cadence ritual = cadence.get(RitualType.byKey(key).orElseThrow());
        LocalDate date = FormValues.date(entry, path, "date", true);
        if (!window.contains(date)) {
          throw new InvalidFormData(path + ".date", Problem.of("range", window.from().toString(),
              window.until().toString(), date.toString()));
        }
        if (!RitualCalendar.isWorkingDay(date)) {
          throw new InvalidFormData(path + ".date", Problem.of("ritual.notWorkingDay", date.toString(),
              date.getDayOfWeek()));
        }
        String participants = FormValues.text(entry, path, "customerParticipants", ritual.external(), 1000);
        proposals.add(new OccurrenceRepository.Proposal(ritual.type(), date, host(ritual.host(), account),
            ritual.external() ? participants : null));
        return counts.merge(ritual.type(), 1, Integer::sum);
      });
    }
    String justification = problems.check(() -> values.text("justification", false, 4000)).orElse(null);
    List<Problem> shortfall = new ArrayList<>();
    RitualCadence.required(cadence, window.from(), window.until()).forEach((type, required) -> {
      int planned = counts.getOrDefault(type, 0);
      if (planned < required) {
        shortfall.add(Problem.of("ritual.shortfall", Problem.of("ritualType." + type.key()), planned, required));
      }
    });
    if (!shortfall.isEmpty() && justification == null && problems.isEmpty()) {
      problems.add(new InvalidFormData("justification", Problem.of("ritual.justification", shortfall)));
    }
    problems.throwIfAny();
    occurrences.propose(plan.year(), plan.accountId(), proposals, clock.instant());
    plans.propose(plan.year(), plan.accountId(), justification, currentUser.idOrElse(account.kam()), clock.instant());
    return new ProposedRitualCalendar(shortfall.isEmpty() ? null
        : String.join(", ", shortfall.stream().map(Problem::english).toList()),
        RitualCalendarView.of(facts.plan(command.plan()), cadence, window,
            occurrences.findByPlan(plan.year(), plan.accountId()), texts, Locale.ENGLISH));
  }

  /**
   * The programme director's decision on the proposed calendar; the KAM is told either way.
   *
   * @return the calendar to propose anew, when it goes back to the KAM
   * @throws InvalidFormData when it goes back without comments
   */
  public Optional<RitualCalendarView> decide(DecideRitualCalendar command) {
    RitualPlan plan = facts.plan(command.plan());
    boolean validated = command.validated();
    String comments = command.comments();
    if (!validated && comments == null) {
      throw new InvalidFormData("calendarComments", Problem.of("comments.calendarBack"));
    }
    plans.decide(plan.year(), plan.accountId(), validated, comments, currentUser.idOrElse(null), clock.instant());
    Account accountRow = facts.account(command.plan());
    String kam = accountRow.kam();
    String account = accountRow.name();
    if (validated) {
      mails.send(kam, validatedMail(plan.year(), account, links.tasklist(),
          links.absolute(CalendarSubscriptions.PAGE_PATH), comments));
      return Optional.empty();
    }
    RitualPlan current = facts.plan(command.plan());
    RitualCalendarView view = RitualCalendarView.of(current, cadences.of(current.segment()), window(plan.year()),
        occurrences.findByPlan(plan.year(), plan.accountId()), texts, Locale.ENGLISH);
    mails.send(kam, sentBackMail(plan.year(), account, comments, links.tasklist()));
    return Optional.of(view);
  }

  /** The KAM's mail on the validated calendar: where the rituals appear, and how to subscribe to them. */
  static Mail validatedMail(int year, String account, String tasklist, String calendarPage, String comments) {
    return Mail.of("ritualCalendarValidated", year, account, tasklist, calendarPage).then(comments);
  }

  /** The KAM's mail on the calendar sent back: the programme director's comments. */
  static Mail sentBackMail(int year, String account, String comments, String tasklist) {
    return Mail.of("ritualCalendarSentBack", year, account, comments, tasklist);
  }

  /** The validated calendar becomes the plan: every proposed date is planned. */
  public void schedule(PlanKey plan) {
    occurrences.planProposed(plan.year(), plan.accountId(), clock.instant());
  }

  /**
   * "Next ritual day" came: hands out every planned ritual due by now, and at least those of the first day left (a
   * timer run early, by an operator, hands that day out as it would have). Each gets its branch; the next timer
   * counts only the days after.
   *
   * @return how many rituals were handed out
   */
  public int handOutRitualDay(PlanKey plan) {
    Optional<LocalDate> first = occurrences.firstDayToHandOut(plan.year(), plan.accountId());
    if (first.isEmpty()) {
      return 0;
    }
    LocalDate due = facts.lastDueDay(clock.instant());
    LocalDate upTo = due.isAfter(first.get()) ? due : first.get();
    return occurrences.handOut(plan.year(), plan.accountId(), upTo, clock.instant());
  }

  /**
   * The account was re-segmented mid-year: its open rituals are cancelled and the plan follows the new segment.
   *
   * @return the new segment's label
   */
  public String changeSegment(PlanKey key) {
    String segment = accounts.segment(key.year(), key.accountId()).map(CycleSegment::segment)
        .orElseThrow(() -> new IllegalStateException("no segment of " + key)).label();
    occurrences.cancelOpen(key.year(), key.accountId(), clock.instant());
    plans.updateSegment(key.year(), key.accountId(), segment, clock.instant());
    return segment;
  }

  /** The plan ends for the reason given: rituals not held are cancelled. */
  public void end(PlanKey key, String reason) {
    occurrences.cancelOpen(key.year(), key.accountId(), clock.instant());
    plans.end(key.year(), key.accountId(), reason, clock.instant());
  }

  /** Ties the ritual to the process branch that runs it. */
  public void bind(long occurrenceNo, String executionId) {
    occurrences.bindExecution(occurrenceNo, executionId);
  }

  /** The ritual the branch runs, as its host sees it when it is due. */
  public RitualToHold ritualToHold(DelegateExecution branch) {
    Occurrence occurrence = facts.occurrenceOf(branch);
    return new RitualToHold(occurrence.type().label(), occurrence.plannedDate(),
        occurrence.customerParticipants() != null, occurrence.customerParticipants(),
        accounts.account(occurrence.accountId()).map(team::options).orElse(null),
        accounts.account(occurrence.accountId()).map(a -> a.name()).orElse(occurrence.accountId()));
  }

  /**
   * Records the ritual: moved to another working day of the rest of its year, not held (with the reason), or held,
   * with the actions agreed, each owned by one of the account's team and due no earlier than the ritual.
   *
   * @throws InvalidFormData naming the problems of the submission
   */
  public void record(RecordRitual command) {
    Occurrence occurrence = facts.occurrenceOf(command.branch());
    FormValues values = command.record();
    String outcome = values.choice("held", List.of("yes", "no", "moved"), true);
    boolean held = "yes".equals(outcome);
    String by = currentUser.idOrElse(occurrence.host());
    LocalDate today = today();
    if ("moved".equals(outcome)) {
      LocalDate newDate = values.date("newDate", true);
      RitualWindow window = RitualWindow.of(occurrence.year(), today);
      if (!window.contains(newDate) || !RitualCalendar.isWorkingDay(newDate) || newDate.equals(occurrence.plannedDate())) {
        throw new InvalidFormData("newDate", Problem.of("ritual.otherWorkingDay", window.from(), window.until(),
            newDate));
      }
      occurrences.move(occurrence.occurrenceNo(), newDate, clock.instant());
      return;
    }
    if (!held) {
      String reason = values.text("notHeldReason", true, 4000);
      occurrences.recordHeld(occurrence.occurrenceNo(), false, null, null, reason, null, null, by, clock.instant());
      return;
    }
    FormProblems problems = new FormProblems();
    LocalDate heldDate = problems.check(() -> {
      LocalDate date = values.date("heldDate", true);
      if (date.getYear() != occurrence.year() || date.isAfter(today)) {
        throw new InvalidFormData("heldDate", Problem.of("date.ofYearNotAfterToday", occurrence.year(),
            date));
      }
      return date;
    }).orElse(null);
    String attendees = problems.check(() -> values.text("attendees", true, 2000)).orElse(null);
    String minutes = problems.check(() -> values.text("minutes", true, 10000)).orElse(null);
    String decisions = problems.check(() -> values.text("decisions", false, 4000)).orElse(null);
    Integer satisfaction = occurrence.customerParticipants() == null ? null
        : problems.check(() -> values.integer("customerSatisfaction", 1, 5)).orElse(null);
    Set<String> owners = team.members(accounts.account(occurrence.accountId()).orElseThrow());
    List<Map<String, Object>> actions = problems.check(() -> values.objectList("actions")).map(entries ->
        actions(entries, heldDate, owners, problems)).orElse(List.of());
    // a plan review records the actuals against the approved plan's targets and the plan's actions' statuses
    FollowUps.Review review = followUps.planToReview(occurrence)
        .map(plan -> followUps.readReview(occurrence, plan, values, problems)).orElse(null);
    problems.throwIfAny();
    occurrences.recordHeld(occurrence.occurrenceNo(), true, heldDate, attendees, minutes, decisions, satisfaction,
        by, clock.instant());
    occurrences.addActions(occurrence.occurrenceNo(), occurrence.accountId(), actions);
    RuntimeService runtime = command.branch().getProcessEngineServices().getRuntimeService();
    if (review != null) {
      followUps.recordReview(occurrence, review, runtime);
    }
    followUps.startRitualActions(occurrence, actions, runtime);
  }

  /** The ritual a branch of a ritual plan runs. */
  public Occurrence occurrence(DelegateExecution branch) {
    return facts.occurrenceOf(branch);
  }

  /** The actions agreed, each with an owner from the account's team and a due date not before the ritual. */
  private static List<Map<String, Object>> actions(List<Map<String, Object>> entries, LocalDate heldDate,
      Set<String> owners, FormProblems problems) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "actions[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      Map<String, Object> action = new HashMap<>();
      action.put("action", problems.check(() -> FormValues.text(entry, path, "action", true, 1000)).orElse(null));
      action.put("owner", problems.check(() -> {
        String owner = FormValues.text(entry, path, "owner", true, 200);
        if (!owners.contains(owner)) {
          throw new InvalidFormData(path + ".owner", Problem.of("owner.notOnTeam", owner));
        }
        return owner;
      }).orElse(null));
      action.put("dueDate", problems.check(() -> {
        LocalDate due = FormValues.date(entry, path, "dueDate", true);
        if (heldDate != null && due.isBefore(heldDate)) {
          throw new InvalidFormData(path + ".dueDate", Problem.of("dueDate.beforeRitual", heldDate, due));
        }
        return due;
      }).orElse(null));
      actions.add(action);
    }
    return actions;
  }

  /** The grace period passed without a record: the ritual the branch runs counts as missed. */
  public void recordMissed(DelegateExecution branch) {
    occurrences.markMissed(facts.occurrenceOf(branch).occurrenceNo(), clock.instant());
    metrics.ritualMissed();
  }

  /**
   * Plans a customer advisory board on a working day of the rest of its year and invites the year's Strategic
   * accounts; their KAMs and sponsors are told.
   *
   * @throws InvalidFormData when the day is not such a day, or the year has no Strategic account
   */
  public PlannedAdvisoryBoard planAdvisoryBoard(PlanAdvisoryBoard command) {
    FormValues values = command.board();
    int year = values.integer("year", 2000, 2200);
    LocalDate date = values.date("boardDate", true);
    RitualWindow window = RitualWindow.of(year, today());
    if (!window.contains(date) || !RitualCalendar.isWorkingDay(date)) {
      throw new InvalidFormData("boardDate", Problem.of("workingDay", window.from().toString(),
          window.until().toString(), date.toString()));
    }
    String agenda = values.text("agenda", true, 4000);
    List<Account> invited = accounts.segments(year).stream().filter(s -> s.segment() == Segment.STRATEGIC)
        .map(CycleSegment::accountId).map(accounts::account).flatMap(Optional::stream).toList();
    if (invited.isEmpty()) {
      throw new InvalidFormData("year", Problem.of("board.noStrategic", year));
    }
    long boardNo = boards.insert(year, date, agenda, invited.stream().map(Account::accountId).toList(),
        command.processInstanceId(), clock.instant());
    List<Map<String, String>> options = new ArrayList<>();
    Set<String> people = new LinkedHashSet<>();
    for (Account account : invited) {
      options.add(Map.of("label", account.name() + " (" + account.accountId() + ")", "value", account.accountId()));
      people.add(account.kam());
      if (account.sponsor() != null) {
        people.add(account.sponsor());
      }
    }
    // one mail each, in each person's language: nobody sees whom else it went to
    Mail invitation = advisoryBoardMail(date, invited.stream().map(Account::name).toList(), agenda);
    people.forEach(user -> mails.send(user, invitation));
    return new PlannedAdvisoryBoard(boardNo, year, date, options);
  }

  /** The invitation to the customer advisory board, to each invited KAM and sponsor. */
  static Mail advisoryBoardMail(LocalDate date, List<String> accountNames, String agenda) {
    return Mail.of("advisoryBoard", Mail.date(date), String.join(", ", accountNames), agenda);
  }

  /**
   * Records the advisory board: not held (with the reason), or held on a day of its year up to today, with the
   * invited accounts that took part, the minutes, decisions and satisfaction.
   *
   * @throws InvalidFormData naming the first problem of the submission
   */
  public void recordAdvisoryBoard(RecordAdvisoryBoard command) {
    String processInstanceId = command.processInstanceId();
    Map<String, Object> board = boards.findByProcessInstance(processInstanceId);
    FormValues values = command.record();
    boolean held = "yes".equals(values.choice("held", List.of("yes", "no"), true));
    String by = currentUser.idOrElse(null);
    if (!held) {
      boards.record(processInstanceId, false, null, null, values.text("notHeldReason", true, 4000), null, null, by,
          clock.instant());
      return;
    }
    int year = ((Number) board.get("CYCLE_YEAR")).intValue();
    LocalDate heldDate = values.date("heldDate", true);
    if (heldDate.getYear() != year || heldDate.isAfter(today())) {
      throw new InvalidFormData("heldDate", Problem.of("date.ofYearNotAfterToday", year,
          heldDate.toString()));
    }
    List<String> invited = Arrays.asList(((String) board.get("INVITED_ACCOUNTS")).split(","));
    List<String> attending = command.attendingAccounts();
    if (attending.isEmpty() || !invited.containsAll(attending)) {
      throw new InvalidFormData("attendingAccounts", Problem.of("board.attending", invited));
    }
    boards.record(processInstanceId, true, heldDate, attending, values.text("minutes", true, 10000),
        values.text("decisions", false, 4000), values.integer("customerSatisfaction", 1, 5), by, clock.instant());
  }

  /** The advisory board was not recorded within the grace period: it counts as missed. */
  public void recordMissedAdvisoryBoard(String processInstanceId) {
    boards.markMissed(processInstanceId, clock.instant());
    metrics.advisoryBoardMissed();
  }

  /**
   * Every planned ritual the user hosts or manages as KAM (and, for a programme director, those no one person
   * hosts), as an iCalendar: one VEVENT each, with a UID that stays, a SEQUENCE that grows when the date moves, and
   * STATUS:CANCELLED for cancelled ones. Its texts (name, SUMMARY, DESCRIPTION) are in the user's language, from
   * {@code i18n/calendar*.properties}.
   */
  public String calendarOf(String userId) {
    Locale locale = locales.of(userId); // the calendar's owner reads it, whoever fetches it
    boolean programmeDirector = users.membersOf(Roles.PROGRAMME_DIRECTOR).contains(userId);
    // a calendar client polls the feed: each account's name is read once, not once per ritual
    Map<String, String> accountNames = new HashMap<>();
    List<RitualIcs.IcsEvent> events = occurrences.findForUser(userId,
            accounts.accountsOf(userId).stream().map(a -> a.accountId()).toList(), programmeDirector).stream()
        .map(occurrence -> event(occurrence, accountNames.computeIfAbsent(occurrence.accountId(),
            id -> accounts.account(id).map(a -> a.name()).orElse(id)), locale))
        .toList();
    return RitualIcs.write(texts.text(locale, "calendar.name", userId), events);
  }

  /** The account's rituals of the year past the proposal, with every action agreed in its rituals. */
  public AccountRituals accountRituals(String accountId, int year) {
    return new AccountRituals(accountId, year, occurrences.findByPlan(year, accountId).stream()
        .filter(o -> o.status() != Occurrence.Status.PROPOSED).toList(), occurrences.actions(accountId));
  }

  /**
   * The account's rituals of every year it has a ritual plan, newest year first: each year's rituals past the
   * proposal, with the actions agreed in that year's rituals.
   */
  public List<AccountRituals> accountRitualsByYear(String accountId) {
    List<RitualAction> actions = occurrences.actions(accountId);
    List<AccountRituals> years = new ArrayList<>();
    for (int year : plans.years(accountId)) {
      List<Occurrence> ofYear = occurrences.findByPlan(year, accountId).stream()
          .filter(o -> o.status() != Occurrence.Status.PROPOSED).toList();
      Set<Long> numbers = ofYear.stream().map(Occurrence::occurrenceNo).collect(java.util.stream.Collectors.toSet());
      years.add(new AccountRituals(accountId, year, ofYear,
          actions.stream().filter(a -> numbers.contains(a.occurrenceNo())).toList()));
    }
    return years;
  }

  private RitualIcs.IcsEvent event(Occurrence occurrence, String account, Locale locale) {
    String ritual = texts.text(locale, "calendar.ritual." + occurrence.type().key());
    StringBuilder description = new StringBuilder(texts.text(locale, "calendar.event.ritual", ritual, account,
        occurrence.accountId()))
        .append('\n').append(occurrence.host() == null ? texts.text(locale, "calendar.event.hostProgrammeDirector")
            : texts.text(locale, "calendar.event.host", occurrence.host()));
    if (occurrence.customerParticipants() != null) {
      description.append('\n').append(texts.text(locale, "calendar.event.customer",
          occurrence.customerParticipants()));
    }
    description.append('\n').append(texts.text(locale, "calendar.event.status",
        texts.text(locale, "calendar.status." + occurrence.status().name())));
    return new RitualIcs.IcsEvent("ritual-" + occurrence.occurrenceNo() + "@kap.example", occurrence.sequence(),
        occurrence.plannedDate(), texts.text(locale, "calendar.event.summary", ritual, account),
        description.toString(), occurrence.status() == Occurrence.Status.CANCELLED, occurrence.updatedAt());
  }

  /** The days a plan's rituals may fall on, from today. */
  private RitualWindow window(int year) {
    return RitualWindow.of(year, today());
  }

  private LocalDate today() {
    return clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
  }

  /** Who holds a ritual: the KAM, the sponsor (the KAM where the account has none), or the programme director. */
  private static String host(String role, Account account) {
    return switch (role) {
      case "sponsor" -> account.sponsor() == null ? account.kam() : account.sponsor();
      case "programmeDirector" -> null;
      default -> account.kam();
    };
  }
}
