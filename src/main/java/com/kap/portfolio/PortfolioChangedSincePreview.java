package com.kap.portfolio;

import com.kap.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A previewed import was not made: since its preview, accounts of the file were added or changed by someone else,
 * so the preview no longer says what the import would do. Nothing was written; preview the file again.
 */
public class PortfolioChangedSincePreview extends ApiException {

  public PortfolioChangedSincePreview() {
    super(HttpStatus.CONFLICT, "the portfolio changed since the preview: accounts of the file were added or changed "
        + "meanwhile, so the preview no longer shows what the import would do; nothing was imported, preview the file "
        + "again");
  }
}
