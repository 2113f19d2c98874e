package com.kap.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a damaged database file as Spring Boot shows a failed start: what is wrong, then what to do. */
public class DamagedDatabaseFileAnalyzer extends AbstractFailureAnalyzer<DamagedDatabaseFile> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DamagedDatabaseFile cause) {
    return new FailureAnalysis(cause.getMessage() + "\nKAP does not start on a damaged database.", cause.action(),
        cause);
  }
}
