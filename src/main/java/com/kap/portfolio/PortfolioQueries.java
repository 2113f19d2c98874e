package com.kap.portfolio;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.portfolio.internal.MatrixPicture;
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
  private final SegmentScorer scorer;
  private final MatrixPicture matrixPicture;
  private final CurrentUser currentUser;

  public PortfolioQueries(AccountRepository accounts, CycleSegmentRepository cycleSegments, SegmentScorer scorer,
      MatrixPicture matrixPicture, CurrentUser currentUser) {
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.scorer = scorer;
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
    throw new ApiException(HttpStatus.FORBIDDEN, "user '" + currentUser.id() + "' may not read accounts");
  }

  public List<AccountView> visibleAccountViews() {
    List<Account> visible = visibleAccounts();
    Map<String, List<CycleSegment>> cycles = (seesWholePortfolio() ? cycleSegments.findAll() : visible.stream()
        .flatMap(a -> cycleSegments.findByAccount(a.accountId()).stream()).toList())
        .stream().collect(Collectors.groupingBy(CycleSegment::accountId));
    return visible.stream()
        .map(a -> AccountView.of(a, scorer.score(a.scores()), cycles.getOrDefault(a.accountId(), List.of())))
        .toList();
  }

  public AccountView accountView(String accountId) {
    Account account = accounts.findById(accountId)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no account '" + accountId + "'"));
    boolean allowed = seesWholePortfolio()
        || (currentUser.isIn(Roles.KAM) && currentUser.id().equals(account.kam()))
        || (currentUser.isIn(Roles.EXECUTIVE_SPONSOR) && currentUser.id().equals(account.sponsor()));
    if (!allowed) {
      throw new ApiException(HttpStatus.FORBIDDEN,
          "user '" + currentUser.id() + "' may not read account '" + accountId + "'");
    }
    return AccountView.of(account, scorer.score(account.scores()), cycleSegments.findByAccount(accountId));
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

  private boolean seesWholePortfolio() {
    return currentUser.isIn(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
  }
}
