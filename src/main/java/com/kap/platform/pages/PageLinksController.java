package com.kap.platform.pages;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's header needs from KAP ({@code kap-pages-link.js}): the pages the logged-in user may open (a user
 * who may open none sees no link), with the label of the menu they fold into ({@code ?menu}), and the user's
 * language, which Tasklist then speaks.
 */
@RestController
public class PageLinksController {

  private final CurrentUser currentUser;
  private final List<PageLink> links;
  private final Texts texts;
  private final UserLocales locales;

  public PageLinksController(CurrentUser currentUser, List<PageLink> links, Texts texts, UserLocales locales) {
    this.currentUser = currentUser;
    this.links = links;
    this.texts = texts;
    this.locales = locales;
  }

  /** A link: its text in the user's language; {@code personal} for the user's own settings. */
  public record Link(String label, String path, boolean personal) {}

  /**
   * The links with the label of the menu Tasklist's header folds them into ("KAP pages", "Pages KAP"), in the user's
   * language: what {@code /kap/links?menu} answers.
   */
  public record LinksAndMenu(List<Link> links, String menu) {}

  /** The logged-in user and the language KAP speaks to them ({@code en}, {@code fr}). */
  public record Me(String userId, String locale) {}

  /** The links as a list, as they always were. */
  @GetMapping("/kap/links")
  public List<Link> links() {
    return PageLink.openTo(currentUser, links).stream()
        .map(link -> new Link(link.labelIn(texts), link.path(), link.personal())).toList();
  }

  /** The links and the label of the menu they fold into, for {@code kap-pages-link.js}. */
  @GetMapping(path = "/kap/links", params = "menu")
  public LinksAndMenu linksAndMenu() {
    return new LinksAndMenu(links(), texts.text("links.menu"));
  }

  /** The user's language: theirs, else the installation's ({@code kap.locale}). */
  @GetMapping("/kap/me")
  public Me me() {
    return new Me(currentUser.id(), locales.of(currentUser.id()).getLanguage());
  }
}
