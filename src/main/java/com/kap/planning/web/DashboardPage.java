package com.kap.planning.web;

import com.kap.planning.BudgetFiguresSource;
import com.kap.planning.DashboardView;
import com.kap.planning.ProgrammeDashboard;
import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageLink;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme dashboard as a page ({@code /kap/dashboard?year=}), for the programme director and the directors:
 * the year's plans by segment and status, approvals against the deadline and the overdue plans by name, the
 * segmentation matrix, ritual compliance by segment and by KAM, the training needs and whether their plan is
 * written, and what funded bids delivered against what they promised. Every figure is a table; the bars beside them
 * show the same numbers.
 */
@Controller
@KapPage
public class DashboardPage {

  /** Who sees the whole programme. */
  static final Set<String> PROGRAMME_ROLES = Set.of(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
  /** Who may open the page: executive sponsors see the accounts they sponsor. */
  static final Set<String> ROLES = Set.of(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN,
      Roles.EXECUTIVE_SPONSOR);

  private final ProgrammeDashboard dashboard;
  private final CurrentUser currentUser;
  private final BudgetFiguresSource budgetFigures;
  private final Texts texts;

  public DashboardPage(ProgrammeDashboard dashboard, CurrentUser currentUser, BudgetFiguresSource budgetFigures,
      Texts texts) {
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.budgetFigures = budgetFigures;
    this.texts = texts;
  }

  @Bean
  static PageLink dashboardLink() {
    return new PageLink("Programme dashboard", "/kap/dashboard", ROLES, "link.dashboard", false);
  }

  @GetMapping("/kap/dashboard")
  public String show(@RequestParam(name = "year", required = false) String yearParam,
      @RequestParam(name = "region", required = false) String regionParam, Model model,
      HttpServletResponse response) {
    model.addAttribute("title", texts.text("link.dashboard"));
    if (!currentUser.isIn(ROLES.toArray(String[]::new))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", texts.text("dashboard.refused"));
      return "kap/refused";
    }
    OptionalInt year = CycleYearChoice.pick(yearParam, dashboard.years(), model, response, texts);
    if (year.isEmpty()) {
      return "kap/refused";
    }
    int shown = year.getAsInt();
    List<String> regions = dashboard.regions();
    model.addAttribute("regions", regions);
    String region = regionParam == null || regionParam.isBlank() ? null : regionParam.strip();
    if (region != null && !regions.contains(region)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", texts.text("page.noRegion", region, String.join(", ", regions)));
      return "kap/refused";
    }
    String sponsor = currentUser.isIn(PROGRAMME_ROLES.toArray(String[]::new)) ? null : currentUser.id();
    DashboardView view = dashboard.view(shown, new DashboardView.Scope(region, sponsor));
    model.addAttribute("year", shown);
    model.addAttribute("region", region);
    model.addAttribute("v", view);
    model.addAttribute("d", view.figures());
    // like the budget's figures: for the programme, not for an executive sponsor
    model.addAttribute("results", sponsor == null ? budgetFigures.resultsOf(shown, region) : null);
    return "kap/dashboard";
  }
}
