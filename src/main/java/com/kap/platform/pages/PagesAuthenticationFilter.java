package com.kap.platform.pages;

import com.kap.platform.i18n.KapLocaleResolver;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * KAP's pages under {@code /kap/} use the login of Camunda's webapps: whoever is logged into Tasklist (the same
 * session cookie) is the engine's current user for the request, so that {@code CurrentUser} and the engine's
 * authorizations apply as in {@code /api}. Nobody logged in: a page request goes to Tasklist's login page.
 *
 * <p>Requests that change something (any method but GET and HEAD) must carry the session's CSRF token, the one
 * Camunda's webapps keep in the session (field {@value #CSRF_FIELD} or header {@code X-XSRF-TOKEN}); pages put it
 * into their forms. A cross-site form cannot know it. A form with a file ({@code multipart/form-data}) is read here
 * first ({@link MultipartForm}), from a logged-in user only, so that its fields and files reach the page.
 */
public class PagesAuthenticationFilter extends OncePerRequestFilter {

  /** The form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "_csrf";
  /** The request attribute under which pages find the session's CSRF token. */
  public static final String CSRF_ATTRIBUTE = "kapCsrfToken";
  static final String ENGINE = "default";
  static final String LOGIN = "/camunda/app/tasklist/default/";
  /** Camunda's default time to live of a session's cached login (webapp {@code auth.cache.time-to-live}). */
  static final long AUTHENTICATION_CACHE_MILLIS = 5 * 60 * 1000L;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;
  private final long maxFormBytes;
  private final UserLocales locales;
  private final Texts texts;

  /**
   * @param maxFormBytes the largest form with files ({@code multipart/form-data}) a page takes, read into memory
   *     here so that its CSRF field is checked as any other form's; larger: 413
   */
  public PagesAuthenticationFilter(IdentityService identityService, long maxFormBytes, UserLocales locales,
      Texts texts) {
    this.identityService = identityService;
    this.maxFormBytes = maxFormBytes;
    this.locales = locales;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    UserAuthentication user = session == null ? null : loggedIn(session);
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    // the page and its error page speak the user's language (KapLocaleResolver), the installation's before a login
    Locale locale = user == null ? locales.defaultLocale() : locales.of(user.getIdentityId());
    request.setAttribute(KapLocaleResolver.PAGE_LOCALE, locale);
    if (user == null) {
      if (reading) {
        response.sendRedirect(request.getContextPath() + LOGIN + returnAfterLogin(request));
      } else {
        refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, texts.text(locale, "pages.refused.login"));
      }
      return;
    }
    if (!reading && MultipartForm.isMultipartForm(request)) {
      try {
        request = MultipartForm.read(request, maxFormBytes);
      } catch (MultipartForm.TooLarge tooLarge) {
        response.setHeader("Connection", "close");
        refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            texts.text(locale, "pages.refused.tooLarge", DataSize.ofBytes(maxFormBytes).toMegabytes()));
        return;
      } catch (MultipartForm.Malformed malformed) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
            texts.text(locale, "pages.refused.malformed", malformed.getMessage()));
        return;
      }
    }
    String token = csrfToken(session);
    if (!reading && !matches(token, request)) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, texts.text(locale, "pages.refused.csrf"));
      return;
    }
    request.setAttribute(CSRF_ATTRIBUTE, token);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
    identityService.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * The session's login, revalidated as the webapps' own filter does once its cache time has passed (a user
   * deleted meanwhile is logged out; changed groups apply), so that the pages never trust groups older than that.
   */
  private static UserAuthentication loggedIn(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    AuthenticationUtil.updateCache(authentications, session, AUTHENTICATION_CACHE_MILLIS);
    return (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE);
  }

  /** The session's token, as Camunda's webapps keep it; made here when the session has none yet. */
  private static String csrfToken(HttpSession session) {
    synchronized (session) {
      Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      if (token instanceof String text && !text.isEmpty()) {
        return text;
      }
      byte[] random = new byte[16];
      RANDOM.nextBytes(random);
      String made = HexFormat.of().withUpperCase().formatHex(random);
      session.setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, made);
      return made;
    }
  }

  private static boolean matches(String token, HttpServletRequest request) {
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (sent == null) {
      sent = request.getParameter(CSRF_FIELD);
    }
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code ?kap-page=<this page>} for a page, so that KAP's Tasklist script brings the user back to it once logged in
   * ({@code kap-pages-link.js}); nothing for what is not a page (the links, the user's language, the style sheet).
   */
  static String returnAfterLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/kap/links") || path.equals("/kap/me") || path.equals("/kap/form-texts")
        || path.endsWith(".css")) {
      return "";
    }
    String page = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    return "?kap-page=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
  }

  /**
   * Answers {@code status} with {@code message} on KAP's error page ({@code templates/error.html}): the sentence is
   * KAP's own, so the page shows it ({@link PageErrorAttributes}), unlike an exception's message.
   */
  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    request.setAttribute(PageErrorAttributes.MESSAGE, message);
    response.sendError(status, message);
  }
}
