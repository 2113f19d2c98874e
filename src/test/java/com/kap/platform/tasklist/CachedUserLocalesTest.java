package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.platform.i18n.LocaleProperties;
import com.kap.platform.i18n.UserLocales;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's translation reads a user's language once for a while, not on every call; a language the user sets
 * shows on their very next call, and one changed behind KAP's back once the while is over.
 */
class CachedUserLocalesTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final UserLocales locales = new UserLocales(identity, new LocaleProperties(Locale.ENGLISH, "EUR"));
  private final AtomicLong now = new AtomicLong(1_000);
  private final CachedUserLocales cached = new CachedUserLocales(locales, Duration.ofSeconds(30), now::get);

  @Test
  void aUsersLanguageIsReadOnceForAWhile() {
    when(identity.getUserInfo("camille", UserLocales.USER_INFO_KEY)).thenReturn("fr");
    for (int call = 0; call < 12; call++) {
      assertThat(cached.of("camille")).isEqualTo(Locale.FRENCH);
      now.addAndGet(Duration.ofSeconds(2).toNanos());
    }
    verify(identity, times(1)).getUserInfo("camille", UserLocales.USER_INFO_KEY);
    assertThat(cached.of("diane")).as("each user their own").isEqualTo(Locale.ENGLISH);
  }

  @Test
  void aLanguageSetThroughUserLocalesShowsOnTheNextCall() {
    when(identity.getUserInfo("bruno", UserLocales.USER_INFO_KEY)).thenReturn(null);
    assertThat(cached.of("bruno")).isEqualTo(Locale.ENGLISH);

    locales.set("bruno", Locale.FRENCH);
    when(identity.getUserInfo("bruno", UserLocales.USER_INFO_KEY)).thenReturn("fr");
    assertThat(cached.of("bruno")).isEqualTo(Locale.FRENCH);

    locales.set("bruno", null);
    when(identity.getUserInfo("bruno", UserLocales.USER_INFO_KEY)).thenReturn(null);
    assertThat(cached.of("bruno")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void aLanguageChangedElsewhereShowsOnceTheWhileIsOver() {
    when(identity.getUserInfo("alice", UserLocales.USER_INFO_KEY)).thenReturn(null);
    assertThat(cached.of("alice")).isEqualTo(Locale.ENGLISH);
    when(identity.getUserInfo("alice", UserLocales.USER_INFO_KEY)).thenReturn("fr"); // another node set it
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(cached.of("alice")).as("kept").isEqualTo(Locale.ENGLISH);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(cached.of("alice")).as("read again").isEqualTo(Locale.FRENCH);
  }
}
