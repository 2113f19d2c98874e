package com.kap.rituals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.AccountStakeholders.CoverageGap;
import com.kap.platform.i18n.DecisionTexts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a stakeholder map lacks, in the account health's reason: the table is given it in English, as before, and a
 * French reader reads the whole reason in French, the buying roles included.
 */
class CoverageWordsTest {

  private static final List<CoverageWords> WORDS = List.of(new CoverageWords());

  @Test
  void theTableIsGivenTheGapsInEnglishAsBefore() {
    List<String> english = CoverageWords.english(List.of(new CoverageGap("decisionMaker", true),
        new CoverageGap("champion", false)));
    assertThat(english).containsExactly("decision maker with an owner", "champion");
    assertThat(CoverageWords.joined(english)).isEqualTo("decision maker with an owner and no champion");
    assertThat(CoverageWords.joined(List.of())).isNull();
    assertThat(CoverageWords.joined(null)).isNull();
  }

  @Test
  void aFrenchReaderReadsTheWholeReasonInFrench() {
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason",
        "No decision maker with an owner and no champion with an owner in the stakeholder map", WORDS))
        .isEqualTo("Il manque un décideur avec un responsable chez nous et un champion avec un responsable chez nous"
            + " dans la cartographie des parties prenantes");
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason", "No influencer in the stakeholder map",
        WORDS)).isEqualTo("Il manque un prescripteur dans la cartographie des parties prenantes");
    assertThat(DecisionTexts.say(Locale.ENGLISH, "accountHealth", "reason",
        "No decision maker with an owner in the stakeholder map", WORDS))
        .isEqualTo("No decision maker with an owner in the stakeholder map");
  }

  @Test
  void wordsItDoesNotKnowStayAsTheyAre() {
    assertThat(new CoverageWords().say(Locale.FRENCH, "decision maker and no sponsor")).isNull();
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason", "No sponsor in the stakeholder map", WORDS))
        .isEqualTo("Il manque sponsor dans la cartographie des parties prenantes");
  }
}
