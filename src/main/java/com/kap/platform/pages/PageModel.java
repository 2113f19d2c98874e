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
 * pages of the programme, and apart the user's own), the user's language ({@code lang}, for {@code <html lang>}).
 */
@ControllerAdvice(annotations = KapPage.class)
public class PageModel {

  private final CurrentUser currentUser;
  private final List<PageLink> links;
  private final Texts texts;
  private final UserLocales locales;

  public PageModel(CurrentUser currentUser, List<PageLink> links, Texts texts, UserLocales locales) {
    this.currentUser = currentUser;
    this.links = links;
    this.texts = texts;
    this.locales = locales;
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
