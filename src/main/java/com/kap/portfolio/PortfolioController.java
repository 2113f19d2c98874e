package com.kap.portfolio;

import com.kap.identity.CurrentUser;
import com.kap.identity.Roles;
import com.kap.web.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class PortfolioController {

  private final PortfolioImportService importService;
  private final PortfolioQueries queries;
  private final MatrixPicture matrixPicture;
  private final CurrentUser currentUser;

  public PortfolioController(PortfolioImportService importService, PortfolioQueries queries,
      MatrixPicture matrixPicture, CurrentUser currentUser) {
    this.importService = importService;
    this.queries = queries;
    this.matrixPicture = matrixPicture;
    this.currentUser = currentUser;
  }

  @PostMapping(path = "/portfolio/import", consumes = "text/csv")
  public PortfolioImportService.ImportResult importPortfolio(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = "Content-Type") MediaType contentType) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR);
    return importService.importCsv(body == null ? "" : decode(body, contentType));
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
    return matrixPicture.render(queries.visibleAccounts(), year);
  }

  /** Strict decoding: a file in another encoding than declared is refused instead of imported garbled. */
  private static String decode(byte[] body, MediaType contentType) {
    Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "the file is not valid " + charset.name()
          + " text; save it as UTF-8 or declare its charset in the Content-Type header");
    }
  }
}
