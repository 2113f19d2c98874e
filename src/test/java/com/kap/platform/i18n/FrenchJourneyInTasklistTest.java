package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planning year's first steps in French, in headless Chromium (whose own language is English), through Tasklist
 * as its users see it: diane, the programme director, speaking French, starts the cycle and validates the
 * segmentation; camille, the demo's French-speaking KAM, drafts her plan for Coral Hotels, typing dates day first;
 * diane approves it. Every label (Camunda Forms' own "Add new" included), button, filter and task name the test reaches for is the French one, and the
 * outcome is checked over the API.
 */
@KapTest
class FrenchJourneyInTasklistTest {

  private static final int YEAR = 2162;
  private static final String CORAL = "ACC-020"; // Coral Hotels, KAM camille
  private static final String DRAFT = "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-"
      + CORAL;

  @Autowired UserLocales locales;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @AfterEach
  void dianeBackToTheInstallationsLanguage() {
    locales.set("diane", null);
  }

  @Test
  void camilleDraftsHerPlanAndDianeValidatesAndApprovesInFrench() throws Exception {
    locales.set("diane", Locale.FRENCH);
    Api api = new Api(rest);
    try (Browser browser = new Browser(port)) {
      frenchTasklistOf(browser, "diane");
      browser.startProcess("Démarrer un processus", "Cycle de planification annuel");
      browser.waitForText("Lancer le cycle de planification annuel");
      new TasklistForm(browser).type("Année du cycle", String.valueOf(YEAR))
          .date("Date limite des plans", LocalDate.of(YEAR - 1, 12, 15))
          .date("Date de clôture (après la date limite)", LocalDate.of(YEAR, 3, 31));
      assertThat(browser.find(By.xpath("//label[normalize-space(translate(., '*', ''))='Date limite des plans']"
          + "/following::input[1]")).getAttribute("value")).as("typed day first").isEqualTo("15/12/" + (YEAR - 1));
      browser.screenshot("french-01-diane-starts-the-cycle");
      browser.clickStart("Démarrer");

      browser.pickTask("Mes tâches", "Valider la segmentation", String.valueOf(YEAR));
      browser.waitForText("Segmentation " + YEAR);
      assertThat(browser.pageText()).contains("Attractivité", "Ajustements (facultatif)");
      browser.screenshot("french-02-diane-validates-the-segmentation");
      browser.click(By.xpath("//button[normalize-space()='Terminer']"));
      browser.logOut();
    }
    await("camille's draft").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> !api.tasks("camille", DRAFT).isEmpty());

    try (Browser browser = new Browser(port)) {
      frenchTasklistOf(browser, "camille");
      browser.pickTask("Plans à rédiger", "Rédiger le plan de compte", "Coral Hotels", String.valueOf(YEAR));
      // the task card shows every column, Segment too, without a "show more" step
      WebElement card = browser.find(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Coral Hotels')]"));
      assertThat(card.findElement(By.xpath(".//*[normalize-space()='Segment:']")).isDisplayed()).isTrue();
      assertThat(browser.driver().executeScript("return getComputedStyle(arguments[0]).maxHeight;",
          card.findElement(By.cssSelector(".task-card-details")))).isEqualTo("none");
      // the Diagram tab names the process's steps in French too; then back to the form
      browser.click(By.xpath("//*[contains(@class,'task-details')]//a[normalize-space()='Diagramme']"));
      browser.find(By.xpath("//*[contains(@class,'task-details')]//*[name()='svg']//*[name()='text']"
          + "[contains(., 'Vérifier la qualité')]"));
      assertThat(browser.pageText()).doesNotContain("Check plan quality");
      browser.screenshot("french-03a-camille-sees-the-diagram");
      browser.click(By.xpath("//*[contains(@class,'task-details')]//a[normalize-space()='Formulaire']"));
      browser.waitForText("Coral Hotels — plan de compte " + YEAR);
      browser.waitForText("échéance 15/12/" + (YEAR - 1)); // the deadline as she types dates
      assertThat(browser.pageText()).as("the plan's depth in words").containsAnyOf("profondeur du plan une page",
          "profondeur du plan allégé", "profondeur du plan complet");
      TasklistForm plan = new TasklistForm(browser);
      plan.type("Situation du client", "Trois hôtels rénovés en 2161 ; achats centralisés à Singapour");
      plan.firstRow("Objectifs");
      // an empty choice says "Sélectionner" and an empty date "jj/mm/aaaa", not form-js's "Select" and "dd/mm/yyyy"
      await("form-js's empty choice and date in French").atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200)).until(() -> browser.pageText().contains("Sélectionner")
              && !browser.pageText().matches("(?s).*\\bSelect\\b.*")
              && !browser.driver().findElements(By.cssSelector(".fjs-form input[placeholder='jj/mm/aaaa']")).isEmpty()
              && browser.driver().findElements(By.cssSelector(".fjs-form input[placeholder='dd/mm/yyyy']")).isEmpty());
      plan.pick("Type", "Rentabilité").type("Objectif", "Réduire le coût de service")
          .type("Indicateur", "Coût de service en % du CA").type("Point de départ", "11 %").type("Cible", "8 %")
          .date("Échéance", LocalDate.of(YEAR, 11, 30));
      plan.firstRow("Plan d'actions").type("Action", "Passer les commandes sur le portail").pick("Responsable",
          "(camille)").date("Échéance", LocalDate.of(YEAR, 3, 15));
      plan.firstRow("Besoins de formation").pick("Pour qui", "KAM").type("Besoin", "Négocier avec les achats");
      // a date field's calendar names the months and days in French, the week starting on Monday
      browser.click(By.xpath("(//*[contains(@class,'fjs-form')]//input[@placeholder='jj/mm/aaaa'])[1]"));
      await("the calendar in French").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> browser.driver().findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"))
              .stream().map(WebElement::getText).filter(day -> !day.isBlank()).findFirst().orElse(""),
              first -> first.toLowerCase(Locale.FRENCH).startsWith("lun"));
      assertThat(browser.driver().findElement(By.cssSelector(".flatpickr-calendar.open")).getText())
          .doesNotContain("Sun", "Mon");
      browser.screenshot("french-03b-camille-opens-a-calendar");
      browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
      // Camunda Forms' own texts too: "Ajouter" under each list, not "Add new"
      await("form-js's texts in French").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> browser.pageText().contains("Ajouter") && !browser.pageText().contains("Add new"));
      browser.screenshot("french-03-camille-drafts-her-plan");
      browser.completeAndSeeTheTaskGo("Terminer");
      browser.logOut();
    }
    JsonNode submitted = await("the plan in review").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("camille", "/api/accounts/" + CORAL + "/plans/" + YEAR, JsonNode.class).getBody(),
            plan -> plan != null && "IN_REVIEW".equals(plan.path("status").asText()));
    JsonNode content = submitted.get("versions").get(0).get("content");
    assertThat(content.get("objectives").get(0).get("type").asText()).as("values are not translated")
        .isEqualTo("profitability");
    assertThat(content.get("objectives").get(0).get("dueDate").asText()).isEqualTo(YEAR + "-11-30");
    assertThat(content.get("actions").get(0).get("dueDate").asText()).as("15/03 typed day first")
        .isEqualTo(YEAR + "-03-15");
    assertThat(content.get("customerSituation").asText()).startsWith("Trois hôtels rénovés");

    try (Browser browser = new Browser(port)) {
      frenchTasklistOf(browser, "diane");
      browser.pickTask("Plans à approuver", "Approuver le plan de compte", "Coral Hotels", String.valueOf(YEAR));
      browser.waitForText("Approuver le plan : Coral Hotels");
      browser.waitForText("Réduire le coût de service");
      new TasklistForm(browser).choose("Approuver le plan");
      browser.screenshot("french-04-diane-approves");
      browser.completeAndSeeTheTaskGo("Terminer");
    }
    await("the approved plan").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
        .until(() -> "APPROVED".equals(api.get("camille", "/api/accounts/" + CORAL + "/plans/" + YEAR,
            JsonNode.class).getBody().path("status").asText()));
  }

  /** Logs in through Tasklist's login page and waits until Tasklist speaks French (it reloads once to do so). */
  private static void frenchTasklistOf(Browser browser, String user) {
    browser.logIntoTasklist(user, "demo");
    browser.waitForText("Démarrer un processus");
    assertThat(browser.pageText()).doesNotContain("Start process");
  }
}
