package com.kap.platform.i18n;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request, for Spring MVC (Thymeleaf's {@code #{key}}, {@code LocaleContextHolder}), replacing
 * Spring Boot's default resolver (the bean's name, {@value #BEAN}, is what Spring MVC looks for):
 *
 * <ul>
 *   <li>KAP's pages ({@code /kap/...}, and their error page): the logged-in user's language ({@link UserLocales}),
 *       the one {@code PagesAuthenticationFilter} found for the session's login ({@link #PAGE_LOCALE}), else the
 *       engine's current user's, else the installation's;
 *   <li>anything else, notably {@code /api}: the request's {@code Accept-Language} among the languages KAP speaks,
 *       English when it names none of them or is absent. Never the user's setting: an API answers what its client
 *       asks for.
 * </ul>
 */
@Component(KapLocaleResolver.BEAN)
public class KapLocaleResolver implements LocaleResolver {

  public static final String BEAN = "localeResolver";
  /** The request attribute under which the pages' filter leaves the logged-in user's language. */
  public static final String PAGE_LOCALE = "kap.pages.locale";

  private final UserLocales locales;

  public KapLocaleResolver(UserLocales locales) {
    this.locales = locales;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (isPage(request)) {
      return request.getAttribute(PAGE_LOCALE) instanceof Locale chosen ? chosen : locales.current();
    }
    return accepted(request.getHeader("Accept-Language"));
  }

  /** The request's language is not set from outside: it is the user's, or what the client accepts. */
  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("KAP's language is the user's (My settings) or Accept-Language's");
  }

  /** The first language of an {@code Accept-Language} header that KAP speaks; English when there is none. */
  public static Locale accepted(String header) {
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
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
      // a header KAP cannot read names no language
    }
    return Locale.ENGLISH;
  }

  /** The same as {@link #accepted(String)}. */
  public static Locale ofAcceptLanguage(String header) {
    return accepted(header);
  }

  /** A request for one of KAP's pages, or the error page of one (its original address). */
  static boolean isPage(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/kap") || path.startsWith("/kap/");
  }

  /** Whether the request is one of KAP's API ({@code /api}), an error forwarded from there included. */
  public static boolean isApi(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** The request's path within the application; for an error forwarded to {@code /error}, the original one. */
  private static String path(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = original instanceof String address ? address : request.getRequestURI();
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    String path = uri != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path == null ? "" : path;
  }
}
