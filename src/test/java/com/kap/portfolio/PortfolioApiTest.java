package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.web.RequestText;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** The portfolio API over HTTP, as a client of the contract in DESIGN §5 sees it. */
@KapTest
class PortfolioApiTest {

  static final String HEADER = String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS);

  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;

  @Autowired
  TestRestTemplate rest;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(rest);
  }

  @Test
  void importsCsvAndReadsTheSegmentsBack() {
    ResponseEntity<JsonNode> imported = api.postCsv("diane", HEADER + "\n"
        + "API-1,\"Strategic, Inc.\",EMEA,alice,gilles,9,9,9,9,9,9,9,9,9,9,9,9\n"
        + "API-2,Star Co,AMER,bruno,,9,9,9,9,9,9,2,2,2,2,2,2\n"
        + "API-3,Status Co,APAC,chen,,2,2,2,2,2,2,9,9,9,9,9,9\n"
        + "API-4,Streamline Co,EMEA,alice,,2,2,2,2,2,2,2,2,2,2,2,2\n", JsonNode.class);

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody().get("imported").asInt()).isEqualTo(4);
    assertThat(imported.getBody().get("updated").asInt()).isZero();
    assertThat(segmentOf("API-1")).isEqualTo("Strategic");
    assertThat(segmentOf("API-2")).isEqualTo("Star");
    assertThat(segmentOf("API-3")).isEqualTo("Status");
    assertThat(segmentOf("API-4")).isEqualTo("Streamline");
    JsonNode account = api.get("diane", "/api/accounts/API-1", JsonNode.class).getBody();
    assertThat(account.get("name").asText()).isEqualTo("Strategic, Inc.");
    assertThat(account.get("sponsor").asText()).isEqualTo("gilles");
    assertThat(account.get("attractiveness").decimalValue()).isEqualByComparingTo("88.8888");
    assertThat(account.get("strength").decimalValue()).isEqualByComparingTo("88.8888");

    ResponseEntity<JsonNode> reimported = api.postCsv("diane", HEADER + "\n"
        + "API-4,Streamline Co,EMEA,alice,,9,9,9,9,9,9,2,2,2,2,2,2\n", JsonNode.class);

    assertThat(reimported.getBody().get("imported").asInt()).isZero();
    assertThat(reimported.getBody().get("updated").asInt()).isEqualTo(1);
    assertThat(segmentOf("API-4")).isEqualTo("Star");
  }

  @Test
  void refusesTheWholeFileWhenOneRowIsBad() {
    ResponseEntity<JsonNode> response = api.postCsv("diane", HEADER + "\n"
        + "API-OK,Good Row,EMEA,alice,,5,5,5,5,5,5,5,5,5,5,5,5\n"
        + "API-BAD,Bad Row,EMEA,nobody,ghost,5,5,5,5,5,5,5,5,5,5,5,5\n", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody().get("detail").asText())
        .isEqualTo("2 error(s) in the portfolio file; nothing was imported");
    assertThat(response.getBody().get("errorCount").asInt()).isEqualTo(2);
    JsonNode errors = response.getBody().get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(errors.get(0).get("column").asText()).isEqualTo("kam");
    assertThat(errors.get(0).get("message").asText()).isEqualTo("kam 'nobody' is not a known user");
    assertThat(errors.get(1).get("column").asText()).isEqualTo("sponsor");
    assertThat(api.get("diane", "/api/accounts/API-OK", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void readsAFileAsExcelSavesItOnWindowsInWindows1252AndRefusesOneThatIsNoText() {
    byte[] windows = (HEADER.replace(',', ';') + ";revenue\r\n"
        + "API-L1;Société Générale € – « Œuvre »;EMEA;alice;;5;5;5;5;5;5;5;5;5;5;5;5;1234,5\r\n")
        .getBytes(RequestText.WINDOWS_1252);

    ResponseEntity<JsonNode> response = api.postBytes("diane", windows, MediaType.valueOf("text/csv"), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode account = api.get("diane", "/api/accounts/API-L1", JsonNode.class).getBody();
    assertThat(account.get("name").asText()).isEqualTo("Société Générale € – « Œuvre »");
    assertThat(account.get("revenue").decimalValue()).isEqualByComparingTo("1234.5");
    byte[] latin1 = (HEADER + "\nAPI-L2,Café,EMEA,alice,,5,5,5,5,5,5,5,5,5,5,5,5\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    ResponseEntity<JsonNode> declared = api.postBytes("diane", latin1,
        MediaType.valueOf("text/csv;charset=ISO-8859-1"), JsonNode.class);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("diane", "/api/accounts/API-L2", JsonNode.class).getBody().get("name").asText())
        .isEqualTo("Café");
    ResponseEntity<JsonNode> utf16 = api.postBytes("diane", (HEADER + "\nAPI-L3,Café,EMEA,alice,,5,5,5,5,5,5,5,5,5,"
        + "5,5,5\n").getBytes(StandardCharsets.UTF_16LE), MediaType.valueOf("text/csv"), JsonNode.class);
    assertThat(utf16.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(utf16.getBody().get("detail").asText()).startsWith("the file is not text (line 1)");
  }

  @Test
  void answersTheImportsErrorsInTheLanguageOfAcceptLanguageEnglishByDefault() {
    String file = HEADER + "\nAPI-FR,Bad Row,EMEA,nobody,,0,5,5,5,5,5,5,5,5,5,5,5\n";

    JsonNode french = importWithLanguage(file, "fr-FR,fr;q=0.9,en;q=0.5");
    assertThat(french.get("title").asText()).isEqualTo("Requête incorrecte");
    assertThat(french.get("detail").asText())
        .isEqualTo("2 erreur(s) dans le fichier du portefeuille ; rien n'a été importé");
    assertThat(french.get("errors")).extracting(e -> e.get("line").asInt(), e -> e.get("column").asText(),
        e -> e.get("message").asText()).containsExactly(
            tuple(2, "spend", "spend doit être compris entre 1 et 10, valeur : 0"),
            tuple(2, "kam", "kam 'nobody' n'est pas un utilisateur connu"));
    for (String english : new String[] {null, "de-DE,de;q=0.9", "*"}) {
      JsonNode answer = importWithLanguage(file, english);
      assertThat(answer.get("title").asText()).as(english).isEqualTo("Bad Request");
      assertThat(answer.get("detail").asText()).as(english)
          .isEqualTo("2 error(s) in the portfolio file; nothing was imported");
      assertThat(answer.get("errors").get(1).get("message").asText()).as(english)
          .isEqualTo("kam 'nobody' is not a known user");
    }
  }

  @Test
  void answersKapsOwnRefusalsInTheLanguageOfAcceptLanguage() throws Exception {
    JsonNode french = problem("/api/accounts/NO-SUCH-2170", "fr");
    assertThat(french.get("title").asText()).isEqualTo("Introuvable");
    assertThat(french.get("detail").asText()).isEqualTo("aucun compte 'NO-SUCH-2170'");
    JsonNode english = problem("/api/accounts/NO-SUCH-2170", "de");
    assertThat(english.get("title").asText()).isEqualTo("Not Found");
    assertThat(english.get("detail").asText()).isEqualTo("no account 'NO-SUCH-2170'");
    JsonNode year = problem("/api/portfolio/matrix.svg?year=2170x", "fr-CA");
    assertThat(year.get("title").asText()).isEqualTo("Requête incorrecte");
    assertThat(year.get("detail").asText()).isEqualTo("le paramètre 'year' a une valeur invalide : '2170x'");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "fr");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> wrongType = rest.withBasicAuth("diane", "demo").exchange("/api/portfolio/import",
        HttpMethod.POST, new HttpEntity<>("{}".getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(wrongType.getBody().get("title").asText()).isEqualTo("Type de contenu non pris en charge");
    assertThat(wrongType.getBody().get("detail").asText())
        .isEqualTo("le Content-Type 'application/json' n'est pas accepté ici ; envoyez text/csv");
  }

  @Test
  void springsOwnRefusalsUnderApiAreProblemsInTheLanguageOfAcceptLanguage() throws Exception {
    JsonNode notFound = answer(HttpMethod.GET, "/api/nothing-2170", "fr", null, HttpStatus.NOT_FOUND);
    assertThat(notFound.get("title").asText()).isEqualTo("Introuvable");
    assertThat(notFound.get("detail").asText()).isEqualTo("il n'y a rien à /api/nothing-2170");
    assertThat(answer(HttpMethod.GET, "/api/nothing-2170", null, null, HttpStatus.NOT_FOUND).get("detail").asText())
        .isEqualTo("there is nothing at /api/nothing-2170");
    JsonNode method = answer(HttpMethod.DELETE, "/api/accounts", "fr", null, HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(method.get("title").asText()).isEqualTo("Méthode non autorisée");
    assertThat(method.get("detail").asText()).isEqualTo("DELETE n'est pas autorisé sur /api/accounts ; méthodes "
        + "acceptées : GET");
    assertThat(answer(HttpMethod.DELETE, "/api/accounts", "en", null, HttpStatus.METHOD_NOT_ALLOWED).get("detail")
        .asText()).isEqualTo("DELETE is not allowed on /api/accounts; it takes GET");
    JsonNode accept = answer(HttpMethod.GET, "/api/accounts", "fr", "image/png", HttpStatus.NOT_ACCEPTABLE);
    assertThat(accept.get("title").asText()).isEqualTo("Format de réponse non disponible");
    assertThat(accept.get("detail").asText()).startsWith("cette ressource ne peut pas répondre en image/png ; elle "
        + "répond en application/json");
  }

  private JsonNode answer(HttpMethod method, String path, String acceptLanguage, String accept, HttpStatus status)
      throws Exception {
    HttpHeaders headers = new HttpHeaders();
    if (acceptLanguage != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    }
    if (accept != null) {
      headers.set(HttpHeaders.ACCEPT, accept);
    }
    ResponseEntity<String> response = rest.withBasicAuth("diane", "demo").exchange(path, method,
        new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    return new ObjectMapper().readTree(response.getBody());
  }

  private JsonNode importWithLanguage(String csv, String acceptLanguage) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    if (acceptLanguage != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    }
    ResponseEntity<JsonNode> response = rest.withBasicAuth("diane", "demo").exchange("/api/portfolio/import",
        HttpMethod.POST, new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody();
  }

  private JsonNode problem(String path, String acceptLanguage) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    ResponseEntity<String> response = rest.withBasicAuth("diane", "demo").exchange(path, HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    return new ObjectMapper().readTree(response.getBody());
  }

  @Test
  void anonymousCallersAndWrongPasswordsGet401() {
    assertThat(api.get(null, "/api/accounts", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get(null, "/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.postCsv(null, HEADER, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("diane", "wrong").getForEntity("/api/accounts", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // Camunda's login throttling would refuse diane for a few seconds: the tests after this one need her
    identityService.unlockUser("diane");
  }

  @Test
  void onlyTheProgrammeDirectorImports() {
    for (String user : new String[] {"alice", "eric", "gilles", "paula"}) {
      ResponseEntity<JsonNode> response = api.postCsv(user, HEADER + "\n"
          + "API-X,X,EMEA,alice,,5,5,5,5,5,5,5,5,5,5,5,5\n", JsonNode.class);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(api.get("diane", "/api/accounts/API-X", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aKamSeesOnlyTheirOwnAccounts() {
    JsonNode mine = api.get("alice", "/api/accounts", JsonNode.class).getBody();

    assertThat(mine).isNotEmpty();
    assertThat(mine).allSatisfy(a -> assertThat(a.get("kam").asText()).isEqualTo("alice"));
    assertThat(api.get("alice", "/api/accounts/ACC-001", String.class).getStatusCode())
        .as("ACC-001 belongs to bruno").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("bruno", "/api/accounts/ACC-001", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void directorsSeeTheWholePortfolioAndOtherRolesNothing() {
    JsonNode all = api.get("eric", "/api/accounts", JsonNode.class).getBody();

    assertThat(all.size()).isGreaterThanOrEqualTo(24);
    assertThat(all).extracting(a -> a.get("kam").asText()).contains("alice", "bruno", "chen");
    assertThat(all).extracting(a -> a.get("segment").asText())
        .contains("Strategic", "Star", "Status", "Streamline");
    assertThat(api.get("hana", "/api/accounts", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("diane", "/api/accounts/NO-SUCH", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void engineRestRefusesWhatTheRoleMayNotDo() {
    ResponseEntity<String> kamStartsCycle = api.postJson("alice",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        "{\"variables\":{\"year\":{\"value\":2090}}}", String.class);

    assertThat(kamStartsCycle.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void drawsTheMatrixOfTheVisibleAccounts() {
    ResponseEntity<String> all = api.get("diane", "/api/portfolio/matrix.svg", String.class);
    ResponseEntity<String> mine = api.get("alice", "/api/portfolio/matrix.svg", String.class);

    assertThat(all.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    assertThat(circles(all.getBody())).isGreaterThanOrEqualTo(24);
    assertThat(circles(mine.getBody())).isLessThan(circles(all.getBody()));
  }

  @Test
  void aCallerThatAsksForSvgStillReadsTheProblem() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.valueOf("image/svg+xml")));
    ResponseEntity<String> noCycle = rest.withBasicAuth("diane", "demo").exchange("/api/portfolio/matrix.svg?year=1901",
        HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(noCycle.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noCycle.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(noCycle.getBody());
    assertThat(problem.get("detail").asText()).isEqualTo("no segmentation for 1901");
    assertThat(problem.get("status").asInt()).isEqualTo(404);
  }

  private static long circles(String svg) {
    // legend dots are drawn with a fixed radius 6; account dots carry a <title>
    return svg.lines().filter(l -> l.startsWith("<circle") && l.contains("<title>")).count();
  }

  private String segmentOf(String accountId) {
    return api.get("diane", "/api/accounts/" + accountId, JsonNode.class).getBody().get("segment").asText();
  }
}
