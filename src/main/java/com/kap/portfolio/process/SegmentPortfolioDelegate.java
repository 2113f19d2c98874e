package com.kap.portfolio.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.MatrixPicture;
import com.kap.portfolio.internal.SegmentationProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
  private final AccountRepository accounts;
  private final MatrixPicture matrixPicture;
  private final SegmentationProperties properties;
  private final ObjectMapper json;

  public SegmentPortfolioDelegate(PortfolioSegmentation segmentation, AccountRepository accounts,
      MatrixPicture matrixPicture, SegmentationProperties properties, ObjectMapper json) {
    this.segmentation = segmentation;
    this.accounts = accounts;
    this.matrixPicture = matrixPicture;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    int year = ((Number) execution.getVariable("year")).intValue();
    List<CycleSegment> segments = segmentation.segment(year);
    Map<String, Account> byId = accounts.findAll().stream()
        .collect(Collectors.toMap(Account::accountId, Function.identity()));
    Map<Segment, Long> counts = PortfolioSegmentation.countBySegment(segments);
    long focus = counts.get(Segment.STRATEGIC) + counts.get(Segment.STAR);

    execution.setVariable("accountCount", segments.size());
    for (Segment segment : Segment.values()) {
      execution.setVariable(segment.name().toLowerCase() + "Count", counts.get(segment).intValue());
    }
    execution.setVariable("focusCount", (int) focus);
    execution.setVariable("focusLimit", properties.focusLimit());
    execution.setVariable("focusLimitExceeded", focus > properties.focusLimit());
    // a Json string: Camunda keeps plain strings under 4,000 characters, and the picture is larger
    execution.setVariable("matrixImage", jsonValue(dataUri(matrixPicture.render(segments.stream()
        .map(s -> new MatrixPicture.Point(s.accountId(), byId.get(s.accountId()).name(), s.attractiveness(),
            s.strength(), s.segment()))
        .toList(), "Cycle " + year))));
    execution.setVariable("portfolioTable", jsonValue(segments.stream().map(s -> {
      Account account = byId.get(s.accountId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("accountId", s.accountId());
      row.put("name", account.name());
      row.put("region", account.region());
      row.put("kam", account.kam());
      row.put("sponsor", account.sponsor() == null ? "-" : account.sponsor());
      row.put("attractiveness", s.attractiveness().setScale(1, java.math.RoundingMode.DOWN));
      row.put("strength", s.strength().setScale(1, java.math.RoundingMode.DOWN));
      row.put("segment", s.segment().label());
      return row;
    }).toList()));
    execution.setVariable("accountOptions", jsonValue(segments.stream()
        .map(s -> Map.of("value", s.accountId(),
            "label", s.accountId() + " - " + byId.get(s.accountId()).name() + " (" + s.segment().label() + ")"))
        .toList()));
    if (!execution.hasVariable("overrides")) {
      // an empty list, so that the form's override list starts with no rows to fill
      execution.setVariable("overrides", jsonValue(List.of()));
    }
  }

  private static String dataUri(String svg) {
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  private Object jsonValue(Object value) throws JsonProcessingException {
    return SpinValues.jsonValue(json.writeValueAsString(value)).create();
  }
}
