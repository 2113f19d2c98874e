package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.kap.support.Api;
import com.kap.support.KapTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/budget/allocation-preview} over HTTP, as a client of the contract in DESIGN §5 sees it. */
@KapTest
class AllocationPreviewApiTest {

  private static final String PATH = "/api/budget/allocation-preview";

  @Autowired TestRestTemplate rest;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(rest);
  }

  @Test
  void aDirectorPreviewsTheAllocationWithItsExplanation() {
    ResponseEntity<String> response = api.postJson("eric", PATH + "?sensitivity=true", """
        {"budget": 100000, "reserve": 10000,
         "bids": [
           {"id": "B1", "cost": 40000, "benefit": 80.5, "mustFund": true, "region": "EMEA"},
           {"id": "B2", "cost": 30000, "benefit": 70, "exclusiveGroup": "crm", "region": "APAC"},
           {"id": "B3", "cost": 20000, "benefit": 60.25, "exclusiveGroup": "crm", "region": "APAC"},
           {"id": "B4", "cost": 10000, "benefit": 10, "requires": "B3"},
           {"id": "B5", "cost": 5000, "benefit": 90, "eligible": false},
           {"id": "B6", "cost": 35000, "benefit": 50, "requires": ["B1"], "exclusiveGroup": null, "region": null},
           {"id": "B7", "cost": 30000, "benefit": 20, "requires": null}
         ],
         "regionMinimum": {"APAC": 25000}}
        """, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = exactly(response.getBody());
    assertThat(texts(body.get("funded"))).containsExactly("B1", "B2");
    assertThat(body.get("totalCost").asLong()).isEqualTo(70_000);
    assertThat(body.get("totalBenefit").toString()).isEqualTo("150.50");
    assertThat(body.get("optimal").asBoolean()).isTrue();
    assertThat(body.get("upperBound").toString()).isEqualTo("150.50");
    assertThat(body.get("gap").toString()).isEqualTo("0.00");
    assertThat(body.get("available").asLong()).isEqualTo(90_000);
    assertThat(body.get("solveMillis").asLong()).isNotNegative();
    assertThat(body.get("unfunded").toString()).isEqualTo("""
        [{"id":"B3","reason":"excluded by group","detail":"B2 of exclusivity group 'crm' is funded"},\
        {"id":"B4","reason":"requirement unfunded","detail":"requires B3, which is not funded"},\
        {"id":"B5","reason":"not eligible","detail":"not eligible for funding"},\
        {"id":"B6","reason":"over budget","detail":"needs 15,000 more than the 20,000 left"},\
        {"id":"B7","reason":"over budget","detail":"needs 10,000 more than the 20,000 left"}]""");
    assertThat(body.get("nextInLine").toString()).isEqualTo("""
        [{"id":"B6","extraBudget":15000,"cost":35000,"benefit":50.00,"withRequirements":[]},\
        {"id":"B7","extraBudget":10000,"cost":30000,"benefit":20.00,"withRequirements":[]}]""");
    assertThat(body.get("sensitivity").toString()).isEqualTo("""
        {"minus10Percent":{"available":81000,"totalBenefit":150.50,"fundedCount":2,"optimal":true,"infeasible":false},\
        "plus10Percent":{"available":99000,"totalBenefit":150.50,"fundedCount":2,"optimal":true,"infeasible":false}}""");
  }

  @Test
  void theReserveDefaultsToZeroAndRequiresNamesOneOrManyBids() {
    JsonNode body = api.postJson("diane", PATH, """
        {"budget": 100, "bids": [
          {"id": "A", "cost": 50, "benefit": 1},
          {"id": "B", "cost": 30, "benefit": 1, "requires": "A"},
          {"id": "C", "cost": 20, "benefit": 1, "requires": ["A", "B"]}]}
        """, JsonNode.class).getBody();

    assertThat(texts(body.get("funded"))).containsExactly("A", "B", "C");
    assertThat(body.get("available").asLong()).isEqualTo(100);
    assertThat(body.get("unfunded")).isEmpty();
    assertThat(body.get("sensitivity").isNull()).as("the ±10 %% points only on demand").isTrue();
  }

  @Test
  void directorsTheProgrammeDirectorAndAdminsMayPreviewOthersNot() {
    String json = "{\"budget\": 10, \"bids\": [{\"id\": \"A\", \"cost\": 5, \"benefit\": 1}]}";

    for (String user : new String[] {"eric", "fatima", "diane", "admin"}) {
      assertThat(api.postJson(user, PATH, json, String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<JsonNode> kam = api.postJson("alice", PATH, json, JsonNode.class);
    assertThat(kam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(kam.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(kam.getBody().get("status").asInt()).isEqualTo(403);
    assertThat(kam.getBody().get("title").asText()).isEqualTo("Forbidden");
    assertThat(kam.getBody().get("detail").asText()).startsWith("user 'alice' may not do this");
    assertThat(kam.getBody().get("instance").asText()).isEqualTo(PATH);
    assertThat(api.postJson("gilles", PATH, json, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson(null, PATH, json, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void malformedJsonIs400() {
    assertRefused("{\"budget\": 100, \"bids\": [", HttpStatus.BAD_REQUEST, "the request body is not valid JSON: ");
    assertRefused("[1, 2]", HttpStatus.BAD_REQUEST, "the request body must be a JSON object");
    assertRefused("{\"budget\": 100, \"budget\": 200, \"bids\": []}", HttpStatus.BAD_REQUEST,
        "the request body is not valid JSON: Duplicate field 'budget'");
    ResponseEntity<JsonNode> empty = api.postJson("eric", PATH, "", JsonNode.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("detail").asText()).isNotBlank();
  }

  @Test
  void shapeErrorsAre400AndNameTheField() {
    assertRefused("{\"bids\": []}", HttpStatus.BAD_REQUEST, "budget: required, a whole number above 0");
    assertRefused("{\"budget\": 0, \"bids\": []}", HttpStatus.BAD_REQUEST, "budget: must be a whole number above 0");
    assertRefused("{\"budget\": \"lots\", \"bids\": []}", HttpStatus.BAD_REQUEST,
        "budget: must be a whole number above 0");
    assertRefused("{\"budget\": 100, \"reserve\": -1, \"bids\": []}", HttpStatus.BAD_REQUEST,
        "reserve: must be a whole number, 0 or more");
    assertRefused("{\"budget\": 100}", HttpStatus.BAD_REQUEST, "bids: required, a list of bids");
    assertRefused(withBid("\"cost\": 10, \"benefit\": 1"), HttpStatus.BAD_REQUEST, "bids[3].id: required");
    assertRefused(withBid("\"id\": \"B2\", \"cost\": 10, \"benefit\": 1"), HttpStatus.BAD_REQUEST,
        "bids[3].id: duplicate 'B2'");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 0, \"benefit\": 1"), HttpStatus.BAD_REQUEST,
        "bids[3].cost: must be a whole number above 0");
    assertRefused(withBid("\"id\": \"X\", \"cost\": -5, \"benefit\": 1"), HttpStatus.BAD_REQUEST,
        "bids[3].cost: must be a whole number above 0");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 12.5, \"benefit\": 1"), HttpStatus.BAD_REQUEST,
        "bids[3].cost: must be a whole number above 0");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": -1"), HttpStatus.BAD_REQUEST,
        "bids[3].benefit: must be 0 or more, got -1");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1.234"), HttpStatus.BAD_REQUEST,
        "bids[3].benefit: at most two decimals, got 1.234");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10"), HttpStatus.BAD_REQUEST, "bids[3].benefit: required");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1, \"mustFund\": \"yes\""),
        HttpStatus.BAD_REQUEST, "bids[3].mustFund: must be true or false");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1, \"requires\": 7"), HttpStatus.BAD_REQUEST,
        "bids[3].requires: must be a bid id or a list of bid ids");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1, \"requires\": [\"B1\", 2]"),
        HttpStatus.BAD_REQUEST, "bids[3].requires[1]: must be a bid id");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1, \"mustfund\": true"), HttpStatus.BAD_REQUEST,
        "bids[3].mustfund: unknown field; known are benefit, cost, eligible, exclusiveGroup, id, mustFund, region,"
            + " requires");
    assertRefused("{\"budget\": 100, \"bids\": [], \"regionMinimum\": {\"EMEA\": -5}}", HttpStatus.BAD_REQUEST,
        "regionMinimum.EMEA: must be a whole number, 0 or more");
    StringBuilder tooMany = new StringBuilder("{\"budget\": 100, \"bids\": [");
    for (int i = 0; i <= 20_000; i++) {
      tooMany.append(i == 0 ? "" : ",").append("{\"id\":\"B").append(i).append("\",\"cost\":1,\"benefit\":1}");
    }
    assertRefused(tooMany.append("]}").toString(), HttpStatus.BAD_REQUEST, "bids: at most 20000 bids, got 20001");
  }

  @Test
  void contradictionsAre422AndNameTheField() {
    assertRefused("{\"budget\": 100, \"reserve\": 100, \"bids\": []}", HttpStatus.UNPROCESSABLE_ENTITY,
        "reserve: 100 must be below the budget of 100");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 120000, \"benefit\": 1"), HttpStatus.UNPROCESSABLE_ENTITY,
        "bids[3].cost: 120000 is above the budget of 100000");
    assertRefused(withBid("\"id\": \"X\", \"cost\": 10, \"benefit\": 1, \"requires\": \"B9\""),
        HttpStatus.UNPROCESSABLE_ENTITY, "bids[3].requires: unknown bid 'B9'");
    assertRefused("""
        {"budget": 100, "bids": [{"id": "B1", "cost": 1, "benefit": 1, "requires": "B2"},
                                 {"id": "B2", "cost": 1, "benefit": 1, "requires": ["B1"]}]}""",
        HttpStatus.UNPROCESSABLE_ENTITY, "requires: cycle B1 → B2 → B1");
  }

  @Test
  void infeasibleConstraintsAre422WithTheReason() {
    assertRefused("""
        {"budget": 100000, "reserve": 20000, "bids": [
          {"id": "B1", "cost": 50000, "benefit": 1, "mustFund": true, "requires": "B2"},
          {"id": "B2", "cost": 40000, "benefit": 1}]}""", HttpStatus.UNPROCESSABLE_ENTITY,
        "infeasible: must-fund bids cost 90000 > 80000 available (budget 100000 − reserve 20000), counting the 1"
            + " bid(s) they require");
    assertRefused("""
        {"budget": 100, "bids": [{"id": "B1", "cost": 1, "benefit": 1, "mustFund": true, "exclusiveGroup": "g"},
                                 {"id": "B2", "cost": 1, "benefit": 1, "mustFund": true, "exclusiveGroup": "g"}]}""",
        HttpStatus.UNPROCESSABLE_ENTITY,
        "infeasible: exclusivity group 'g' holds two bids that must be funded: B1 (must-fund) and B2 (must-fund)");
    assertRefused("""
        {"budget": 100, "bids": [{"id": "B1", "cost": 10, "benefit": 1, "region": "EMEA"}],
         "regionMinimum": {"EMEA": 20}}""", HttpStatus.UNPROCESSABLE_ENTITY,
        "regionMinimum.EMEA: 20 cannot be reached: the eligible bids in EMEA cost 10 in all");
    assertRefused("""
        {"budget": 100, "bids": [{"id": "B1", "cost": 60, "benefit": 1, "region": "APAC", "mustFund": true},
                                 {"id": "B2", "cost": 50, "benefit": 1, "region": "EMEA"}],
         "regionMinimum": {"EMEA": 50}}""", HttpStatus.UNPROCESSABLE_ENTITY,
        "infeasible: no allocation within the 100 available meets must-fund B1, regionMinimum.EMEA 50 together");
  }

  @Test
  void refusalsAreInTheLanguageOfAcceptLanguage() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR, en;q=0.5");
    ResponseEntity<JsonNode> french = rest.withBasicAuth("eric", "demo").exchange(PATH, HttpMethod.POST,
        new HttpEntity<>(withBid("\"id\": \"X\", \"cost\": 0, \"benefit\": 1"), headers), JsonNode.class);
    assertThat(french.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(french.getBody().get("title").asText()).isEqualTo("Requête incorrecte");
    assertThat(french.getBody().get("detail").asText())
        .isEqualTo("bids[3].cost : doit être un nombre entier supérieur à 0");
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "es");
    ResponseEntity<JsonNode> english = rest.withBasicAuth("eric", "demo").exchange(PATH, HttpMethod.POST,
        new HttpEntity<>("{\"budget\": 100, \"reserve\": 100, \"bids\": []}", headers), JsonNode.class);
    assertThat(english.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(english.getBody().get("detail").asText()).isEqualTo("reserve: 100 must be below the budget of 100");
  }

  @Test
  void infeasibleConstraintsAreSaidInTheLanguageOfAcceptLanguage() {
    String mustFundTooDear = """
        {"budget": 100000, "reserve": 20000, "bids": [
          {"id": "B1", "cost": 50000, "benefit": 1, "mustFund": true, "requires": "B2"},
          {"id": "B2", "cost": 40000, "benefit": 1}]}""";
    assertThat(refusal(mustFundTooDear, "fr-FR")).isEqualTo("infaisable : les demandes à financer obligatoirement "
        + "coûtent 90000 > 80000 disponibles (budget 100000 − réserve 20000), en comptant les 1 demande(s) "
        + "qu’elles requièrent");
    assertThat(refusal(mustFundTooDear, "en")).isEqualTo("infeasible: must-fund bids cost 90000 > 80000 available "
        + "(budget 100000 − reserve 20000), counting the 1 bid(s) they require");
    String twoInAGroup = """
        {"budget": 100, "bids": [{"id": "B1", "cost": 1, "benefit": 1, "mustFund": true, "exclusiveGroup": "g"},
                                 {"id": "B2", "cost": 1, "benefit": 1, "exclusiveGroup": "g"},
                                 {"id": "B3", "cost": 1, "benefit": 1, "mustFund": true, "requires": "B2"}]}""";
    assertThat(refusal(twoInAGroup, "fr")).isEqualTo("infaisable : le groupe d’exclusivité « g » contient deux "
        + "demandes à financer obligatoirement : B1 (à financer obligatoirement) et B2 (requise par B3, à financer "
        + "obligatoirement)");
    assertThat(refusal(twoInAGroup, "en")).isEqualTo("infeasible: exclusivity group 'g' holds two bids that must "
        + "be funded: B1 (must-fund) and B2 (required by must-fund B3)");
    String noBidInRegion = """
        {"budget": 100, "bids": [{"id": "B1", "cost": 10, "benefit": 1, "region": "APAC"}],
         "regionMinimum": {"EMEA": 20}}""";
    assertThat(refusal(noBidInRegion, "fr-CA"))
        .isEqualTo("regionMinimum.EMEA : 20 ne peut être atteint : aucune demande éligible en EMEA");
    assertThat(refusal(noBidInRegion, "de"))
        .isEqualTo("regionMinimum.EMEA: 20 cannot be reached: no eligible bid is in EMEA");
    String conflicting = """
        {"budget": 100, "bids": [{"id": "B1", "cost": 60, "benefit": 1, "region": "APAC", "mustFund": true},
                                 {"id": "B2", "cost": 50, "benefit": 1, "region": "EMEA"}],
         "regionMinimum": {"EMEA": 50}}""";
    assertThat(refusal(conflicting, "fr")).isEqualTo("infaisable : aucune allocation dans les 100 disponibles ne "
        + "satisfait à la fois le financement obligatoire de B1, regionMinimum.EMEA 50");
    assertThat(refusal(conflicting, "en")).isEqualTo("infeasible: no allocation within the 100 available meets "
        + "must-fund B1, regionMinimum.EMEA 50 together");
  }

  @Test
  void whyABidIsLeftOutIsSaidInTheLanguageOfAcceptLanguage() {
    String json = """
        {"budget": 100000, "reserve": 10000, "bids": [
          {"id": "B1", "cost": 60000, "benefit": 80},
          {"id": "B2", "cost": 45000, "benefit": 70},
          {"id": "B3", "cost": 20000, "benefit": 60, "exclusiveGroup": "crm"},
          {"id": "B4", "cost": 10000, "benefit": 10, "exclusiveGroup": "crm"},
          {"id": "B5", "cost": 5000, "benefit": 90, "eligible": false},
          {"id": "B6", "cost": 1000, "benefit": 5, "requires": "B5"},
          {"id": "B7", "cost": 1000, "benefit": 0}]}""";
    assertThat(preview(json, "fr-FR").get("unfunded").toString()).isEqualTo("""
        [{"id":"B2","reason":"over budget","detail":"il lui manque 35\u202f000 au-delà des 10\u202f000 restants"},\
        {"id":"B4","reason":"excluded by group","detail":"B3, du groupe d’exclusivité « crm », est financée"},\
        {"id":"B5","reason":"not eligible","detail":"non éligible au financement"},\
        {"id":"B6","reason":"requirement unfunded","detail":"requiert B5, qui n’est pas éligible"},\
        {"id":"B7","reason":"lower value","detail":"n’apporte aucun bénéfice"}]""");
    String english = """
        [{"id":"B2","reason":"over budget","detail":"needs 35,000 more than the 10,000 left"},\
        {"id":"B4","reason":"excluded by group","detail":"B3 of exclusivity group 'crm' is funded"},\
        {"id":"B5","reason":"not eligible","detail":"not eligible for funding"},\
        {"id":"B6","reason":"requirement unfunded","detail":"requires B5, which is not eligible"},\
        {"id":"B7","reason":"lower value","detail":"adds no benefit"}]""";
    assertThat(preview(json, "en").get("unfunded").toString()).isEqualTo(english);
    assertThat(preview(json, "de").get("unfunded").toString()).isEqualTo(english);
  }

  /** The answer to a preview asked for in that language. */
  private JsonNode preview(String json, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<String> answer = rest.withBasicAuth("eric", "demo").exchange(PATH, HttpMethod.POST,
        new HttpEntity<>(json, headers), String.class);
    assertThat(answer.getStatusCode()).as(json).isEqualTo(HttpStatus.OK);
    return exactly(answer.getBody());
  }

  /** The detail of a 422 refusal of the preview, asked for in that language. */
  private String refusal(String json, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<JsonNode> refused = rest.withBasicAuth("eric", "demo").exchange(PATH, HttpMethod.POST,
        new HttpEntity<>(json, headers), JsonNode.class);
    assertThat(refused.getStatusCode()).as(json).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    return refused.getBody().get("detail").asText();
  }

  /** Numbers as sent: 150.50 stays 150.50. */
  private static JsonNode exactly(String json) {
    try {
      return JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(json, e);
    }
  }

  private static String withBid(String fields) {
    return "{\"budget\": 100000, \"bids\": [{\"id\": \"B0\", \"cost\": 1, \"benefit\": 1},"
        + " {\"id\": \"B1\", \"cost\": 1, \"benefit\": 1}, {\"id\": \"B2\", \"cost\": 1, \"benefit\": 1}, {" + fields
        + "}]}";
  }

  private void assertRefused(String json, HttpStatus status, String messageStart) {
    ResponseEntity<JsonNode> response = api.postJson("eric", PATH, json, JsonNode.class);
    assertThat(response.getStatusCode()).as(json).isEqualTo(status);
    assertThat(response.getBody().get("detail").asText()).as(json).startsWith(messageStart);
  }

  private static java.util.List<String> texts(JsonNode array) {
    java.util.List<String> texts = new java.util.ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
