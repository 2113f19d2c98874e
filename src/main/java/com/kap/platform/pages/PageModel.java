package com.kap.platform.pages;

import com.kap.platform.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's template can show: who is logged in, the CSRF token for forms, the links the user may open. */
@ControllerAdvice(annotations = KapPage.class)
public class PageModel {

  private final CurrentUser currentUser;
  private final List<PageLink> links;

  public PageModel(CurrentUser currentUser, List<PageLink> links) {
    this.currentUser = currentUser;
    this.links = links;
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
    return PageLink.openTo(currentUser, links);
  }
}
