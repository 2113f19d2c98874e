package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * The texts DMN tables give people are in their language: decisions.properties holds exactly the English the tables
 * compute (a table edited in Camunda Modeler without its texts fails here), and the French of every rule.
 */
class DecisionTextsTest {

  @Test
  void theBundleSaysWhatTheTablesSay() throws IOException {
    Properties english = load("i18n/decisions.properties");
    List<String> problems = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (String decision : DecisionTexts.SHOWN.keySet()) {
      Map<String, DecisionTexts.Template> templates = DecisionTexts.templates(decision);
      assertThat(templates).as(decision).isNotEmpty();
      templates.forEach((key, template) -> {
        keys.add(key);
        if (!template.english().equals(english.getProperty(key))) {
          problems.add(key + ": the table says \"" + template.english() + "\", decisions.properties \""
              + english.getProperty(key) + "\"");
        }
      });
    }
    english.stringPropertyNames().stream().filter(key -> key.startsWith(DecisionTexts.PREFIX) && !keys.contains(key))
        .forEach(key -> problems.add(key + ": no rule of a table gives it any more"));
    assertThat(problems).isEmpty();
  }

  @Test
  void aFrenchReaderReadsTheTablesReasonsInFrench() {
    Locale fr = Locale.FRENCH;
    assertThat(DecisionTexts.say(fr, "bidEligibility", "reason", "the account plan for the year is not approved"))
        .isEqualTo("le plan de compte de l'année n'est pas approuvé");
    assertThat(DecisionTexts.say(fr, "accountHealth", "reason", "Rituals held: 40 % of those due"))
        .isEqualTo("Rituels tenus : 40 % de ceux prévus");
    assertThat(DecisionTexts.say(fr, "accountHealth", "reason", "Customer satisfaction: 2.3 of 5 on average"))
        .isEqualTo("Satisfaction client : 2.3 sur 5 en moyenne");
    assertThat(DecisionTexts.say(fr, "accountHealth", "reason", "1 action overdue")).isEqualTo("1 action en retard");
    assertThat(DecisionTexts.say(fr, "accountHealth", "reason", "7 actions overdue"))
        .isEqualTo("7 actions en retard");
    assertThat(DecisionTexts.say(fr, "accountHealth", "reason", "a reason no rule gives"))
        .as("kept as it is").isEqualTo("a reason no rule gives");
    assertThat(DecisionTexts.say(Locale.ENGLISH, "bidEligibility", "reason", "eligible")).isEqualTo("eligible");
  }

  @Test
  void aValueThatIsWordsIsSaidByTheWordsForItsRule() {
    DecisionValueWords roles = new DecisionValueWords() {
      @Override
      public String key() {
        return "decision.accountHealth.coverageMissing.reason";
      }

      @Override
      public int index() {
        return 0;
      }

      @Override
      public String say(Locale locale, String value) {
        return value.equals("champion") ? "un champion" : null;
      }
    };
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason", "No champion in the stakeholder map",
        List.of(roles))).isEqualTo("Il manque un champion dans la cartographie des parties prenantes");
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason", "No blocker in the stakeholder map",
        List.of(roles))).as("words it does not know, as they are")
        .isEqualTo("Il manque blocker dans la cartographie des parties prenantes");
    assertThat(DecisionTexts.say(Locale.FRENCH, "accountHealth", "reason", "2 actions overdue", List.of(roles)))
        .as("another rule's value").isEqualTo("2 actions en retard");
    assertThat(DecisionTexts.say(Locale.ENGLISH, "accountHealth", "reason", "No champion in the stakeholder map",
        List.of(roles))).isEqualTo("No champion in the stakeholder map");
  }

  @Test
  void theIneligibleBidsMailIsInTheKamsLanguageAndItsEnglishAsBefore() {
    MessageSource texts = new MessageSourceConfig().messageSource(); // as the application reads its bundles
    assertThat(texts.getMessage("mail.bidIneligible.body", new Object[] {"B-7", "Pilot's line", "Q1 {APAC}",
        "R-2", "Streamline accounts may bid for cost-to-serve only"}, Locale.ENGLISH))
        .isEqualTo("Your bid B-7 (Pilot's line) in round Q1 {APAC} (R-2) is not eligible: Streamline accounts may bid"
            + " for cost-to-serve only.");
    String reason = DecisionTexts.say(Locale.FRENCH, "bidEligibility", "reason",
        "Streamline accounts may bid for cost-to-serve only");
    assertThat(texts.getMessage("mail.bidIneligible.body", new Object[] {"B-7", "Pilot's line", "Q1 {APAC}", "R-2",
        reason}, Locale.FRENCH)).isEqualTo("Votre demande B-7 (Pilot's line) de la campagne Q1 {APAC} (R-2) n’est pas"
            + " éligible : les comptes Streamline ne peuvent demander que dans la catégorie Coût de service.");
    assertThat(texts.getMessage("mail.bidIneligible.subject", new Object[] {"B-7", "Pilot"}, Locale.FRENCH))
        .isEqualTo("Demande B-7 non éligible : Pilot");
  }

  @Test
  void aTextOutputIsItsStringsWithTheValuesInBetween() {
    DecisionTexts.Template template = DecisionTexts.template("k",
        "string(n) + (if n = 1 then \" action\" else \" actions\") + \" overdue, it's {x}\"");
    assertThat(template.english()).isEqualTo("{0}{1} overdue, it''s '{'x'}'");
    assertThat(template.recognised().matcher("2 actions overdue, it's {x}").matches()).isTrue();
    assertThat(DecisionTexts.template("k", "reasonVariable")).isNull();
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = DecisionTextsTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
