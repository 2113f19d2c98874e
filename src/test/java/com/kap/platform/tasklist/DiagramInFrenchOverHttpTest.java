package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.i18n.UserLocales;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "Diagram" tab of a task in Tasklist (issue 21): camille, whose language is French, sees the steps, events and
 * "yes" / "no" of the process picture in French ({@link TasklistTranslation}, {@code DiagramNames}), with the same ids;
 * alice, in English, gets the diagram exactly as it was deployed.
 */
@KapTest
class DiagramInFrenchOverHttpTest {

  private static final String ENGINE = "/api/engine/engine/default/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired UserLocales locales;
  @LocalServerPort int port;

  @Test
  void aFrenchUserSeesTheDiagramInFrenchAndAnEnglishUserAsDeployed() throws Exception {
    locales.set("camille", Locale.FRENCH); // the demo's, set again in case another test changed it
    WebappSession french = session("camille");
    WebappSession english = session("alice");
    String id = definitionId(english, "followUpAction");

    String frenchXml = diagram(french, "process-definition/" + id + "/xml");
    assertThat(frenchXml).contains("name=\"Relancer le responsable\"", "name=\"Échéance dépassée\"",
        "name=\"Suivre l'action\"", "id=\"remindActionOwner\"", "id=\"dueDatePassed\"", "bpmndi:BPMNShape")
        .doesNotContain("Remind the owner", "Due date passed", "Follow up action");
    assertThat(diagram(french, "process-definition/key/followUpAction/xml")).contains("Relancer le responsable")
        .doesNotContain("Remind the owner");
    assertThat(diagram(french, "process-definition/" + definitionId(english, "investmentBid") + "/xml"))
        .contains("name=\"oui\"", "name=\"non : révisée\"").doesNotContain("name=\"yes\"", "no: revised");

    String englishXml = diagram(english, "process-definition/" + id + "/xml");
    assertThat(englishXml).contains("name=\"Remind the owner\"", "name=\"Due date passed\"")
        .doesNotContain("Relancer le responsable");
    assertThat(englishXml).isEqualTo(Files.readString(Path.of("bpmn/followUpAction.bpmn")));
  }

  private String diagram(WebappSession session, String call) throws Exception {
    HttpResponse<String> answer = session.get(ENGINE + call);
    assertThat(answer.statusCode()).as(call + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("bpmn20Xml").asText();
  }

  private WebappSession session(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).as(user).isEqualTo(200);
    return session;
  }

  private static String definitionId(WebappSession session, String key) throws Exception {
    JsonNode definitions = JSON.readTree(session.get(ENGINE + "process-definition?latestVersion=true&key=" + key)
        .body());
    assertThat(definitions).as(key).hasSize(1);
    return definitions.get(0).path("id").asText();
  }
}
