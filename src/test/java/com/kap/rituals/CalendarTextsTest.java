package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.i18n.Texts;
import com.kap.support.MailRendering;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The calendars' texts: a ritual's English in the bundle is its label, and every ritual and status has French. */
class CalendarTextsTest {

  private final Texts texts = MailRendering.texts();

  @Test
  void everyRitualIsNamedInBothLanguagesItsEnglishBeingItsLabel() {
    for (RitualType type : RitualType.values()) {
      assertThat(texts.text(Locale.ENGLISH, "calendar.ritual." + type.key())).as(type.key()).isEqualTo(type.label());
      assertThat(texts.text(Locale.FRENCH, "calendar.ritual." + type.key())).as(type.key())
          .isNotEqualTo(type.label());
    }
    for (Occurrence.Status status : Occurrence.Status.values()) {
      assertThat(texts.text(Locale.ENGLISH, "calendar.status." + status.name())).as(status.name())
          .isEqualTo(status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      assertThat(texts.text(Locale.FRENCH, "calendar.status." + status.name())).isNotBlank();
    }
  }

  @Test
  void theCalendarsNameAndAnEventsLinesInFrench() {
    assertThat(texts.text(Locale.FRENCH, "calendar.name", "camille")).isEqualTo("Rituels KAP — camille");
    assertThat(texts.text(Locale.FRENCH, "calendar.event.host", "camille")).isEqualTo("Organisateur : camille");
    assertThat(texts.text(Locale.ENGLISH, "calendar.event.hostProgrammeDirector"))
        .isEqualTo("Host: the programme director");
  }
}
