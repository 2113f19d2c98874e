package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.support.KapTest;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user's language: the installation's until set, French once set, back to the default when cleared; on a user of
 * its own, removed after each test.
 */
@KapTest
class UserLocalesTest {

  private static final String USER = "localetester";

  @Autowired UserLocales locales;
  @Autowired Texts texts;
  @Autowired IdentityService identityService;

  @BeforeEach
  void user() {
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setPassword("not-used-" + System.nanoTime());
      identityService.saveUser(user);
    }
    locales.set(USER, null);
  }

  @AfterEach
  void signOutAndRemove() {
    identityService.clearAuthentication();
    identityService.deleteUser(USER); // other tests list the users: leave none behind
  }

  @Test
  void aUserSpeaksTheInstallationsLanguageUntilTheyChooseAnother() {
    assertThat(locales.defaultLocale()).isEqualTo(Locale.ENGLISH);
    assertThat(locales.of(USER)).isEqualTo(Locale.ENGLISH);
    assertThat(texts.textFor(USER, "locale.fr")).isEqualTo("French");

    locales.set(USER, Locale.CANADA_FRENCH);
    assertThat(locales.of(USER)).as("the language, not the country").isEqualTo(Locale.FRENCH);
    assertThat(texts.textFor(USER, "locale.fr")).isEqualTo("Français");
    identityService.setAuthenticatedUserId(USER);
    assertThat(texts.text("locale.en")).as("the signed-in user's language").isEqualTo("Anglais");

    locales.set(USER, null);
    assertThat(locales.of(USER)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void anApostropheWrittenTwiceShowsOnceWithOrWithoutArguments() {
    assertThat(texts.text(Locale.FRENCH, "link.myBids")).isEqualTo("Mes demandes d'investissement");
    assertThat(texts.text(Locale.FRENCH, "link.myCalendar")).isEqualTo("Mon calendrier");
  }

  @Test
  void aLanguageKapDoesNotSpeakIsRefused() {
    assertThatThrownBy(() -> locales.set(USER, Locale.GERMAN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KAP speaks [en, fr], not 'de'");
    assertThat(locales.of(USER)).isEqualTo(Locale.ENGLISH);
  }
}
