package com.kap.platform.i18n;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a request's answer, for Spring MVC (a controller's {@code Locale}, Thymeleaf's {@code #{...}}):
 *
 * <ul>
 *   <li>{@code /api}: the {@code Accept-Language} header's, among the languages KAP speaks, English when it names
 *       none of them or is absent: an API client asks, whoever it logs in as (docs/i18n.md);
 *   <li>KAP's pages ({@code /kap/...}): the logged-in user's ({@link UserLocales#current()});
 *   <li>anything else: the header's, as Spring Boot's default resolver does.
 * </ul>
 *
 * <p>An error forwarded to {@code /error} keeps the language of the path it happened on.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class KapLocaleResolver implements LocaleResolver {

  private final UserLocales locales;
  private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();

  public KapLocaleResolver(UserLocales locales) {
    this.locales = locales;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    String path = path(request);
    if (isApi(path)) {
      return ofAcceptLanguage(request.getHeader("Accept-Language"));
    }
    if (path.startsWith("/kap/")) {
      return locales.current();
    }
    return header.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException(
        "a user's language is set on My settings or by PUT /api/users/{userId}/locale");
  }

  /** The first language of the header KAP speaks ({@code fr-CA} counts as {@code fr}), else English. */
  public static Locale ofAcceptLanguage(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      for (Locale.LanguageRange range : ranges) {
        if (range.getWeight() <= 0 || range.getRange().equals("*")) {
          continue;
        }
        var supported = UserLocales.supported(range.getRange());
        if (supported.isPresent()) {
          return supported.get();
        }
      }
    } catch (IllegalArgumentException malformed) {
      // a header nobody can read asks for nothing
    }
    return Locale.ENGLISH;
  }

  /** Whether the request is one of KAP's API ({@code /api}), an error forwarded from there included. */
  public static boolean isApi(HttpServletRequest request) {
    return isApi(path(request));
  }

  private static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static String path(HttpServletRequest request) {
    Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = forwarded instanceof String errorUri ? errorUri : request.getRequestURI();
    String context = request.getContextPath();
    return uri != null && context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length()) : uri == null ? "" : uri;
  }
}
