package com.kap.portfolio.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.portfolio.SegmentPortfolio;
import com.kap.portfolio.SegmentedPortfolio;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Service task "Segment portfolio": scores every account for the cycle year, stores the segments, and gives the
 * validation form what it shows: counts per segment, the focus-limit warning, the matrix and the account table.
 * Idempotent: a retried job rewrites the same year's rows and keeps any override.
 */
@Component("segmentPortfolio")
public class SegmentPortfolioDelegate implements JavaDelegate {

  private final PortfolioSegmentation segmentation;
  private final ObjectMapper json;

  public SegmentPortfolioDelegate(PortfolioSegmentation segmentation, ObjectMapper json) {
    this.segmentation = segmentation;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    SegmentedPortfolio portfolio = segmentation.segment(
        new SegmentPortfolio(((Number) execution.getVariable("year")).intValue()));
    execution.setVariable("accountCount", portfolio.accounts().size());
    for (Segment segment : Segment.values()) {
      execution.setVariable(segment.name().toLowerCase() + "Count", portfolio.counts().get(segment).intValue());
    }
    execution.setVariable("focusCount", (int) portfolio.focusCount());
    execution.setVariable("focusLimit", portfolio.focusLimit());
    execution.setVariable("focusLimitExceeded", portfolio.focusLimitExceeded());
    // a Json string: Camunda keeps plain strings under 4,000 characters, and the picture is larger
    execution.setVariable("matrixImage", jsonValue("data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(portfolio.matrix().getBytes(StandardCharsets.UTF_8))));
    execution.setVariable("portfolioTable", jsonValue(portfolio.accounts().stream().map(a -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("accountId", a.segment().accountId());
      row.put("name", a.account().name());
      row.put("region", a.account().region());
      row.put("kam", a.account().kam());
      row.put("sponsor", a.account().sponsor() == null ? "-" : a.account().sponsor());
      row.put("attractiveness", a.segment().attractiveness().setScale(1, RoundingMode.DOWN));
      row.put("strength", a.segment().strength().setScale(1, RoundingMode.DOWN));
      row.put("segment", a.segment().segment().label());
      return row;
    }).toList()));
    execution.setVariable("accountOptions", jsonValue(portfolio.accounts().stream()
        .map(a -> Map.of("value", a.segment().accountId(), "label", a.segment().accountId() + " - "
            + a.account().name() + " (" + a.segment().segment().label() + ")"))
        .toList()));
    if (!execution.hasVariable("overrides")) {
      // an empty list, so that the form's override list starts with no rows to fill
      execution.setVariable("overrides", jsonValue(List.of()));
    }
  }

  private Object jsonValue(Object value) throws JsonProcessingException {
    return SpinValues.jsonValue(json.writeValueAsString(value)).create();
  }
}
