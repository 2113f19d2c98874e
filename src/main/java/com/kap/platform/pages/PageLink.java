package com.kap.platform.pages;

import com.kap.platform.i18n.Texts;
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
 * @param labelKey the link's text in KAP's message bundles ({@link Texts}), shown in the user's language; null: the
 *     label as it is
 * @param personal a page about the user themselves (their settings): shown next to their name, apart from the
 *     pages of the programme
 */
public record PageLink(String label, String path, Set<String> roles, String labelKey, boolean personal) {

  /** A page of the programme, its label in English. */
  public PageLink(String label, String path, Set<String> roles) {
    this(label, path, roles, null, false);
  }

  /** The link's text in the current user's language, when it has a key in the bundles. */
  public String labelIn(Texts texts) {
    return labelKey == null ? label : texts.text(labelKey);
  }

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
