package com.kap.planning;

import static com.kap.support.MailRendering.english;
import static com.kap.support.MailRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The account plan mails, as a French and an English KAM read them. */
class PlanMailsTest {

  private static final String TASKLIST = "https://kap.test.example/camunda/app/tasklist/default/";
  private static final String ACCOUNT = "Vega Motors (ACC-011)";

  @Test
  void anApprovedPlanWithTheApproversComments() {
    Mail mail = AccountPlans.decisionMail(2180, ACCOUNT, true, "Well argued.", TASKLIST);
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Plan de compte 2180 approuvé : Vega Motors (ACC-011)",
        "Votre plan 2180 pour Vega Motors (ACC-011) est approuvé.\n\nWell argued."));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Account plan 2180 approved: Vega Motors (ACC-011)",
        "Your 2180 plan for Vega Motors (ACC-011) is approved.\n\nWell argued."));
    assertThat(english(AccountPlans.decisionMail(2180, ACCOUNT, true, null, TASKLIST)).body())
        .as("no comments, no paragraph").isEqualTo("Your 2180 plan for Vega Motors (ACC-011) is approved.");
  }

  @Test
  void aPlanSentBackWithWhatToChange() {
    Mail mail = AccountPlans.decisionMail(2181, ACCOUNT, false, "Add the plant's targets.", TASKLIST);
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Plan de compte 2181 renvoyé : Vega Motors (ACC-011)",
        "Votre plan 2181 pour Vega Motors (ACC-011) est à retravailler :\n\nAdd the plant's targets.\n\n"
            + "Reprenez-le dans Tasklist : " + TASKLIST));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Account plan 2181 sent back: Vega Motors (ACC-011)",
        "Your 2181 plan for Vega Motors (ACC-011) needs rework:\n\nAdd the plant's targets.\n\n"
            + "Revise it in Tasklist: " + TASKLIST));
  }

  @Test
  void theReminderGivesTheDeadlineAsTheReadersLanguageWritesIt() {
    Mail mail = AccountPlans.reminderMail(2182, ACCOUNT, LocalDate.of(2181, 11, 5), TASKLIST);
    assertThat(french(mail)).isEqualTo(new Mails.Rendered(
        "Rappel : plan de compte 2182 de Vega Motors (ACC-011) à rendre le 05/11/2181",
        "Le plan 2182 de Vega Motors (ACC-011) est à rendre le 05/11/2181 et n’est pas encore approuvé. "
            + "Ouvrez-le dans Tasklist : " + TASKLIST));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered(
        "Reminder: account plan 2182 for Vega Motors (ACC-011) is due on 5 Nov 2181",
        "The 2182 plan for Vega Motors (ACC-011) is due on 5 Nov 2181 and is not approved yet. "
            + "Open it in Tasklist: " + TASKLIST));

    Mail undated = AccountPlans.reminderMail(2182, ACCOUNT, null, TASKLIST);
    assertThat(english(undated).subject()).isEqualTo("Reminder: account plan 2182 for Vega Motors (ACC-011) is due");
    assertThat(english(undated).body()).contains("by the cycle's deadline");
    assertThat(french(undated).body()).contains("avant l’échéance du cycle");
  }
}
