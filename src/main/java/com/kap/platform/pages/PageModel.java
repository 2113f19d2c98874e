package com.kap.platform.pages;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's template can show: who is logged in, the CSRF token for forms, the links the user may open (the
 * pages of the programme, and apart the user's own), the user's language ({@code lang}, for {@code <html lang>}),
 * and {@code fmt} ({@link PageFormats}) for dates, numbers and amounts in it.
 */
@ControllerAdvice(annotations = KapPage.class)
public class PageModel {

  private final CurrentUser currentUser;
  private final List<PageLink> links;
  private final Texts texts;
  private final UserLocales locales;
  private final PageFormats formats;

  public PageModel(CurrentUser currentUser, List<PageLink> links, Texts texts, UserLocales locales,
      PageFormats formats) {
    this.currentUser = currentUser;
    this.links = links;
    this.texts = texts;
    this.locales = locales;
    this.formats = formats;
  }

  /** Dates, numbers and amounts in the user's language. */
  @ModelAttribute("fmt")
  public PageFormats formats() {
    return formats;
  }

  @ModelAttribute("userId")
  public String userId() {
    return currentUser.id();
  }

  @ModelAttribute("csrfToken")
  public Object csrfToken(HttpServletRequest request) {
    return request.getAttribute(PagesAuthenticationFilter.CSRF_ATTRIBUTE);
  }

  @ModelAttribute("pageLinks")
  public List<PageLink> pageLinks() {
    return translated(false);
  }

  @ModelAttribute("personalLinks")
  public List<PageLink> personalLinks() {
    return translated(true);
  }

  @ModelAttribute("lang")
  public String lang() {
    return locales.current().getLanguage();
  }

  private List<PageLink> translated(boolean personal) {
    return PageLink.openTo(currentUser, links).stream().filter(link -> link.personal() == personal)
        .map(link -> new PageLink(link.labelIn(texts), link.path(), link.roles(), link.labelKey(), personal))
        .toList();
  }
}
