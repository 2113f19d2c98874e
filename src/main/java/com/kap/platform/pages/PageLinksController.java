package com.kap.platform.pages;

import com.kap.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages the logged-in user may open, for Tasklist's header ({@code kap-pages-link.js}): a user who may open none
 * sees no link.
 */
@RestController
public class PageLinksController {

  private final CurrentUser currentUser;
  private final List<PageLink> links;

  public PageLinksController(CurrentUser currentUser, List<PageLink> links) {
    this.currentUser = currentUser;
    this.links = links;
  }

  public record Link(String label, String path) {}

  @GetMapping("/kap/links")
  public List<Link> links() {
    return PageLink.openTo(currentUser, links).stream().map(link -> new Link(link.label(), link.path())).toList();
  }
}
