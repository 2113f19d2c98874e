package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The choices a start form offers in Tasklist come with the start form's variables, for the person logged in: a KAM
 * gets her own accounts for a bid, the programme director the directors for a round's committee and chair.
 */
@KapTest
class StartFormOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void aBidOffersTheKamHerOwnAccountsOnly() throws Exception {
    JsonNode options = options("alice", "investmentBid", "accountOptions");
    assertThat(options.findValuesAsText("value")).contains("ACC-003", "ACC-024").doesNotContain("ACC-007");
    assertThat(options.findValuesAsText("label")).contains("Atlas Logistics (ACC-003)");
    assertThat(options("bruno", "investmentBid", "accountOptions").findValuesAsText("value")).contains("ACC-007")
        .doesNotContain("ACC-003");
  }

  @Test
  void aRoundOffersTheDirectorsForItsCommitteeAndChair() throws Exception {
    assertThat(options("diane", "budgetRound", "directorOptions").findValuesAsText("value"))
        .containsExactlyInAnyOrder("eric", "fatima", "ines");
  }

  @Test
  void aKamWhoMayNotStartARoundGetsNoDirectors() throws Exception {
    WebappSession diane = new WebappSession(port);
    assertThat(diane.login("diane", "demo", "tasklist")).isEqualTo(200);
    String id = JSON.readTree(diane.get("/api/engine/engine/default/process-definition?latestVersion=true"
        + "&key=budgetRound").body()).get(0).get("id").asText();
    WebappSession alice = new WebappSession(port);
    assertThat(alice.login("alice", "demo", "tasklist")).isEqualTo(200);
    assertThat(alice.get("/api/engine/engine/default/process-definition/" + id + "/form-variables").body())
        .doesNotContain("directorOptions", "fatima");
  }

  private JsonNode options(String user, String processKey, String variable) throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).isEqualTo(200);
    String definitions = session.get("/api/engine/engine/default/process-definition?latestVersion=true&key="
        + processKey).body();
    assertThat(JSON.readTree(definitions)).as(definitions).hasSize(1);
    String id = JSON.readTree(definitions).get(0).get("id").asText();
    HttpResponse<String> variables = session.get("/api/engine/engine/default/process-definition/" + id
        + "/form-variables");
    assertThat(variables.statusCode()).isEqualTo(200);
    JsonNode value = JSON.readTree(variables.body()).get(variable);
    assertThat(value.get("type").asText()).isEqualTo("Json");
    return JSON.readTree(value.get("value").asText());
  }
}
