package com.kap.portfolio;

import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The portfolio as the other modules see it: its accounts and each cycle year's segments. Planning, rituals and
 * budget read accounts and segments here, never through the portfolio's repositories.
 */
@Service
public class Portfolio {

  private final AccountRepository accounts;
  private final CycleSegmentRepository cycleSegments;
  private final SegmentationWeights weights;

  public Portfolio(AccountRepository accounts, CycleSegmentRepository cycleSegments, SegmentationWeights weights) {
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.weights = weights;
  }

  public Optional<Account> account(String accountId) {
    return accounts.findById(accountId);
  }

  /** Every account, in id order. */
  public List<Account> accounts() {
    return accounts.findAll();
  }

  /** The accounts whose KAM is {@code kam}. */
  public List<Account> accountsOf(String kam) {
    return accounts.findByKam(kam);
  }

  /** The regions of the accounts, each once. */
  public List<String> regions() {
    return accounts.regions();
  }

  /** The account's segment in the cycle year, if the year was segmented. */
  public Optional<CycleSegment> segment(int year, String accountId) {
    return cycleSegments.find(year, accountId);
  }

  /** The year's segments, in account id order. */
  public List<CycleSegment> segments(int year) {
    return cycleSegments.findByYear(year);
  }

  /** How many accounts the year segmented. */
  public int segmentCount(int year) {
    return cycleSegments.countByYear(year);
  }

  /** A page of the ids of the accounts the year segmented, in id order. */
  public List<String> segmentedAccountIds(int year, int offset, int limit) {
    return cycleSegments.accountIds(year, offset, limit);
  }

  /**
   * Records the latest segmentation weights (DMN segmentationWeights) as the cycle year's: its segmentation uses
   * them all its life, and a table deployed later applies from the next cycle.
   *
   * @throws com.kap.platform.rules.WeightsRefused for a table a cycle cannot start with, saying why
   */
  public void recordWeights(int year) {
    weights.recordForCycle(year);
  }

  /** Forgets the year's segmentation, overrides and weights included: the year's cycle was cancelled. */
  public void forgetYear(int year) {
    cycleSegments.deleteYear(year);
    weights.forgetCycle(year);
  }
}
