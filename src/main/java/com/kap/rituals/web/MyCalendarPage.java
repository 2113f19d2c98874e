package com.kap.rituals.web;

import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageLink;
import com.kap.platform.web.PublicLinks;
import com.kap.planning.CycleCalendar;
import com.kap.rituals.CalendarSubscription;
import com.kap.rituals.CalendarSubscriptions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My calendar" ({@code /kap/calendar}): the user's personal calendar address for calendar apps, made, regenerated
 * and revoked here. A new address is shown once, in full; KAP keeps only its hash, so later visits show when it was
 * made and last fetched, and a lost address is regenerated. For those who have a ritual calendar
 * ({@link CalendarSubscriptions#ROLES}).
 */
@Controller
@KapPage
public class MyCalendarPage {

  static final String PATH = CalendarSubscriptions.PAGE_PATH;
  private final CalendarSubscriptions subscriptions;
  private final CurrentUser currentUser;
  private final PublicLinks links;
  private final Texts texts;
  private final CycleCalendar calendar;

  public MyCalendarPage(CalendarSubscriptions subscriptions, CurrentUser currentUser, PublicLinks links,
      Texts texts, CycleCalendar calendar) {
    this.calendar = calendar;
    this.subscriptions = subscriptions;
    this.currentUser = currentUser;
    this.links = links;
    this.texts = texts;
  }

  @Bean
  static PageLink myCalendarLink() {
    return new PageLink("My calendar", PATH, CalendarSubscriptions.ROLES, "link.myCalendar", false);
  }

  @GetMapping(PATH)
  public String show(Model model, HttpServletResponse response) {
    if (refused(model, response)) {
      return "kap/refused";
    }
    // a form's outcome arrives as flash attributes, once: a reload shows the page without it
    return page(model, (String) model.getAttribute("newAddress"), (String) model.getAttribute("notice"));
  }

  /**
   * A new address; the old one stops working at once. The browser is sent back to the page, which shows the new
   * address this once, so that reloading it does not make yet another address.
   */
  @PostMapping(PATH + "/regenerate")
  public String regenerate(Model model, HttpServletResponse response, RedirectAttributes outcome) {
    if (refused(model, response)) {
      return "kap/refused";
    }
    String token = subscriptions.regenerate(currentUser.id());
    outcome.addFlashAttribute("newAddress", links.absolute(CalendarSubscriptions.feedPath(token)));
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/revoke")
  public String revoke(Model model, HttpServletResponse response, RedirectAttributes outcome) {
    if (refused(model, response)) {
      return "kap/refused";
    }
    boolean had = subscriptions.revoke(currentUser.id());
    outcome.addFlashAttribute("notice", texts.text(had ? "calendar.revoked" : "calendar.nothingToRevoke"));
    return "redirect:" + PATH;
  }

  private boolean refused(Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("link.myCalendar"));
    if (currentUser.isIn(CalendarSubscriptions.ROLES.toArray(String[]::new))) {
      return false;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", texts.text("calendar.refused"));
    return true;
  }

  private String page(Model model, String newAddress, String notice) {
    CalendarSubscription subscription = subscriptions.of(currentUser.id()).orElse(null);
    model.addAttribute("newAddress", newAddress);
    model.addAttribute("notice", notice);
    model.addAttribute("subscription", subscription);
    // moments in the programme's time zone, in the reader's order (fmt.dateTime), the zone named
    model.addAttribute("created", subscription == null ? null : subscription.createdAt());
    model.addAttribute("lastFetched", subscription == null ? null : subscription.lastFetchedAt());
    model.addAttribute("zone", calendar.properties().timeZone());
    return "kap/calendar";
  }
}
