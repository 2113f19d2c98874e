package com.kap.portfolio;

import java.util.List;

/**
 * What importing a portfolio file would do, computed without writing anything
 * ({@link PortfolioImportService#preview(String)}).
 *
 * @param errors every error of the file, by line; with any, nothing can be imported and the lists are empty
 * @param newAccounts the accounts the file adds, with the segment their scores give
 * @param changedAccounts the accounts the file changes, each with the fields that change
 * @param unchangedAccounts how many accounts of the file are in KAP already as they are in the file
 * @param segmentationYear the cycle year whose segmentation the file's scores feed: the current year, or the first
 *     one after it, that has not been segmented yet (a segmented year keeps its validated segments)
 * @param segmentMoves the accounts already in KAP whose segment by their scores the file changes
 * @param fingerprint the state of the file's accounts in KAP that this preview was computed from (those present and
 *     their values); {@link PortfolioImportService#importPreviewed} imports only while it is still the same
 */
public record PortfolioImportPreview(
    List<ImportError> errors,
    List<NewAccount> newAccounts,
    List<ChangedAccount> changedAccounts,
    int unchangedAccounts,
    int segmentationYear,
    List<SegmentMove> segmentMoves,
    String fingerprint) {

  public PortfolioImportPreview {
    errors = List.copyOf(errors);
    newAccounts = List.copyOf(newAccounts);
    changedAccounts = List.copyOf(changedAccounts);
    segmentMoves = List.copyOf(segmentMoves);
  }

  /** True when the file has no error and may be imported. */
  public boolean importable() {
    return errors.isEmpty();
  }

  /** The accounts in the file. */
  public int accounts() {
    return newAccounts.size() + changedAccounts.size() + unchangedAccounts;
  }

  /** An account the file adds, and the segment its scores give. */
  public record NewAccount(Account account, Segment segment) {}

  /** An account the file changes: as it is in KAP, as the file has it, and each field that changes. */
  public record ChangedAccount(Account before, Account after, List<FieldChange> changes) {

    public ChangedAccount {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One field that changes.
   *
   * @param column the field by its column in the file's header, e.g. {@code kam} or {@code spend}
   * @param before the value in KAP, null when empty
   * @param after the value in the file, null when empty
   */
  public record FieldChange(String column, String before, String after) {}

  /** An account whose segment by its scores changes with the file. */
  public record SegmentMove(String accountId, String name, Segment from, Segment to) {}
}
