package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.AllocationResult.Unfunded;
import com.kap.platform.i18n.Bundles;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * Why the optimiser leaves a bid out, written in English as always and said again in French wherever a person reads
 * it: each kind of reason, a bid's stored status reason with the chair's or the reviewer's words, and texts no key
 * wrote, left as they are.
 */
class UnfundedReasonsTest {

  private static final MessageSource TEXTS = Bundles.standalone();
  private static final Locale FRENCH = Locale.FRENCH;

  @Test
  void eachReasonIsWrittenInEnglishAsBeforeAndSaidInFrench() {
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.NOT_ELIGIBLE, "notEligible"),
        "not eligible for funding", "non éligible : non éligible au financement");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.EXCLUDED_BY_GROUP, "excludedByGroup", "B2", "crm"),
        "B2 of exclusivity group 'crm' is funded",
        "exclue par son groupe : B2, du groupe d’exclusivité « crm », est financée");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.REQUIREMENT_UNFUNDED, "requirementNotFunded", "B3"),
        "requires B3, which is not funded", "prérequis non financé : requiert B3, qui n’est pas financée");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.REQUIREMENT_UNFUNDED, "requirementNotEligible", "B3"),
        "requires B3, which is not eligible", "prérequis non financé : requiert B3, qui n’est pas éligible");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.OVER_ENVELOPE, "overEnvelope", "Strategic", 49_500L,
            9_500L, 20_500L), "the Strategic envelope of 49,500 has 9,500 left; the bid needs 20,500 more",
        "enveloppe dépassée : il reste 9\u202f500 sur l’enveloppe Strategic de 49\u202f500 ; il manque 20\u202f500 "
            + "à la demande");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.OVER_BUDGET, "overBudget", 15_000L, 1_234_567L),
        "needs 15,000 more than the 1,234,567 left",
        "budget dépassé : il lui manque 15\u202f000 au-delà des 1\u202f234\u202f567 restants");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.LOWER_VALUE, "noBenefit"), "adds no benefit",
        "valeur moindre : n’apporte aucun bénéfice");
    assertSaid(UnfundedReasons.unfunded("B1", AllocationReason.LOWER_VALUE, "searchStopped", 3_000L),
        "fits in the 3,000 left, but the search stopped at its limit before it was funded",
        "valeur moindre : tient dans les 3\u202f000 restants, mais la recherche s’est arrêtée à sa limite avant de la "
            + "financer");
  }

  @Test
  void aStoredStatusReasonIsSaidInTheReadersLanguage() {
    String overBudget = "over budget: needs 15,000 more than the 30,000 left";
    assertThat(UnfundedReasons.statusReason(overBudget, TEXTS, FRENCH))
        .isEqualTo("budget dépassé : il lui manque 15\u202f000 au-delà des 30\u202f000 restants");
    assertThat(UnfundedReasons.statusReason(overBudget, TEXTS, Locale.ENGLISH)).isEqualTo(overBudget);

    String chair = UnfundedReasons.byTheChair("Strategic: needs it now");
    assertThat(chair).isEqualTo("decided by the chair: Strategic: needs it now");
    assertThat(UnfundedReasons.statusReason(chair, TEXTS, FRENCH))
        .isEqualTo("décidé par la présidence : Strategic: needs it now");
    assertThat(UnfundedReasons.statusReason(chair, TEXTS, Locale.ENGLISH)).isEqualTo(chair);
    String upheld = UnfundedReasons.appealUpheld("Retention risk it's real");
    assertThat(upheld).isEqualTo("appeal upheld: Retention risk it's real");
    assertThat(UnfundedReasons.statusReason(upheld, TEXTS, FRENCH))
        .isEqualTo("recours accepté : Retention risk it's real");

    // a reason without detail, a detail no key wrote, a text of someone's own: as they are, or the reason alone
    assertThat(UnfundedReasons.statusReason("lower value", TEXTS, FRENCH)).isEqualTo("valeur moindre");
    assertThat(UnfundedReasons.statusReason("over budget: far too dear", TEXTS, FRENCH))
        .isEqualTo("budget dépassé : far too dear");
    assertThat(UnfundedReasons.statusReason("changed our minds", TEXTS, FRENCH)).isEqualTo("changed our minds");
    assertThat(UnfundedReasons.statusReason(null, TEXTS, FRENCH)).isNull();
  }

  @Test
  void everyReasonHasItsDetailsInTheBundles() {
    for (AllocationReason reason : AllocationReason.values()) {
      assertThat(TEXTS.getMessage("unfunded.reason." + reason.name(), null, Locale.ENGLISH)).as(reason.name())
          .isEqualTo(reason.code());
      for (String key : UnfundedReasons.detailKeys(reason)) {
        assertThat(TEXTS.getMessage(UnfundedReasons.DETAIL + key, null, null, FRENCH)).as(key).isNotNull();
      }
    }
  }

  private static void assertSaid(Unfunded unfunded, String english, String french) {
    assertThat(unfunded.detail()).isEqualTo(english);
    assertThat(UnfundedReasons.said(unfunded, TEXTS, Locale.ENGLISH)).isEqualTo(unfunded);
    assertThat(UnfundedReasons.stated(unfunded, TEXTS, FRENCH)).isEqualTo(french);
    assertThat(UnfundedReasons.statusReason(UnfundedReasons.statusReason(unfunded), TEXTS, FRENCH)).isEqualTo(french);
    assertThat(UnfundedReasons.stated(unfunded, TEXTS, Locale.ENGLISH))
        .isEqualTo(unfunded.reason().code() + ": " + english);
  }
}
