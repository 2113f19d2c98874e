package com.kap.budget.web;

import com.kap.budget.BudgetRecords;
import com.kap.budget.ScoreCriterion;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageLink;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My bids" ({@code /kap/bids}), for a KAM: each bid's round and where it stands, the scores once the round is
 * published, an appeal and its outcome, and until when an unfunded bid may be appealed. It shows exactly what
 * {@code GET /api/budget/bids} answers the KAM: nothing of the blind scoring before the publication.
 */
@Controller
@KapPage
public class MyBidsPage {

  static final Set<String> ROLES = Set.of(Roles.KAM);

  private final BudgetRecords records;
  private final CurrentUser currentUser;

  public MyBidsPage(BudgetRecords records, CurrentUser currentUser) {
    this.records = records;
    this.currentUser = currentUser;
  }

  @Bean
  static PageLink myBidsLink() {
    return new PageLink("My bids", "/kap/bids", ROLES, "link.myBids", false);
  }

  @GetMapping("/kap/bids")
  public String show(Model model, HttpServletResponse response) {
    model.addAttribute("title", "My bids");
    if (!currentUser.isIn(ROLES.toArray(String[]::new))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", "\"My bids\" lists a KAM's own investment bids; you are not a KAM. The committee "
          + "follows a round's bids in its Tasklist tasks, and the programme director and directors in the round's "
          + "audit trail.");
      return "kap/refused";
    }
    model.addAttribute("bids", records.myBidsWithRounds());
    Map<String, String> criteria = new LinkedHashMap<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      criteria.put(criterion.key(), criterion.label());
    }
    model.addAttribute("criteria", criteria);
    return "kap/bids";
  }
}
