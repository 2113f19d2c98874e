package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.PageFormats;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.FollowUpAction;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the server computes for the account page and the programme dashboard is said in the reader's language: an
 * account's health reasons (the DMN table's, through DecisionTexts, what a stakeholder map lacks included), what
 * changed between two plan versions, and the training needs' audiences. camille (French) and a French programme
 * director read them in French, diane in English, from records of a year of this class's own, on a day of that
 * year.
 */
@KapTest
class PlanningPagesInTheReadersLanguageTest {

  private static final int YEAR = 2233;
  private static final String VEGA = "ACC-011"; // Vega Motors, camille's
  private static final String DIRECTOR = "claudefr";
  private static final String PASSWORD = "Un-mot-de-passe-2233!";

  @Autowired CycleRepository cycles;
  @Autowired AccountPlanRepository plans;
  @Autowired FollowUpRepository actions;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired Portfolio portfolio;
  @Autowired IdentityService identityService;
  @Autowired UserLocales locales;
  @Autowired JdbcTemplate jdbc;
  @Autowired PageFormats fmt;
  @LocalServerPort int port;

  @BeforeEach
  void aYearWithAPlanInTwoVersionsAnOverdueActionAndAFrenchDirector() {
    removeDirector();
    User user = identityService.newUser(DIRECTOR);
    user.setFirstName("Claude");
    user.setLastName("Petit");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(DIRECTOR, Roles.PROGRAMME_DIRECTOR);
    locales.set(DIRECTOR, Locale.FRENCH);

    // the year is this class's own: start from nothing, whatever an earlier run left
    jdbc.update("delete from kap_account_health where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_follow_up_action where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_plan_version where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_account_plan where cycle_year = ?", YEAR);
    jdbc.update("delete from kap_cycle where cycle_year = ?", YEAR);
    cycles.insert(YEAR, "pages-test", LocalDate.of(YEAR - 1, 12, 15), LocalDate.of(YEAR, 3, 31), "diane",
        Instant.now());
    if (portfolio.segments(YEAR).isEmpty()) {
      segmentation.segment(YEAR);
    }
    plans.insert(new AccountPlan(YEAR, VEGA, "pages-test-" + VEGA, "camille",
        portfolio.segment(YEAR, VEGA).orElseThrow().segment().label(), AccountPlan.Status.DRAFTING, Instant.now(),
        null, null));
    plans.addVersion(YEAR, VEGA, "camille", Instant.now(), plan("Growing in Asia", "revenue",
        List.of(new PlanContent.TrainingNeed("kam", "Negotiating value"))), List.of());
    plans.addVersion(YEAR, VEGA, "camille", Instant.now(), plan("Growing in Asia, margin pressure at home",
        "profitability", List.of(new PlanContent.TrainingNeed("kam", "Negotiating value"),
            new PlanContent.TrainingNeed("team", "Reading a P&L"))), List.of());
    actions.insert(YEAR, VEGA, FollowUpAction.Source.RITUAL, "pages-test", "Send the price list", "camille",
        "camille", LocalDate.of(YEAR, 5, 1), Instant.now());
    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-06-01T10:00:00Z")));
  }

  @AfterEach
  void removeDirector() {
    ClockUtil.reset();
    if (identityService.createUserQuery().userId(DIRECTOR).count() > 0) {
      locales.set(DIRECTOR, null);
      identityService.deleteMembership(DIRECTOR, Roles.PROGRAMME_DIRECTOR);
      identityService.deleteUser(DIRECTOR);
    }
  }

  @Test
  void theAccountPageSaysHealthReasonsAndPlanChangesInItsReadersLanguage() {
    String french = page("camille", "demo", "/kap/accounts/" + VEGA);
    assertThat(section(french, "id=\"health-reasons\"")).contains("1 action en retard").doesNotContain("overdue");
    assertThat(section(french, "id=\"health-history\"")).contains("1 action en retard").doesNotContain("overdue");
    String changes = section(french, "id=\"plan-changes-" + YEAR + "-2\"");
    assertThat(changes).contains(">Situation du client<", ">Objectifs<", "Type : modification", ">Chiffre d&#39;affaires<",
        ">Rentabilité<", ">Besoins de formation<", "Pour qui : Équipe de compte ; Besoin : Reading a P&amp;L",
        "Growing in Asia, margin pressure at home")
        .doesNotContain("Customer situation", "Objectives", "For whom", "Account team");

    String english = page("diane", "demo", "/kap/accounts/" + VEGA);
    assertThat(section(english, "id=\"health-reasons\"")).contains("1 action overdue");
    assertThat(section(english, "id=\"plan-changes-" + YEAR + "-2\"")).contains(">Customer situation<",
        ">Objectives<", ">Revenue<", ">Profitability<", ">Training needs<",
        "For whom: Account team; Need: Reading a P&amp;L").doesNotContain("Situation du client");
  }

  @Test
  void theDashboardSaysHealthReasonsAndTrainingAudiencesInItsReadersLanguage() {
    page("camille", "demo", "/kap/accounts/" + VEGA); // opening the account stores its health
    String french = page(DIRECTOR, PASSWORD, "/kap/dashboard?year=" + YEAR);
    assertThat(section(french, "id=\"least-healthy\"")).contains("1 action en retard").doesNotContain("overdue");
    assertThat(section(french, "id=\"training-needs\"")).contains(">Équipe de compte<", ">KAM<", "Reading a P&amp;L")
        .doesNotContain("Account team");

    String english = page("diane", "demo", "/kap/dashboard?year=" + YEAR);
    assertThat(section(english, "id=\"least-healthy\"")).contains("1 action overdue");
    assertThat(section(english, "id=\"training-needs\"")).contains(">Account team<", ">KAM<");
  }

  @Test
  void thePagesSayWhatAStakeholderMapLacksInTheReadersLanguage() {
    String stored = "No decision maker with an owner and no champion in the stakeholder map";
    try {
      LocaleContextHolder.setLocale(Locale.FRENCH);
      assertThat(fmt.decided("accountHealth", "reason", stored)).isEqualTo("Il manque un décideur avec un"
          + " responsable chez nous et un champion dans la cartographie des parties prenantes");
      LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(fmt.decided("accountHealth", "reason", stored)).isEqualTo(stored);
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  // --- helpers

  private String page(String user, String password, String path) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, password, "tasklist")).isEqualTo(200);
    HttpResponse<String> page = session.page(path);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body().replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  /** The element that starts with the attribute, up to the end of its table or list. */
  private static String section(String page, String attribute) {
    int start = page.indexOf(attribute);
    assertThat(start).as(attribute + " on the page").isNotNegative();
    int end = page.indexOf("</table>", start);
    int list = page.indexOf("</ul>", start);
    return page.substring(start, list >= 0 && (end < 0 || list < end) ? list : end);
  }

  private static PlanContent plan(String situation, String objectiveType, List<PlanContent.TrainingNeed> needs) {
    return new PlanContent(situation, null, null, null, List.of(new PlanContent.Objective(objectiveType,
        "Lift margin", "Gross margin", "24%", "27%", null)), null, List.of(), List.of(), needs, null);
  }
}
