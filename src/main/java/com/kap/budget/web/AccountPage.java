package com.kap.budget.web;

import com.kap.budget.BudgetRecords;
import com.kap.planning.AccountPlan;
import com.kap.planning.AccountPlans;
import com.kap.planning.CycleCalendar;
import com.kap.planning.ProgrammeDashboard;
import com.kap.planning.PlanContent;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageFormats;
import com.kap.platform.pages.PageLink;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.Account;
import com.kap.portfolio.AccountView;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioQueries;
import com.kap.planning.AccountPlanYear;
import com.kap.rituals.AccountHealth;
import com.kap.rituals.AccountRituals;
import com.kap.rituals.FollowUps;
import com.kap.rituals.PlanProgress;
import com.kap.rituals.Occurrence;
import com.kap.rituals.RitualAction;
import com.kap.rituals.RitualType;
import com.kap.rituals.Rituals;
import com.kap.rituals.StakeholderContacts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account's page ({@code /kap/accounts/{accountId}}) and the list of the accounts one may open
 * ({@code /kap/accounts}): for the account's KAM, its executive sponsor, the programme director, the directors and
 * the admin, the same people as {@code GET /api/accounts/{accountId}}. The page shows the account, its health this
 * year (score, reasons and history, computed on opening: {@code AccountHealth}) and its segment
 * history, its stakeholder map as an org chart and a table with the last contact of each, its plan versions of
 * each year with what changed from one to the next, its rituals held, not held and
 * missed with their minutes and actions, and its bids, each read through the module's public service with the rights
 * its API has: a bid only as {@code GET /api/budget/bids/{bidId}} shows it to the user, scores blind as there.
 *
 * <p>It lives in the budget module because it reads all four modules, and budget is the one that may: it builds on
 * portfolio and planning already, and rituals, which builds on them too, never on budget, so no cycle arises.
 */
@Controller
@KapPage
public class AccountPage {

