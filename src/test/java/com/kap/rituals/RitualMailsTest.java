package com.kap.rituals;

import static com.kap.support.MailRendering.english;
import static com.kap.support.MailRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mails on ritual calendars, advisory boards and follow-up actions, in French and in English. */
class RitualMailsTest {

  private static final String TASKLIST = "https://kap.test.example/camunda/app/tasklist/default/";
  private static final String MY_CALENDAR = "https://kap.test.example/kap/calendar";

  @Test
  void aValidatedCalendarTellsWhereTheRitualsAppear() {
    Mail mail = Rituals.validatedMail(2184, "Vega Motors", TASKLIST, MY_CALENDAR, "Good cadence.");
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Calendrier des rituels 2184 validé : Vega Motors",
        "Votre calendrier des rituels 2184 pour Vega Motors est validé. Chaque rituel apparaît dans Tasklist le jour "
            + "venu : " + TASKLIST + "\n\nPour voir vos rituels dans votre application d’agenda, obtenez votre "
            + "adresse de calendrier personnelle sur « Mon calendrier » : " + MY_CALENDAR + "\n\nGood cadence."));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Ritual calendar 2184 validated: Vega Motors",
        "Your 2184 ritual calendar for Vega Motors is validated. Each ritual appears in Tasklist on its day: "
            + TASKLIST + "\n\nTo see your rituals in your calendar app, get your personal calendar address on "
            + "\"My calendar\": " + MY_CALENDAR + "\n\nGood cadence."));
  }

  @Test
  void aCalendarSentBackCarriesTheComments() {
    Mail mail = Rituals.sentBackMail(2184, "Vega Motors", "Add the plant visit", TASKLIST);
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Calendrier des rituels 2184 renvoyé : Vega Motors",
        "Add the plant visit\n\nProposez à nouveau le calendrier dans Tasklist : " + TASKLIST));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Ritual calendar 2184 sent back: Vega Motors",
        "Add the plant visit\n\nPropose the calendar again in Tasklist: " + TASKLIST));
  }

  @Test
  void theAdvisoryBoardsDayIsWrittenAsTheReadersLanguageWritesIt() {
    Mail mail = Rituals.advisoryBoardMail(LocalDate.of(2185, 6, 4), List.of("Vega Motors", "Zenith Bank"),
        "1. Roadmap\n2. Pricing");
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Comité consultatif client le 04/06/2185",
        "Le comité consultatif client se réunit le 04/06/2185. Invités : Vega Motors, Zenith Bank.\n\n"
            + "Ordre du jour :\n1. Roadmap\n2. Pricing"));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Customer advisory board on 4 Jun 2185",
        "The customer advisory board meets on 4 Jun 2185. Invited: Vega Motors, Zenith Bank.\n\n"
            + "Agenda:\n1. Roadmap\n2. Pricing"));
  }

  @Test
  void anActionsReminderGivesItsDueDay() {
    Mail mail = FollowUps.reminderMail(LocalDate.of(2185, 9, 30), "Vega Motors", "Send the price list", "camille",
        "ACC-011", TASKLIST);
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Rappel : action à échéance le 30/09/2185 pour Vega Motors",
        "L’action « Send the price list » (responsable : camille) pour Vega Motors (ACC-011) arrive à échéance le "
            + "30/09/2185. Clôturez-la dans Tasklist une fois faite : " + TASKLIST));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Reminder: action due on 30 Sep 2185 for Vega Motors",
        "The action \"Send the price list\" (owner: camille) for Vega Motors (ACC-011) is due on 30 Sep 2185. "
            + "Close it in Tasklist when it is done: " + TASKLIST));
  }
}
