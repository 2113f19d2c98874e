package com.kap.platform.pages;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My settings" ({@code /kap/settings}): the user picks the language KAP speaks to them, English or French, and sees
 * which one they have. Saved as their {@link UserLocales} choice, which KAP's pages, Tasklist (through
 * {@code kap-pages-link.js}) and mails follow. The page itself speaks the user's language. Open to every KAP role.
 */
@Controller
@KapPage
public class MySettingsPage {

  public static final String PATH = "/kap/settings";
  /** Every role of KAP's: whoever works in it has a language. */
  public static final Set<String> ROLES = Set.of(Roles.KAM, Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR,
      Roles.EXECUTIVE_SPONSOR, Roles.TRAINING_COORDINATOR, Roles.PROCESS_OWNER, Roles.GLOBAL_COMMITTEE, Roles.ADMIN,
      Roles.OPERATOR);

  private final UserLocales locales;
  private final Texts texts;
  private final CurrentUser currentUser;

  public MySettingsPage(UserLocales locales, Texts texts, CurrentUser currentUser) {
    this.locales = locales;
    this.texts = texts;
    this.currentUser = currentUser;
  }

  @Bean
  static PageLink mySettingsLink() {
    return new PageLink("My settings", PATH, ROLES, "settings.title", true);
  }

  /**
   * A language to pick: its code, its name in itself (so that a user who cannot read the page's language still finds
   * theirs), whether it is the user's.
   */
  public record Language(String tag, String name, boolean selected) {}

  @GetMapping(PATH)
  public String show(Model model, HttpServletResponse response) {
    if (refused(model, response)) {
      return "kap/refused";
    }
    return page(model, (String) model.getAttribute("notice"), null); // the save's outcome, once (flash)
  }

  /** Saves the choice and sends the browser back to the page (a reload does not post again). */
  @PostMapping(PATH)
  public String save(@RequestParam(name = "locale", required = false) String tag, Model model,
      HttpServletResponse response, RedirectAttributes outcome) {
    if (refused(model, response)) {
      return "kap/refused";
    }
    Optional<Locale> language = UserLocales.supported(tag);
    if (language.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, null, texts.text("settings.unsupported", supportedNames()));
    }
    locales.set(currentUser.id(), language.get());
    outcome.addFlashAttribute("notice", texts.text(language.get(), "settings.saved"));
    return "redirect:" + PATH;
  }

  private String supportedNames() {
    return String.join(", ", UserLocales.SUPPORTED.stream().map(Locale::getLanguage).toList());
  }

  private boolean refused(Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("settings.title"));
    if (currentUser.isIn(ROLES.toArray(String[]::new))) {
      return false;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", texts.text("settings.refused"));
    return true;
  }

  private String page(Model model, String notice, String error) {
    String userId = currentUser.id();
    Locale current = locales.of(userId);
    boolean chosen = locales.chosenBy(userId).isPresent();
    List<Language> languages = UserLocales.SUPPORTED.stream().map(language -> new Language(language.getLanguage(),
        texts.text(language, "locale." + language.getLanguage()), language.equals(current))).toList();
    String name = texts.text("locale." + current.getLanguage());
    model.addAttribute("title", texts.text("settings.title"));
    model.addAttribute("lang", current.getLanguage());
    model.addAttribute("languages", languages);
    model.addAttribute("state", texts.text(chosen ? "settings.language.chosen" : "settings.language.default", name));
    model.addAttribute("notice", notice);
    model.addAttribute("error", error);
    model.addAttribute("t", new PageTexts(texts.text("settings.intro"), texts.text("settings.language"),
        texts.text("settings.save")));
    return "kap/settings";
  }

  /** The page's fixed texts in the user's language. */
  public record PageTexts(String intro, String language, String save) {}
}