  /** Who may open an account's page; a KAM and a sponsor only theirs. */
  static final Set<String> ROLES = Set.of(Roles.KAM, Roles.EXECUTIVE_SPONSOR, Roles.PROGRAMME_DIRECTOR,
      Roles.DIRECTOR, Roles.ADMIN);
  static final Set<String> WHOLE_PORTFOLIO = Set.of(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
  /** Accounts per page of the list, for the directors' whole portfolio. */
  static final int PAGE_SIZE = 50;

  private final PortfolioQueries accounts;
  private final Portfolio portfolio;
  private final AccountPlans plans;
  private final Rituals rituals;
  private final FollowUps followUps;
  private final BudgetRecords budget;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final CycleCalendar calendar;
  private final ProgrammeDashboard cycles;
  private final StakeholderContacts stakeholders;
  private final AccountHealth health;
  private final Texts texts;
  private final PageFormats formats;

  public AccountPage(PortfolioQueries accounts, Portfolio portfolio, AccountPlans plans, Rituals rituals,
      FollowUps followUps, BudgetRecords budget, CurrentUser currentUser, Clock clock, CycleCalendar calendar,
      ProgrammeDashboard cycles, StakeholderContacts stakeholders, AccountHealth health, Texts texts,
      PageFormats formats) {
    this.health = health;
    this.texts = texts;
    this.formats = formats;
    this.accounts = accounts;
    this.portfolio = portfolio;
    this.plans = plans;
    this.rituals = rituals;
    this.followUps = followUps;
    this.budget = budget;
    this.currentUser = currentUser;
    this.clock = clock;
    this.calendar = calendar;
    this.cycles = cycles;
    this.stakeholders = stakeholders;
  }

  @Bean
  static PageLink myAccountsLink() {
    return new PageLink("My accounts", "/kap/accounts", Set.of(Roles.KAM, Roles.EXECUTIVE_SPONSOR),
        "link.myAccounts", false);
  }

  @Bean
  static PageLink accountsLink() {
    return new PageLink("Accounts", "/kap/accounts", WHOLE_PORTFOLIO, "link.accounts", false);
  }

  /** A ritual year as the page shows it: what is past, what is still planned, and the actions agreed. */
  public record RitualYear(int year, List<Occurrence> past, long held, long notHeld, long missed, long planned,
      LocalDate nextPlanned, long cancelled, List<ActionRow> actions) {}

  /**
   * An action agreed in a ritual; one past its due date says so. Whether it is done or dropped is in the plan's
   * progress ({@code FollowUps.progressOf}).
   */
  public record ActionRow(String action, String owner, LocalDate dueDate, boolean pastDue, String agreedIn) {}

  /** An account of the list with its segment and the status of its plan in the latest cycle year. */
  public record ListRow(Account account, String segment, String planStatus) {}

  static final String NOT_SEGMENTED = "not segmented";
  static final String NO_PLAN = "no plan";

  static String statusLabel(AccountPlan.Status status) {
    return switch (status) {
      case DRAFTING -> "Drafting";
      case IN_REVIEW -> "In review";
      case APPROVED -> "Approved";
      case CLOSED -> "Closed unapproved";
    };
  }

  private static final Set<Occurrence.Status> PAST = EnumSet.of(Occurrence.Status.HELD, Occurrence.Status.NOT_HELD,
      Occurrence.Status.MISSED);

  @GetMapping("/kap/accounts/{accountId}")
  public String account(@PathVariable String accountId, Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("col.account"));
    AccountView account;
    try {
      account = accounts.accountView(accountId);
    } catch (ApiException refused) {
      if (refused.status() == HttpStatus.NOT_FOUND) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", texts.text("account.notFound", accountId,
            texts.text(seesWholePortfolio() ? "link.accounts" : "link.myAccounts")));
      } else {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("message", texts.text("account.refused", accountId));
      }
      return "kap/refused";
    }
    model.addAttribute("title", account.name());
    model.addAttribute("a", account);
    // this year's health, computed now (and stored when it changed), with its history
    model.addAttribute("health", health.healthOf(accountId, health.today().getYear()));
    model.addAttribute("segmentYears", account.segmentsByYear().entrySet().stream()
        .sorted(Map.Entry.<Integer, AccountView.YearSegment>comparingByKey().reversed()).toList());
    List<AccountPlanYear> planYears = plans.planYears(accountId, texts.locale());
    model.addAttribute("planYears", planYears);
    // in-year tracking: each approved plan's latest actuals against its targets, and its actions done of all
    Map<Integer, PlanProgress> progress = new LinkedHashMap<>();
    planYears.stream().filter(year -> year.approvedVersion() != null)
        .forEach(year -> progress.put(year.year(), followUps.progressOf(year.year(), accountId)));
    model.addAttribute("progress", progress);
    var stakeholderMap = stakeholders.map(accountId);
    model.addAttribute("stakeholderMap", stakeholderMap);
    model.addAttribute("orgChart", stakeholders.orgChart(stakeholderMap, texts.locale()));
    model.addAttribute("stakeholderLabels", stakeholderLabels(texts.locale()));
    LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.properties().timeZone());
    model.addAttribute("zone", calendar.properties().timeZone());
    model.addAttribute("ritualYears", rituals.accountRitualsByYear(accountId).stream()
        .map(year -> ritualYear(year, today, texts, formats)).toList());
    model.addAttribute("bids", budget.accountBids(accountId));
    model.addAttribute("seesBidsOfOthers", seesWholePortfolio());
    model.addAttribute("criteria", MyBidsPage.criteria(texts));
    model.addAttribute("reasons", new BidReasons(texts, texts.locale()));
    return "kap/account";
  }

  /** The plan form's words for the stakeholders' buying roles, influence and attitudes ("Decision maker"). */
  private static Map<String, String> stakeholderLabels(Locale locale) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map.of("buyingRole", PlanContent.BUYING_ROLES, "influence", PlanContent.INFLUENCE_LEVELS, "attitude",
        PlanContent.ATTITUDES).forEach((field, values) -> values.forEach(value ->
            labels.put(value, FormLabels.option("draftAccountPlan", "stakeholders[]." + field, value, locale))));
    return labels;
  }

  static RitualYear ritualYear(AccountRituals year, LocalDate today, Texts texts, PageFormats formats) {
    List<Occurrence> occurrences = year.occurrences();
    List<Occurrence> past = occurrences.stream().filter(o -> PAST.contains(o.status()))
        .sorted(Comparator.comparing(AccountPage::dayOf)).toList();
    List<Occurrence> planned = occurrences.stream().filter(o -> o.status() == Occurrence.Status.PLANNED)
        .sorted(Comparator.comparing(Occurrence::plannedDate)).toList();
    return new RitualYear(year.year(), past, count(past, Occurrence.Status.HELD),
        count(past, Occurrence.Status.NOT_HELD), count(past, Occurrence.Status.MISSED), planned.size(),
        planned.isEmpty() ? null : planned.get(0).plannedDate(),
        occurrences.stream().filter(o -> o.status() == Occurrence.Status.CANCELLED).count(),
        year.actions().stream().map(action -> actionRow(action, today, texts, formats)).toList());
  }

  /** The ritual an action was agreed in, in the user's language: "Internal new-business review of 2027-03-14". */
  private static ActionRow actionRow(RitualAction action, LocalDate today, Texts texts, PageFormats formats) {
    String ritual = RitualType.byKey(action.ritualType()).map(type -> texts.text("ritual." + type.key()))
        .orElse(action.ritualType());
    return new ActionRow(action.action(), action.owner(), action.dueDate(),
        action.dueDate() != null && action.dueDate().isBefore(today),
        action.heldDate() == null ? ritual : texts.text("account.agreedIn", ritual, formats.date(action.heldDate())));
  }



  private static LocalDate dayOf(Occurrence occurrence) {
    return occurrence.heldDate() != null ? occurrence.heldDate() : occurrence.plannedDate();
  }

  private static long count(List<Occurrence> occurrences, Occurrence.Status status) {
    return occurrences.stream().filter(o -> o.status() == status).count();
  }

  /**
   * The accounts the user may open: a KAM's own, a sponsor's sponsored, the whole portfolio for the programme
   * director and the directors, who filter it by region and by words of its name or id, a page at a time.
   */
  @GetMapping("/kap/accounts")
  public String list(@RequestParam(name = "region", required = false) String region,
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "page", required = false) String pageParam, Model model, HttpServletResponse response) {
    boolean whole = seesWholePortfolio();
    model.addAttribute("title", texts.text(whole ? "link.accounts" : "link.myAccounts"));
    if (!currentUser.isIn(ROLES.toArray(String[]::new))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", texts.text("accounts.refused"));
      return "kap/refused";
    }
    String wantedRegion = region == null || region.isBlank() ? null : region.strip();
    List<String> regions = portfolio.regions();
    if (wantedRegion != null && !regions.contains(wantedRegion)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", texts.text("page.noRegion", wantedRegion, String.join(", ", regions)));
      return "kap/refused";
    }
    String words = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
    List<Account> matching = accounts.visibleAccounts().stream()
        .filter(a -> wantedRegion == null || wantedRegion.equals(a.region()))
        .filter(a -> words == null || a.name().toLowerCase(Locale.ROOT).contains(words)
            || a.accountId().toLowerCase(Locale.ROOT).contains(words))
        .sorted(Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Account::accountId))
        .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(Math.max(1, pageNumber(pageParam)), pages);
    model.addAttribute("whole", whole);
    model.addAttribute("regions", whole ? regions : List.of());
    model.addAttribute("region", wantedRegion);
    model.addAttribute("q", query == null ? "" : query.strip());
    model.addAttribute("total", matching.size());
    model.addAttribute("page", page);
    model.addAttribute("pages", pages);
    List<Account> shown = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
    // the latest cycle year's segments and plans, each read once, whatever the number of accounts
    List<Integer> years = cycles.years();
    Integer year = years.isEmpty() ? null : years.get(0);
    Map<String, String> segments = new HashMap<>();
    Map<String, String> statuses = new HashMap<>();
    if (year != null && !shown.isEmpty()) {
      for (CycleSegment segment : portfolio.segments(year)) {
        segments.put(segment.accountId(), segment.segment().label());
      }
      for (AccountPlan plan : plans.plans(year)) {
        statuses.put(plan.accountId(), statusLabel(plan.status()));
      }
    }
    model.addAttribute("year", year);
    model.addAttribute("accounts", shown.stream().map(a -> new ListRow(a,
        segments.getOrDefault(a.accountId(), NOT_SEGMENTED), statuses.getOrDefault(a.accountId(), NO_PLAN))).toList());
    return "kap/accounts";
  }

  /** The page asked for; anything that is no number is the first. */
  private static int pageNumber(String page) {
    try {
      return page == null ? 1 : Integer.parseInt(page.strip());
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  private boolean seesWholePortfolio() {
    return currentUser.isIn(WHOLE_PORTFOLIO.toArray(String[]::new));
  }
}
