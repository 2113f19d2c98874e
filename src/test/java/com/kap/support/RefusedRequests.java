package com.kap.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answers of status 400 or more that KAP sent to a test's Chromium, as "status url", kept per browser: each
 * Chromium names itself in its user agent ({@code KapBrowser/n}). Outermost of the test application's filters, so
 * that it sees the status the browser got, whoever set it (security, the webapps, KAP). Chromium's own network log
 * told the same, but recording every network event cost the browser tests about a third of their CPU time.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusedRequests extends OncePerRequestFilter {

  private static final Pattern BROWSER = Pattern.compile("KapBrowser/(\\d+)");
  private static final Map<String, Queue<String>> REFUSED = new ConcurrentHashMap<>();

  /** The refusals sent to that browser since the last call. */
  static List<String> takeFor(String browser) {
    List<String> taken = new ArrayList<>();
    Queue<String> refused = REFUSED.get(browser);
    for (String next; refused != null && (next = refused.poll()) != null; ) {
      taken.add(next);
    }
    return taken;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String agent = request.getHeader("User-Agent");
    Matcher browser = agent == null ? null : BROWSER.matcher(agent);
    if (browser == null || !browser.find()) {
      chain.doFilter(request, response);
      return;
    }
    int status = 500; // an exception that leaves every filter becomes an error page of status 500
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      if (status >= 400) {
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        REFUSED.computeIfAbsent(browser.group(1), id -> new ConcurrentLinkedQueue<>()).add(status + " " + url);
      }
    }
  }
}
