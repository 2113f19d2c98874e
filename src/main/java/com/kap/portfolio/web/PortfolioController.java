package com.kap.portfolio.web;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.RequestText;
import com.kap.portfolio.AccountView;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioQueries;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class PortfolioController {

  private final PortfolioImportService importService;
  private final PortfolioQueries queries;
  private final CurrentUser currentUser;

  public PortfolioController(PortfolioImportService importService, PortfolioQueries queries,
      CurrentUser currentUser) {
    this.importService = importService;
    this.queries = queries;
    this.currentUser = currentUser;
  }

  /**
   * The body is read only after the role check, in the charset its Content-Type declares, strictly; without one, as
   * a spreadsheet saved it (UTF-8, with or without byte order mark, or Windows-1252: detected). Its errors are in the
   * language of the request's Accept-Language ({@code locale}).
   */
  @PostMapping(path = "/portfolio/import", consumes = "text/csv")
  public PortfolioImportService.ImportResult importPortfolio(InputStream body,
      @RequestHeader(name = "Content-Type") MediaType contentType, Locale locale) throws IOException {
    currentUser.require(Roles.PROGRAMME_DIRECTOR);
    return importService.importCsv(RequestText.readSpreadsheet(body, contentType, Bundles.text("error.what.file"),
        Bundles.text("error.text.declareCharset")), locale);
  }

  @GetMapping("/accounts")
  public List<AccountView> accounts() {
    return queries.visibleAccountViews();
  }

  @GetMapping("/accounts/{accountId}")
  public AccountView account(@PathVariable String accountId) {
    return queries.accountView(accountId);
  }

  /** The matrix of the accounts the caller may see: current scores, or a cycle year's validated segments. */
  @GetMapping(path = "/portfolio/matrix.svg", produces = "image/svg+xml")
  public String matrix(@RequestParam(required = false) Integer year) {
    return queries.matrix(year);
  }
}
