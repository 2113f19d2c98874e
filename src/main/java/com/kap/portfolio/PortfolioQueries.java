package com.kap.portfolio;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.portfolio.internal.MatrixPicture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The accounts the current user may see: directors, the programme director and admins see the whole portfolio,
 * a KAM their own accounts, an executive sponsor the accounts they sponsor.
 */
@Service
public class PortfolioQueries {

  private final AccountRepository accounts;
  private final CycleSegmentRepository cycleSegments;
  private final SegmentationWeights weights;
  private final MatrixPicture matrixPicture;
  private final CurrentUser currentUser;

  public PortfolioQueries(AccountRepository accounts, CycleSegmentRepository cycleSegments, SegmentationWeights weights,
      MatrixPicture matrixPicture, CurrentUser currentUser) {
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.weights = weights;
    this.matrixPicture = matrixPicture;
    this.currentUser = currentUser;
  }

  public List<Account> visibleAccounts() {
    if (seesWholePortfolio()) {
      return accounts.findAll();
    }
    if (currentUser.isIn(Roles.KAM)) {
      return accounts.findByKam(currentUser.id());
    }
    if (currentUser.isIn(Roles.EXECUTIVE_SPONSOR)) {
      return accounts.findBySponsor(currentUser.id());
    }
    throw ApiException.of(HttpStatus.FORBIDDEN, "error.accounts.mayNotRead", currentUser.id());
  }

  public List<AccountView> visibleAccountViews() {
    List<Account> visible = visibleAccounts();
    Map<String, List<CycleSegment>> cycles = (seesWholePortfolio() ? cycleSegments.findAll() : visible.stream()
        .flatMap(a -> cycleSegments.findByAccount(a.accountId()).stream()).toList())
        .stream().collect(Collectors.groupingBy(CycleSegment::accountId));
    SegmentScorer scorer = weights.current();
    return visible.stream()
        .map(a -> AccountView.of(a, scorer.score(a.scores()), cycles.getOrDefault(a.accountId(), List.of())))
        .toList();
  }

  public AccountView accountView(String accountId) {
    Account account = accounts.findById(accountId)
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "error.account.none", accountId));
    boolean allowed = seesWholePortfolio()
        || (currentUser.isIn(Roles.KAM) && currentUser.id().equals(account.kam()))
        || (currentUser.isIn(Roles.EXECUTIVE_SPONSOR) && currentUser.id().equals(account.sponsor()));
    if (!allowed) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "error.account.mayNotRead", currentUser.id(), accountId);
    }
    return AccountView.of(account, weights.current().score(account.scores()), cycleSegments.findByAccount(accountId));
  }

  /**
   * The segmentation matrix of the accounts the caller may see, as SVG: at their current scores, or at a cycle
   * year's stored (and overridden) segments.
   *
   * @throws ApiException 404 when the year has no segmentation
   */
  public String matrix(Integer year) {
    return matrixPicture.render(visibleAccounts(), year);
  }

  /**
   * One account's segmentation as the segmentation export lists it: at a cycle year's stored segments, or at the
   * current scores (no override then).
   *
   * @param segment the segment that counts: the override where there is one
   */
  public record SegmentationRow(String accountId, String name, String region, String kam, String sponsor,
      BigDecimal attractiveness, BigDecimal strength, Segment computedSegment, Segment segment,
      CycleSegment.Override override) {}

  /**
   * The segmentation of the accounts the caller may see, in account id order: with a year, that cycle's stored
   * segments with the programme director's overrides; without, the current scores.
   *
   * @throws ApiException 403 for a role that may not read accounts, 404 when the year has no segmentation
   */
  public List<SegmentationRow> segmentation(Integer year) {
    List<Account> visible = visibleAccounts();
    if (year == null) {
      SegmentScorer scorer = weights.current();
      return visible.stream().map(a -> {
        SegmentScorer.Scoring scoring = scorer.score(a.scores());
        return new SegmentationRow(a.accountId(), a.name(), a.region(), a.kam(), a.sponsor(),
            scoring.attractiveness(), scoring.strength(), scoring.segment(), scoring.segment(), null);
      }).toList();
    }
    if (cycleSegments.countByYear(year) == 0) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.segmentation.noneYet", String.valueOf(year));
    }
    Map<String, Account> byId = visible.stream().collect(Collectors.toMap(Account::accountId, a -> a));
    return cycleSegments.findByYear(year).stream().filter(s -> byId.containsKey(s.accountId())).map(s -> {
      Account a = byId.get(s.accountId());
      return new SegmentationRow(a.accountId(), a.name(), a.region(), a.kam(), a.sponsor(), s.attractiveness(),
          s.strength(), s.computedSegment(), s.segment(), s.override());
    }).toList();
  }

  private boolean seesWholePortfolio() {
    return currentUser.isIn(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
  }
}
