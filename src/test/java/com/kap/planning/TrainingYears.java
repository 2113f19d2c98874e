package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import org.springframework.http.ResponseEntity;

/** The training tests' cycle years (2151-2155): each gets its planning cycle once, started as diane does it. */
final class TrainingYears {

  private TrainingYears() {}

  /** Starts the year's planning cycle unless an earlier test of the run started it already. */
  static void cycle(Api api, int year) {
    assertThat(year).isBetween(2151, 2155);
    ResponseEntity<JsonNode> started = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", CycleForms.startForm(year),
        JsonNode.class);
    if (started.getStatusCode().value() != 200) {
      assertThat(started.getBody().path("message").asText()).as("the %s cycle", year)
          .contains("has already been started");
    }
  }
}
