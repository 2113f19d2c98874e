package com.kap.portfolio;

import com.kap.platform.identity.KnownUsers;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.portfolio.internal.PortfolioProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a portfolio CSV all-or-nothing: every error is reported and nothing is written unless there are none. The
 * file is checked before the transaction that writes it begins, so a large or bad file holds no database connection.
 */
@Service
public class PortfolioImportService {

  private final PortfolioCsvParser parser;
  private final AccountRepository accounts;
  private final KnownUsers knownUsers;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public PortfolioImportService(PortfolioProperties properties, AccountRepository accounts, KnownUsers knownUsers,
      TransactionTemplate transaction, Clock clock) {
    this.parser = new PortfolioCsvParser(properties.maxRows());
    this.accounts = accounts;
    this.knownUsers = knownUsers;
    this.transaction = transaction;
    this.clock = clock;
  }

  public record ImportResult(int imported, int updated) {}

  public ImportResult importCsv(String csv) {
    PortfolioCsvParser.Result parsed = parser.parse(csv);
    List<ImportError> errors = new ArrayList<>(parsed.errors());
    errors.addAll(unknownUsers(parsed.rows()));
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> Long.compare(a.line(), b.line()));
      throw new PortfolioImportRejected(errors);
    }
    return transaction.execute(status -> write(parsed.rows()));
  }

  private ImportResult write(List<PortfolioCsvParser.Row> rows) {
    Set<String> existingIds = accounts.findAllIds();
    Map<Boolean, List<Account>> byExisting = rows.stream()
        .map(PortfolioCsvParser.Row::account)
        .collect(Collectors.partitioningBy(a -> existingIds.contains(a.accountId())));
    Instant now = clock.instant();
    accounts.insertAll(byExisting.get(false), now);
    accounts.updateAll(byExisting.get(true), now);
    return new ImportResult(byExisting.get(false).size(), byExisting.get(true).size());
  }

  private List<ImportError> unknownUsers(List<PortfolioCsvParser.Row> rows) {
    Set<String> named = rows.stream()
        .flatMap(r -> Stream.of(r.account().kam(), r.account().sponsor()))
        .filter(id -> id != null)
        .collect(Collectors.toSet());
    Set<String> known = knownUsers.existing(named);
    List<ImportError> errors = new ArrayList<>();
    for (PortfolioCsvParser.Row row : rows) {
      if (!known.contains(row.account().kam())) {
        errors.add(new ImportError(row.line(), "kam", "kam '" + row.account().kam() + "' is not a known user"));
      }
      String sponsor = row.account().sponsor();
      if (sponsor != null && !known.contains(sponsor)) {
        errors.add(new ImportError(row.line(), "sponsor", "sponsor '" + sponsor + "' is not a known user"));
      }
    }
    return errors;
  }
}
