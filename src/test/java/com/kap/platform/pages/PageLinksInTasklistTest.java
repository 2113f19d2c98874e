package com.kap.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Browser;
import com.kap.support.KapTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium at 1,024 pixels, where the programme director's four links side by side would wrap Tasklist's
 * header onto a second line: diane logs in through the login page, finds the links folded into one "KAP pages" menu,
 * opens it and reaches the dashboard; at 1,400 pixels the links stand in the header and the menu is gone.
 */
@KapTest
class PageLinksInTasklistTest {

  @LocalServerPort int port;

  @Test
  void onANarrowScreenTheLinksFoldIntoOneMenu() throws Exception {
    try (Browser browser = new Browser(port)) {
      browser.driver().manage().window().setSize(new Dimension(1024, 900));
      browser.logIntoTasklist("diane", "demo");
      browser.click(By.xpath("//summary[normalize-space()='KAP pages']"));
      assertThat(browser.driver().findElements(By.cssSelector("a.kap-page-link")))
          .as("the links side by side").isNotEmpty().noneMatch(link -> link.isDisplayed());
      assertThat(browser.driver().findElements(By.cssSelector("a.kap-page-menu-link")))
          .extracting(link -> link.getText().strip())
          .containsExactly("Accounts", "Programme dashboard", "Proofs of success", "Import portfolio", "My calendar");
      assertThat(headerHeight(browser)).as("Tasklist's header stays one line").isLessThan(80);
      browser.screenshot("page-links-narrow");
      browser.click(By.xpath("//a[contains(@class,'kap-page-menu-link') and normalize-space()='Programme dashboard']"));
      browser.find(By.xpath("//main/h1[starts-with(normalize-space(), 'Programme dashboard')]"));
      assertThat(browser.driver().getCurrentUrl()).contains("/kap/dashboard");

      browser.driver().manage().window().setSize(new Dimension(1300, 900));
      browser.backToTasklist();
      browser.find(By.xpath("//summary[normalize-space()='KAP pages']"));
      assertThat(browser.driver().findElements(By.cssSelector("a.kap-page-link")))
          .as("diane's five links do not fit beside her name at 1,300 pixels: folded")
          .noneMatch(WebElement::isDisplayed);
      assertThat(headerHeight(browser)).as("at 1,300 pixels too").isLessThan(80);

      browser.driver().manage().window().setSize(new Dimension(1920, 900)); // the header measures again
      browser.find(By.xpath("//a[contains(@class,'kap-page-link') and normalize-space()='Programme dashboard']"));
      assertThat(browser.driver().findElement(By.cssSelector("details.kap-page-menu")).isDisplayed())
          .as("the menu on a wide screen").isFalse();
      assertThat(browser.driver().findElements(By.cssSelector("a.kap-page-link")))
          .as("diane's five links side by side").hasSize(5).allMatch(WebElement::isDisplayed);
      assertThat(headerHeight(browser)).as("five links side by side leave Tasklist's header one line")
          .isLessThan(80);
      browser.screenshot("page-links-wide");
    }
  }

  private static int headerHeight(Browser browser) {
    return browser.driver().findElement(By.cssSelector("[cam-widget-header], .navbar")).getSize().getHeight();
  }
}
