package com.kap.portfolio.internal;

import com.kap.portfolio.PortfolioImportService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Demo profile only: loads 24 accounts (all four segments, three regions, three KAMs) into an empty portfolio. */
@Component
@Profile("demo")
public class DemoPortfolio {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPortfolio.class);
  public static final String CSV = "demo/portfolio.csv";

  private final AccountRepository accounts;
  private final PortfolioImportService importService;

  public DemoPortfolio(AccountRepository accounts, PortfolioImportService importService) {
    this.accounts = accounts;
    this.importService = importService;
  }

  /** After the demo logins exist (order 1), since every account names its KAM. */
  @EventListener(PostDeployEvent.class)
  @Order(2)
  public void load() throws IOException {
    if (accounts.count() > 0) {
      return;
    }
    String csv = new ClassPathResource(CSV).getContentAsString(StandardCharsets.UTF_8);
    PortfolioImportService.ImportResult result = importService.importCsv(csv);
    LOG.info("Demo portfolio loaded: {} accounts", result.imported());
  }
}
