package com.kap.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to KAP for whatever leaves it: mails, and the calendar address a calendar app subscribes to. They
 * are built from the address people open KAP at, {@code kap.public-base-url} ({@code KAP_PUBLIC_BASE_URL}), never
 * from a request: a mail is often sent by a job, with no request, and behind a proxy the request's host is not the one
 * people know.
 */
@Component
public class PublicLinks {

  /** Where links point when {@code kap.public-base-url} is not set: only this machine opens them. */
  static final String UNSET = "http://localhost:8080";

  private static final Logger LOG = LoggerFactory.getLogger(PublicLinks.class);

  private final String base;
  private final String tasklist;

  public PublicLinks(@Value("${kap.public-base-url:}") String configured,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    if (configured == null || configured.isBlank()) {
      LOG.warn("kap.public-base-url is not set: links in mails and calendar addresses point at {}, which only this "
          + "machine opens. Set KAP_PUBLIC_BASE_URL to the address people open KAP at, e.g. https://kap.example.com",
          UNSET);
      this.base = UNSET;
    } else {
      this.base = parse(configured.strip());
    }
    this.tasklist = absolute(webappPath + "/app/tasklist/default/");
  }

  /** The base itself, without a trailing slash, e.g. {@code https://kap.example.com}. */
  public String base() {
    return base;
  }

  /** The absolute link to a path of KAP's, e.g. {@code /kap/calendar}. */
  public String absolute(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path of KAP's starts with /: " + path);
    }
    return base + path;
  }

  /** Tasklist's start page, where every user's tasks are. */
  public String tasklist() {
    return tasklist;
  }

  private static String parse(String configured) {
    URI uri;
    try {
      uri = new URI(configured);
    } catch (URISyntaxException e) {
      throw invalid(configured, e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(configured, "it does not start with https:// or http://");
    }
    if (uri.getHost() == null) {
      throw invalid(configured, "it names no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid(configured, "a base address has no query (?), fragment (#) or user name (@)");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static IllegalStateException invalid(String configured, String reason) {
    return new IllegalStateException("kap.public-base-url (KAP_PUBLIC_BASE_URL) must be the absolute address people "
        + "open KAP at, such as https://kap.example.com; '" + configured + "' is not: " + reason);
  }
}
