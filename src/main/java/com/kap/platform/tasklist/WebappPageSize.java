package com.kap.platform.tasklist;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tasklist, Cockpit and Admin ask for pages of their own size: Tasklist loads its filters with
 * {@code maxResults=2000}, and Cockpit lists a definition's versions with no {@code maxResults} at all. KAP's engine
 * refuses both ({@code queryMaxResultsLimit}), so nobody saw a filter. For the webapps' own API ({@code /camunda/api})
 * this filter fits their requests to the limit: a larger page becomes a page of the limit's size, and a request
 * without a page gets one. Every row they ask for still comes page by page, and {@code /engine-rest} keeps refusing
 * oversized and unbounded queries, so scripts learn to page.
 */
@Configuration
public class WebappPageSize {

  static final String MAX_RESULTS = "maxResults";

  @Bean
  FilterRegistrationBean<Filter> webappPageSizeFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${camunda.bpm.generic-properties.properties.queryMaxResultsLimit:2147483647}") int limit) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new PageSizeFilter(limit));
    registration.setName("kap-webapp-page-size");
    registration.addUrlPatterns(webappPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }

  /** Fits the {@code maxResults} query parameter of every request to {@code limit}. */
  static final class PageSizeFilter implements Filter {

    private final int limit;

    PageSizeFilter(int limit) {
      this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      // a form post (the login) keeps its body: reading its parameters here would consume it
      if (limit < Integer.MAX_VALUE && request instanceof HttpServletRequest http
          && !isFormPost(http)) {
        String fitted = fittedQuery(http.getQueryString(), limit);
        if (!fitted.equals(http.getQueryString())) {
          chain.doFilter(new FittedRequest(http, fitted), response);
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /**
   * The query string with {@code maxResults} at most {@code limit}, added where it is missing; a value that is no
   * number is left for the engine to refuse.
   */
  static String fittedQuery(String query, int limit) {
    List<String> parts = new ArrayList<>();
    boolean paged = false;
    if (query != null && !query.isEmpty()) {
      for (String part : query.split("&")) {
        int equals = part.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8);
        if (MAX_RESULTS.equals(name)) {
          paged = true;
          String value = equals < 0 ? "" : URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
          try {
            if (Long.parseLong(value.trim()) > limit) {
              part = MAX_RESULTS + "=" + limit;
            }
          } catch (NumberFormatException notANumber) {
            // the engine answers 400 for it
          }
        }
        parts.add(part);
      }
    }
    if (!paged) {
      parts.add(MAX_RESULTS + "=" + limit);
    }
    return String.join("&", parts);
  }

  /** The request as the webapp sent it, but with the fitted query string and parameters. */
  static final class FittedRequest extends HttpServletRequestWrapper {

    private final String query;
    private final String maxResults;

    FittedRequest(HttpServletRequest request, String query) {
      super(request);
      this.query = query;
      String fitted = null;
      for (String part : query.split("&")) {
        if (part.startsWith(MAX_RESULTS + "=")) {
          fitted = part.substring(MAX_RESULTS.length() + 1);
        }
      }
      this.maxResults = fitted;
    }

    @Override
    public String getQueryString() {
      return query;
    }

    @Override
    public String getParameter(String name) {
      return MAX_RESULTS.equals(name) ? maxResults : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
      parameters.put(MAX_RESULTS, new String[] {maxResults});
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return MAX_RESULTS.equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
    }
  }
}
