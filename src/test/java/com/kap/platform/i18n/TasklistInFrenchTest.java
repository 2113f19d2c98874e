package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Browser;
import com.kap.support.KapTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium (whose own language is English): bruno opens "My settings" from the gear in Tasklist's
 * header, switches to French, and back in Tasklist its own texts are KAP's French (fr.json); switching back gives
 * English. camille, the demo's French-speaking KAM, logs in and Tasklist speaks French to her.
 */
@KapTest
class TasklistInFrenchTest {

  @Autowired UserLocales locales;
  @LocalServerPort int port;

  @AfterEach
  void resetBruno() {
    locales.set("bruno", null);
  }

  @Test
  void aUserSwitchesTasklistToFrenchOnMySettingsAndBack() throws Exception {
    locales.set("bruno", null);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("bruno", "demo");
      browser.waitForText("Start process");
      browser.click(By.cssSelector("a.kap-settings-link[title='My settings']"));
      browser.find(By.xpath("//main/h1[normalize-space()='My settings']"));
      browser.click(By.id("locale-fr"));
      browser.click(By.id("save-settings"));
      browser.find(By.xpath("//main/h1[normalize-space()='Mes paramètres']"));
      assertThat(browser.find(By.id("settings-notice")).getText()).isEqualTo("Enregistré");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core").isEmpty();
      browser.screenshot("my-settings-french");
      assertThat(locales.of("bruno").getLanguage()).isEqualTo("fr");

      browser.backToTasklist();
      browser.waitForText("Démarrer un processus");
      assertThat(browser.pageText()).doesNotContain("Start process");
      assertThat(browser.driver().executeScript("return window.localStorage.getItem('kapLocale')")).isEqualTo("fr");
      browser.find(By.cssSelector("a.kap-settings-link[title='Mes paramètres']"));
      browser.screenshot("tasklist-french");

      browser.click(By.cssSelector("a.kap-settings-link"));
      browser.click(By.id("locale-en"));
      browser.click(By.id("save-settings"));
      browser.find(By.xpath("//main/h1[normalize-space()='My settings']"));
      assertThat(browser.find(By.id("settings-notice")).getText()).isEqualTo("Saved");
      browser.backToTasklist();
      browser.waitForText("Start process");
      assertThat(browser.pageText()).doesNotContain("Démarrer un processus");
    }
  }

  @Test
  void camilleTheDemosFrenchKamSeesTasklistInFrench() throws Exception {
    assertThat(locales.chosenBy("camille")).as("set by the demo seeding").hasValue(java.util.Locale.FRENCH);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("camille", "demo"); // the login page in the browser's English; then Tasklist reloads
      browser.waitForText("Démarrer un processus");
      browser.find(By.cssSelector("a.kap-settings-link[title='Mes paramètres']"));
      browser.find(By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()='Mes comptes']"));
      browser.find(By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()=\"Mes demandes "
          + "d'investissement\"]"));
      browser.screenshot("tasklist-camille");
    }
  }
}
