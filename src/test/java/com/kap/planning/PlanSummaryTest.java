package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.PlanContent.Action;
import com.kap.planning.PlanContent.Objective;
import com.kap.planning.PlanContent.Risk;
import com.kap.planning.PlanContent.Stakeholder;
import com.kap.planning.PlanContent.TrainingNeed;
import com.kap.planning.internal.PlanSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The plan as the sponsor's and the programme director's forms show it, in the reader's language: headings, the
 * entries' words, the form's options and the days; what the KAM typed stays as typed. The English is as before.
 */
class PlanSummaryTest {

  private static final PlanContent PLAN = new PlanContent("Growing in Asia", null, "Delivery", null,
      List.of(new Objective("profitability", "Lift margin", "GM", "24%", "27%", LocalDate.of(2084, 12, 31))),
      "Value pricing", List.of(new Action("Pricing workshop", "alice", LocalDate.of(2084, 3, 31))),
      List.of(new Risk("Competitor undercuts", "high", "Bundle services"), new Risk("Churn", "low", null)),
      List.of(new TrainingNeed("team", "Negotiating value")), "Quarterly top-to-top",
      List.of(new Stakeholder("Eva Lind", "COO", "decisionMaker", "high", "supporter", "diane", null),
          new Stakeholder("Jon Berg", null, "champion", "medium", "neutral", null, "Eva Lind")));

  @Test
  void anEnglishReaderReadsThePlanAsBefore() {
    assertThat(PlanSummary.markdown(PLAN, Locale.ENGLISH)).isEqualTo(PlanSummary.markdown(PLAN)).isEqualTo("""
        #### Customer situation

        Growing in Asia

        #### Our strengths

        Delivery

        #### Objectives

        - **Profitability**: Lift margin — metric GM, baseline 24%, target 27%, due 12/31/2084

        #### Strategies

        Value pricing

        #### Action plan

        - Pricing workshop — alice, due 03/31/2084

        #### Risks

        - Competitor undercuts (likelihood high) — mitigation: Bundle services
        - Churn (likelihood low)

        #### Training needs

        - **Account team**: Negotiating value

        #### Sponsor touchpoints

        Quarterly top-to-top

        #### Stakeholders

        - **Eva Lind**, COO — Decision maker, influence high, supporter; our owner diane
        - **Jon Berg** — Champion, influence medium, neutral; reports to Eva Lind

        """);
  }

  @Test
  void aFrenchReaderReadsThePlansWordsInFrench() {
    assertThat(PlanSummary.markdown(PLAN, Locale.FRENCH)).isEqualTo("""
        #### Situation du client

        Growing in Asia

        #### Nos forces

        Delivery

        #### Objectifs

        - **Rentabilité** : Lift margin — indicateur GM, point de départ 24%, cible 27%, échéance le 31/12/2084

        #### Stratégies

        Value pricing

        #### Plan d’actions

        - Pricing workshop — alice, échéance le 31/03/2084

        #### Risques

        - Competitor undercuts (probabilité forte) — parade : Bundle services
        - Churn (probabilité faible)

        #### Besoins de formation

        - **Équipe de compte** : Negotiating value

        #### Points de contact du sponsor

        Quarterly top-to-top

        #### Parties prenantes

        - **Eva Lind**, COO — Décideur, influence forte, favorable ; notre responsable : diane
        - **Jon Berg** — Champion, influence moyenne, neutre ; rend compte à Eva Lind

        """);
  }
}
