package com.kap.portfolio;

import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.platform.web.ValidBody;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.portfolio.internal.MatrixPicture;
import com.kap.portfolio.internal.SegmentationProperties;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments the whole portfolio for a cycle year, records the programme director's overrides while validating it,
 * and changes an account's segment mid-year.
 */
@Service
public class PortfolioSegmentation {

  /** The message that tells an account's running ritual plan that its segment changed. */
  public static final String SEGMENT_CHANGED = "segmentChanged";

  private final AccountRepository accounts;
  private final CycleSegmentRepository cycleSegments;
  private final SegmentationWeights weights;
  private final MatrixPicture matrixPicture;
  private final SegmentationProperties properties;
  private final CurrentUser currentUser;
  private final Validator validator;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  public PortfolioSegmentation(AccountRepository accounts, CycleSegmentRepository cycleSegments,
      SegmentationWeights weights, MatrixPicture matrixPicture, SegmentationProperties properties, CurrentUser currentUser,
      Validator validator, RuntimeService runtimeService, IdentityService identityService, Clock clock) {
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.weights = weights;
    this.matrixPicture = matrixPicture;
    this.properties = properties;
    this.currentUser = currentUser;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * Scores every account with the weights the year's cycle recorded when it started (recorded now if it did not)
   * and stores the year's segments; returns them, overrides applied.
   */
  @Transactional
  public List<CycleSegment> segment(int year) {
    SegmentScorer scorer = weights.recordForCycle(year);
    List<CycleSegment> computed = accounts.findAll().stream().map(account -> {
      SegmentScorer.Scoring scoring = scorer.score(account.scores());
      return new CycleSegment(year, account.accountId(), scoring.attractiveness(), scoring.strength(),
          scoring.segment(), null);
    }).toList();
    cycleSegments.saveComputed(year, computed);
    return cycleSegments.findByYear(year);
  }

  /**
   * {@link #segment(int)}, with what the validation form shows: the accounts, the counts per segment against the
   * focus limit, and the matrix. Idempotent: segmenting the year again rewrites its rows and keeps any override.
   */
  @Transactional
  public SegmentedPortfolio segment(SegmentPortfolio command) {
    int year = command.year();
    List<CycleSegment> segments = segment(year);
    Map<String, Account> byId = accounts.findAll().stream()
        .collect(Collectors.toMap(Account::accountId, Function.identity()));
    String matrix = matrixPicture.render(segments.stream()
        .map(s -> new MatrixPicture.Point(s.accountId(), byId.get(s.accountId()).name(), s.attractiveness(),
            s.strength(), s.segment()))
        .toList(), "Cycle " + year);
    return new SegmentedPortfolio(year, segments.stream()
        .map(s -> new SegmentedPortfolio.SegmentedAccount(byId.get(s.accountId()), s)).toList(),
        countBySegment(segments), properties.focusLimit(), matrix);
  }

  public record OverrideRequest(String accountId, Segment segment, String reason) {}

  /**
   * Stores overrides with who and when; an account must be part of the year's segmentation, and its override must
   * change its segment.
   *
   * @throws InvalidFormData naming every refused override at once
   */
  @Transactional
  public void override(OverrideSegments command) {
    int year = command.year();
    List<OverrideRequest> overrides = command.overrides();
    String by = currentUser.idOrElse("unknown");
    Map<String, Segment> computed = cycleSegments.findByYear(year).stream()
        .collect(Collectors.toMap(CycleSegment::accountId, CycleSegment::computedSegment));
    FormProblems problems = new FormProblems();
    for (int i = 0; i < overrides.size(); i++) {
      OverrideRequest o = overrides.get(i);
      if (!computed.containsKey(o.accountId())) {
        problems.add(new InvalidFormData("overrides[" + i + "].accountId",
            Problem.of("override.notInSegmentation", o.accountId(), year)));
      } else if (computed.get(o.accountId()) == o.segment()) {
        problems.add(new InvalidFormData("overrides[" + i + "].segment",
            Problem.of("override.already", o.accountId(), o.segment().label())));
      }
    }
    problems.throwIfAny();
    for (OverrideRequest o : overrides) {
      cycleSegments.saveOverride(year, o.accountId(),
          new CycleSegment.Override(o.segment(), o.reason(), by, clock.instant()));
    }
  }

  /**
   * Changes the account's segment of a cycle year (stored as an override with the reason) and tells its running
   * ritual plan (message {@link #SEGMENT_CHANGED}) to plan anew. The programme director only.
   *
   * @return the account's segmentation of the year, changed
   * @throws ApiException 403 for anyone else, 404 for an account not in the year's segmentation, 400 for a refused
   *     change: checked after the role and the look-up, so that whoever may not change segments learns nothing
   */
  @Transactional
  public CycleSegment changeSegment(int year, String accountId, ChangeSegment change) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR);
    CycleSegment current = cycleSegments.find(year, accountId).orElseThrow(() -> ApiException.of(
        HttpStatus.NOT_FOUND, "error.segmentation.notIn", accountId, String.valueOf(year)));
    ChangeSegment checked = ValidBody.check(validator, change == null ? new ChangeSegment(null, null)
        : change.trimmed());
    Segment segment = Segment.byLabel(checked.segment()).orElseThrow();
    String reason = checked.reason();
    if (current.segment() == segment) {
      throw ApiException.ofField(HttpStatus.BAD_REQUEST, "segment", "error.segmentation.already", accountId,
          segment.label(), String.valueOf(year));
    }
    cycleSegments.saveOverride(year, accountId, new CycleSegment.Override(segment, reason, currentUser.id(),
        clock.instant()));
    // the programme director may change segments, not touch process instances: KAP tells the ritual plan itself
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(SEGMENT_CHANGED).processInstanceBusinessKey(year + "-" + accountId)
          .correlateAllWithResult();
    } finally {
      identityService.setAuthentication(caller);
    }
    return cycleSegments.find(year, accountId).orElseThrow();
  }

  public static Map<Segment, Long> countBySegment(List<CycleSegment> segments) {
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      counts.put(segment, 0L);
    }
    segments.forEach(s -> counts.merge(s.segment(), 1L, Long::sum));
    return counts;
  }
}
