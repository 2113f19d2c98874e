package com.kap.portfolio;

import com.kap.platform.web.RejectedWithErrors;
import java.util.List;

/** The import was refused as a whole; nothing was written. */
public class PortfolioImportRejected extends RejectedWithErrors {

  private final List<ImportError> errors;

  public PortfolioImportRejected(List<ImportError> errors) {
    super("import.rejected", String.valueOf(errors.size()));
    this.errors = List.copyOf(errors);
  }

  @Override
  public List<ImportError> errors() {
    return errors;
  }
}
