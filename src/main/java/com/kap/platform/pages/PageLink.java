package com.kap.platform.pages;

import com.kap.platform.identity.CurrentUser;
import java.util.List;
import java.util.Set;

/**
 * A page of KAP's that a module offers, and who may open it: Tasklist's header shows the link to those users only
 * ({@link PageLinksController}), and the page itself checks the same roles.
 *
 * @param label the link's text
 * @param path the page, e.g. {@code /kap/dashboard}
 * @param roles the groups whose members may open it
 */
public record PageLink(String label, String path, Set<String> roles) {

  /** The links of {@code links} that the logged-in user may open. */
  public static List<PageLink> openTo(CurrentUser user, List<PageLink> links) {
    return links.stream().filter(link -> user.isIn(link.roles().toArray(String[]::new))).toList();
  }
}
