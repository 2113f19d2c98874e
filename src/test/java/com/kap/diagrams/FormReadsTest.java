package com.kap.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.process.RecordScoreListener;
import com.kap.budget.process.ReviseBidListener;
import com.kap.planning.process.DecidePlanListener;
import com.kap.planning.process.ValidatePlanDraftListener;
import com.kap.portfolio.process.ApplySegmentOverridesListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the diagram check finds that KAP's own listeners read, from their sources. */
class FormReadsTest {

  private final FormReads reads = new FormReads(Path.of("src/main/java"));

  @Test
  void findsTheFieldsAListenerReads() {
    FormReads.Reads decide = reads.of(DecidePlanListener.class.getName());

    assertThat(decide.fields()).containsExactlyInAnyOrder("decision", "approverComments");
    assertThat(decide.entryKeys()).isEmpty();
  }

  @Test
  void followsAHelperOfTheSameModuleThatReadsTheFormForIt() {
    FormReads.Reads draft = reads.of(ValidatePlanDraftListener.class.getName());

    assertThat(draft.fields()).containsExactlyInAnyOrder("customerSituation", "customerStrategy", "strengths",
        "vulnerabilities", "objectives", "strategies", "actions", "risks", "trainingNeeds", "sponsorTouchpoints",
        "stakeholders");
    assertThat(draft.entryKeys()).contains("type", "description", "dueDate", "owner", "likelihood", "forWhom", "need",
        "name", "buyingRole", "reportsTo");
  }

  @Test
  void followsAHelperBeanCalledThroughAField() {
    assertThat(reads.of(ReviseBidListener.class.getName()).fields())
        .contains("action", "withdrawReason", "title", "category", "cost", "mustFundReason");
  }

  @Test
  void findsTheKeysReadFromTheEntriesOfAList() {
    FormReads.Reads overrides = reads.of(ApplySegmentOverridesListener.class.getName());

    assertThat(overrides.fields()).containsExactly("overrides");
    assertThat(overrides.entryKeys()).containsExactlyInAnyOrder("accountId", "segment", "reason");
  }

  @Test
  void missesNamesComputedAtRunTime() {
    // one field per scorecard criterion, named by ScoreCriterion: the check cannot see these
    assertThat(reads.of(RecordScoreListener.class.getName()).fields()).isEmpty();
  }
}
