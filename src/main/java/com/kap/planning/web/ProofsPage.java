package com.kap.planning.web;

import com.kap.planning.ProgrammeDashboard;
import com.kap.planning.ProgrammeProofs;
import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageLink;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The year's proofs of success as a page ({@code /kap/proofs?year=}), for the programme director, the directors and
 * the admin: what they show the executive sponsors and the steering committee, with the same figures as a PDF.
 */
@Controller
@KapPage
public class ProofsPage {

  /** Who may see the proofs: the programme's figures, beyond any one account. */
  static final Set<String> ROLES = Set.of(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);

  private final ProgrammeProofs proofs;
  private final ProgrammeDashboard dashboard;
  private final CurrentUser currentUser;
  private final Texts texts;

  public ProofsPage(ProgrammeProofs proofs, ProgrammeDashboard dashboard, CurrentUser currentUser, Texts texts) {
    this.proofs = proofs;
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.texts = texts;
  }

  @Bean
  static PageLink proofsLink() {
    return new PageLink("Proofs of success", "/kap/proofs", ROLES, "link.proofs", false);
  }

  @GetMapping("/kap/proofs")
  public String show(@RequestParam(name = "year", required = false) String yearParam, Model model,
      HttpServletResponse response) {
    model.addAttribute("title", texts.text("link.proofs"));
    model.addAttribute("yearPage", "/kap/proofs");
    if (!currentUser.isIn(ROLES.toArray(String[]::new))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", texts.text("proofs.refused"));
      return "kap/refused";
    }
    OptionalInt year = CycleYearChoice.pick(yearParam, dashboard.years(), model, response, texts);
    if (year.isEmpty()) {
      return "kap/refused";
    }
    int shown = year.getAsInt();
    model.addAttribute("year", shown);
    model.addAttribute("p", proofs.of(shown));
    return "kap/proofs";
  }
}
