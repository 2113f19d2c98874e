package com.kap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.h2.server.web.JakartaWebServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;

/**
 * KAP started as in production (no profile) and as a developer starts it (dev profile), each in a JVM of its own
 * context on a fresh H2 file database: what is seeded, which cookies and endpoints a browser gets.
 */
class ProductionDefaultsIT {

  private static final String ADMIN_PASSWORD = "Tulip-Harbor-2026!";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void withoutProfileNoUserIsSeededCookiesAreSecureAndOnlyHealthIsOpen() throws Exception {
    try (ConfigurableApplicationContext app = start(List.of())) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
      assertThat(identity.createGroupQuery().groupId("kam").count()).as("the roles exist for the admin to fill")
          .isEqualTo(1);
      assertThat(app.getBean(AuthorizationService.class).createAuthorizationQuery().groupIdIn("kam")
          .resourceType(Resources.PROCESS_DEFINITION).resourceId("investmentBid").count()).isEqualTo(1);
      assertThat(app.getBean(FilterService.class).createFilterQuery().filterName("My tasks").count()).isEqualTo(1);
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("letTimePass").count())
          .as("the demo's clock is not there without the demo profile").isZero();
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("budgetRound").count())
          .as("while KAP's own processes are").isEqualTo(1);
      assertThat(repository.createDeploymentQuery().list()).allSatisfy(deployment ->
          assertThat(repository.getDeploymentResourceNames(deployment.getId())).noneMatch(r -> r.startsWith("demo/")));

      String base = base(app);
      assertThat(get(base + "/engine-rest/user?maxResults=10", "alice", "demo").statusCode())
          .as("no demo logins").isEqualTo(401);
      assertThat(get(base + "/engine-rest/user?maxResults=10", "admin", ADMIN_PASSWORD).statusCode())
          .as("the admin's password comes from the environment").isEqualTo(200);

      HttpResponse<String> welcome = get(base + "/camunda/api/admin/auth/user/default", null, null);
      List<String> cookies = welcome.headers().allValues("Set-Cookie");
      assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement().satisfies(c ->
          assertThat(c).contains("Secure").containsIgnoringCase("SameSite=Strict"));
      assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c ->
          assertThat(c).contains("Secure", "HttpOnly").containsIgnoringCase("SameSite=Strict"));

      assertThat(get(base + "/h2-console/", null, null).statusCode()).isEqualTo(404);
      HttpResponse<String> letTimePass = http.send(HttpRequest.newBuilder(URI.create(base
              + "/engine-rest/process-definition/key/letTimePass/submit-form"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"moveClockTo\":{\"value\":\"2099-01-01\"}}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(letTimePass.statusCode()).as("not even the administrator can let time pass").isEqualTo(404);
      HttpResponse<String> health = get(base + "/actuator/health", null, null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(get(base + "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("camunda_job_acquisition_attempt_total", "kap_plans_approved_total");
      assertThat(get(base + "/actuator/health", "admin", ADMIN_PASSWORD).body()).contains("\"jobExecutor\"");
    }
  }

  @Test
  void withoutAnAdminPasswordStartUpStopsWithAClearMessage() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(KapApplication.class)
        .run("--camunda.bpm.admin-user.password=", "--server.port=0").close())
        .hasMessageContaining("set the environment variable KAP_ADMIN_PASSWORD");
  }

  @Test
  void theDevProfileOpensTheH2ConsoleToLocalRequestsOnly() throws Exception {
    try (ConfigurableApplicationContext app = start(List.of("dev"))) {
      HttpResponse<String> local = get(base(app) + "/h2-console/", null, null);
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(local.body()).contains("H2 Console");

      ServletRegistrationBean<?> registration = app.getBean("h2Console", ServletRegistrationBean.class);
      MockServletConfig config = new MockServletConfig("h2Console");
      registration.getInitParameters().forEach(config::addInitParameter);
      JakartaWebServlet console = new JakartaWebServlet();
      console.init(config);
      MockHttpServletResponse fromHere = serve(console, "127.0.0.1");
      MockHttpServletResponse remote = serve(console, "203.0.113.7");
      assertThat(fromHere.getContentAsString()).doesNotContain("webAllowOthers");
      assertThat(remote.getContentAsString()).as("H2 refuses a request from another host")
          .contains("remote connections ('webAllowOthers') are disabled");
      console.destroy();
    }
  }

  private static MockHttpServletResponse serve(JakartaWebServlet console, String from) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/h2-console/");
    request.setServletPath("/h2-console");
    request.setPathInfo("/");
    request.setRemoteAddr(from);
    MockHttpServletResponse response = new MockHttpServletResponse();
    console.service(request, response);
    return response;
  }

  private static ConfigurableApplicationContext start(List<String> profiles) throws Exception {
    Path data = Files.createTempDirectory("kap-production");
    return new SpringApplicationBuilder(KapApplication.class).profiles(profiles.toArray(String[]::new)).run(
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap").toAbsolutePath(), "--server.port=0",
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD, "--kap.notifications.outbox=" + data.resolve("outbox"));
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  private HttpResponse<String> get(String url, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
