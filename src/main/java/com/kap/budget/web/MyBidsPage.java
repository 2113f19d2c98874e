package com.kap.budget.web;

import com.kap.budget.BudgetRecords;
import com.kap.budget.ScoreCriterion;
import com.kap.platform.i18n.Texts;
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
  private final Texts texts;

  public MyBidsPage(BudgetRecords records, CurrentUser currentUser, Texts texts) {
    this.records = records;
    this.currentUser = currentUser;
    this.texts = texts;
  }

  @Bean
  static PageLink myBidsLink() {
    return new PageLink("My bids", "/kap/bids", ROLES, "link.myBids", false);
  }

  @GetMapping("/kap/bids")
  public String show(Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("link.myBids"));
    if (!currentUser.isIn(ROLES.toArray(String[]::new))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", texts.text("bids.refused"));
      return "kap/refused";
    }
    model.addAttribute("bids", records.myBidsWithRounds());
    model.addAttribute("criteria", criteria(texts));
    model.addAttribute("reasons", new BidReasons(texts, texts.locale()));
    return "kap/bids";
  }

  /** The committee's criteria by key, in the user's language ("Strategic fit"). */
  static Map<String, String> criteria(Texts texts) {
    Map<String, String> criteria = new LinkedHashMap<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      criteria.put(criterion.key(), texts.text("criterion." + criterion.key()));
    }
    return criteria;
  }
}
