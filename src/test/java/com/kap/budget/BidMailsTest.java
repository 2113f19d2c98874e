package com.kap.budget;

import static com.kap.support.MailRendering.english;
import static com.kap.support.MailRendering.french;
import static com.kap.support.MailRendering.spaced;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The mails on investment bids, their allocation, appeals and results, as a French and an English reader read them. */
class BidMailsTest {

  private static final String TASKLIST = "https://kap.test.example/camunda/app/tasklist/default/";

  @Test
  void anIneligibleBidWithTheTablesReason() {
    Mail mail = Bids.ineligibleMail("B-7", "Plant automation", "Spring 2180", "R-3", "financials incomplete");
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Demande B-7 non éligible : Plant automation",
        "Votre demande B-7 (Plant automation) de la campagne Spring 2180 (R-3) n’est pas éligible : "
            + "financials incomplete."));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Bid B-7 is not eligible: Plant automation",
        "Your bid B-7 (Plant automation) in round Spring 2180 (R-3) is not eligible: financials incomplete."));
  }

  @Test
  void anIneligibleBidThatNoRuleMatched() {
    Mail mail = Bids.ineligibleMail("B-9", "Fleet", "Spring 2180", "R-3", Mail.text("noEligibilityRule"));
    assertThat(french(mail).body()).endsWith("n’est pas éligible : aucune règle de bidEligibility ne s’applique.");
    assertThat(english(mail).body()).endsWith("is not eligible: no rule of bidEligibility matched.");
  }

  @Test
  void theRoundsDecisionFundedOrNotWithTheCommitteesNote() {
    Mail funded = BudgetRounds.allocationMail("B-7", "Plant automation", "Spring 2180", true, null,
        "Report quarterly.", TASKLIST);
    assertThat(french(funded)).isEqualTo(new Mails.Rendered("Demande B-7 financée : Plant automation",
        "La campagne Spring 2180 a été arbitrée : votre demande B-7 (Plant automation) est financée.\n\n"
            + "La note du comité : Report quarterly."));
    assertThat(english(funded)).isEqualTo(new Mails.Rendered("Bid B-7 funded: Plant automation",
        "Round Spring 2180 decided: your bid B-7 (Plant automation) is funded.\n\n"
            + "The committee's note: Report quarterly."));

    Mail unfunded = BudgetRounds.allocationMail("B-8", "Fleet", "Spring 2180", false, "below the cut-off", null,
        TASKLIST);
    assertThat(french(unfunded)).isEqualTo(new Mails.Rendered("Demande B-8 non financée : Fleet",
        "La campagne Spring 2180 a été arbitrée : votre demande B-8 (Fleet) n’est pas financée (below the cut-off). "
            + "Vous pouvez former un recours dans Tasklist : " + TASKLIST));
    assertThat(english(unfunded)).isEqualTo(new Mails.Rendered("Bid B-8 not funded: Fleet",
        "Round Spring 2180 decided: your bid B-8 (Fleet) is not funded (below the cut-off). "
            + "You may appeal in Tasklist: " + TASKLIST));
  }

  @Test
  void theAppealsDecisionWithTheReviewersResponse() {
    Mail upheld = BudgetRounds.appealMail("B-8", "Fleet", true, "The margin holds.");
    assertThat(french(upheld)).isEqualTo(new Mails.Rendered("Recours sur la demande B-8 accepté",
        "Votre recours sur la demande B-8 (Fleet) est accepté : la demande est financée sur la réserve de la "
            + "campagne.\n\nThe margin holds."));
    assertThat(english(upheld)).isEqualTo(new Mails.Rendered("Appeal of bid B-8 upheld",
        "Your appeal of bid B-8 (Fleet) was upheld: the bid is funded from the round's reserve.\n\nThe margin holds."));
    Mail rejected = BudgetRounds.appealMail("B-8", "Fleet", false, "No new facts.");
    assertThat(french(rejected).subject()).isEqualTo("Recours sur la demande B-8 rejeté");
    assertThat(english(rejected).body()).isEqualTo("Your appeal of bid B-8 (Fleet) was rejected.\n\nNo new facts.");
  }

  @Test
  void theResultsReminderGivesTheDayAndThePromisedMarginAsTheReadersLanguageWritesThem() {
    Mail mail = BidResults.dueMail("B-7", LocalDate.of(2183, 3, 15), "Plant automation", 1_200_000L, TASKLIST);
    Mails.Rendered french = french(mail);
    assertThat(french.subject())
        .isEqualTo("Résultats de la demande B-7 attendus au plus tard le 15/03/2183 (fin de journée)");
    assertThat(french.body()).contains("1\u202f200\u202f000\u00a0€", "Rendre compte des résultats de la demande");
    assertThat(spaced(french.body())).isEqualTo("Merci d’indiquer ce qu’a rapporté votre demande financée B-7 "
        + "(Plant automation) au regard des 1 200 000 € promis, au plus tard le 15/03/2183 (fin de journée) : "
        + "« Rendre compte des résultats de la demande » dans Tasklist, " + TASKLIST);
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Results of bid B-7 due by 15 Mar 2183 (end of day)",
        "Please report what your funded bid B-7 (Plant automation) delivered against the €1,200,000 it promised, "
            + "by 15 Mar 2183 (end of day): \"Report bid results\" in Tasklist, " + TASKLIST));
  }

  @Test
  void aLateReportToTheProgrammeDirectors() {
    Mail mail = BidResults.lateMail("B-7", "camille", "Plant automation", "ACC-011", LocalDate.of(2183, 3, 15));
    assertThat(french(mail)).isEqualTo(new Mails.Rendered("Résultats de la demande B-7 en retard",
        "camille n’a pas rendu compte de ce qu’a rapporté la demande financée B-7 (Plant automation, compte ACC-011) ; "
            + "le compte rendu était attendu au plus tard le 15/03/2183 (fin de journée). La tâche « Rendre compte "
            + "des résultats de la demande » reste confiée à camille."));
    assertThat(english(mail)).isEqualTo(new Mails.Rendered("Results of bid B-7 are late",
        "camille has not reported what the funded bid B-7 (Plant automation, account ACC-011) delivered; the report "
            + "was due by 15 Mar 2183 (end of day). The task \"Report bid results\" stays with camille."));
  }
}
