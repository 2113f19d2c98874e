package com.kap.platform.pages;

import java.util.Set;

/**
 * A page of KAP's that a module offers, and who may open it: Tasklist's header shows the link to those users only
 * ({@link PageLinksController}), and the page itself checks the same roles.
 *
 * @param label the link's text
 * @param path the page, e.g. {@code /kap/dashboard}
 * @param roles the groups whose members may open it
 */
public record PageLink(String label, String path, Set<String> roles) {}
