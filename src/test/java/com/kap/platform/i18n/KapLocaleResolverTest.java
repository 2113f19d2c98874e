package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The request's language: KAP's pages speak the logged-in user's, anything else (the API) what the request's
 * Accept-Language asks for among English and French, English otherwise, whatever the user chose.
 */
class KapLocaleResolverTest {

  private final IdentityService identity = Mockito.mock(IdentityService.class);
  private final KapLocaleResolver resolver = new KapLocaleResolver(
      new UserLocales(identity, new LocaleProperties(Locale.ENGLISH, "EUR")));

  private void loggedIn(String userId, String locale) {
    Mockito.when(identity.getCurrentAuthentication()).thenReturn(new Authentication(userId, List.of()));
    Mockito.when(identity.getUserInfo(userId, UserLocales.USER_INFO_KEY)).thenReturn(locale);
  }

  private static MockHttpServletRequest request(String path, String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return request;
  }

  @Test
  void aPageSpeaksTheLoggedInUsersLanguageWhateverTheBrowserAsks() {
    loggedIn("camille", "fr");
    assertThat(resolver.resolveLocale(request("/kap/dashboard", "en-US,en;q=0.9"))).isEqualTo(Locale.FRENCH);
    assertThat(resolver.resolveLocale(request("/kap", null))).isEqualTo(Locale.FRENCH);
    loggedIn("alice", null);
    assertThat(resolver.resolveLocale(request("/kap/bids", "fr-FR"))).as("no choice: the installation's")
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void thePagesFilterFindsTheUserFirstAndTheErrorPageOfAPageFollowsIt() {
    MockHttpServletRequest page = request("/kap/nothing-here", "en");
    page.setAttribute(KapLocaleResolver.PAGE_LOCALE, Locale.FRENCH);
    assertThat(resolver.resolveLocale(page)).isEqualTo(Locale.FRENCH);

    MockHttpServletRequest error = request("/error", "en");
    error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/kap/nothing-here");
    error.setAttribute(KapLocaleResolver.PAGE_LOCALE, Locale.FRENCH);
    assertThat(resolver.resolveLocale(error)).as("the error page of a page").isEqualTo(Locale.FRENCH);

    MockHttpServletRequest apiError = request("/error", "fr");
    apiError.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/accounts");
    assertThat(resolver.resolveLocale(apiError)).as("the API's error: Accept-Language").isEqualTo(Locale.FRENCH);
  }

  @Test
  void theApiSpeaksWhatAcceptLanguageAsksForNeverTheUsersChoice() {
    loggedIn("camille", "fr");
    assertThat(resolver.resolveLocale(request("/api/accounts", null))).as("absent").isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request("/api/accounts", "de-DE"))).as("unsupported")
        .isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request("/api/accounts", "fr-CA,fr;q=0.9,en;q=0.8")))
        .isEqualTo(Locale.FRENCH);
    assertThat(resolver.resolveLocale(request("/api/accounts", "de;q=1, fr;q=0.5, en;q=0.7")))
        .as("the first supported by weight").isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request("/api/accounts", "de, fr;q=0.2"))).isEqualTo(Locale.FRENCH);
    assertThat(resolver.resolveLocale(request("/api/accounts", "*"))).isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request("/api/accounts", ";;;===garbage"))).as("unreadable")
        .isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request("/kapital", "fr"))).as("not a page: only /kap and /kap/...")
        .isEqualTo(Locale.FRENCH);
  }

  @Test
  void nobodySetsTheLanguageFromOutside() {
    assertThatThrownBy(() -> resolver.setLocale(request("/kap/dashboard", null), new MockHttpServletResponse(),
        Locale.FRENCH)).isInstanceOf(UnsupportedOperationException.class);
  }
}
