package com.kap.portfolio;

import java.util.List;

/** The import was refused as a whole; nothing was written. */
public class PortfolioImportRejected extends RuntimeException {

  private final List<ImportError> errors;

  public PortfolioImportRejected(List<ImportError> errors) {
    super(errors.size() + " error(s) in the portfolio file; nothing was imported");
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> errors() {
    return errors;
  }
}
