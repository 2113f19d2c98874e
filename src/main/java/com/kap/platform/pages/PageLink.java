package com.kap.platform.pages;

import com.kap.platform.identity.CurrentUser;
import java.util.HashSet;
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

  /**
   * The links of {@code links} that the logged-in user may open, each page once: where two links lead to the same
   * page under different labels for different roles (e.g. "My accounts" and "Accounts"), the first that is open to
   * the user.
   */
  public static List<PageLink> openTo(CurrentUser user, List<PageLink> links) {
    Set<String> paths = new HashSet<>();
    return links.stream().filter(link -> user.isIn(link.roles().toArray(String[]::new)))
        .filter(link -> paths.add(link.path())).toList();
  }
}
