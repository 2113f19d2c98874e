package com.kap.portfolio;

import com.kap.platform.identity.KnownUsers;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.portfolio.internal.PortfolioProperties;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a portfolio CSV all-or-nothing: every error is reported and nothing is written unless there are none. The
 * file is checked before the transaction that writes it begins, so a large or bad file holds no database connection.
 *
 * <p>A file can be previewed first ({@link #preview(String)}: new accounts, changed fields, segment moves, without
 * writing), and then imported only as previewed ({@link #importPreviewed(String, String)}).
 *
 * <p>The file's errors are said in the language asked for (the page's user's, the API's Accept-Language), English
 * where none is given; the bundle is {@code i18n/portfolio*.properties}.
 */
@Service
public class PortfolioImportService {

  private final PortfolioCsvParser parser;
  private final AccountRepository accounts;
  private final CycleSegmentRepository cycleSegments;
  private final SegmentationWeights weights;
  private final KnownUsers knownUsers;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ZoneId zone;
  private final MessageSource messages;

  public PortfolioImportService(PortfolioProperties properties, AccountRepository accounts,
      CycleSegmentRepository cycleSegments, SegmentationWeights weights, KnownUsers knownUsers,
      TransactionTemplate transaction, Clock clock, @Value("${kap.cycle.time-zone:UTC}") ZoneId zone,
      MessageSource messages) {
    this.parser = new PortfolioCsvParser(properties.maxRows(), messages);
    this.messages = messages;
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.weights = weights;
    this.knownUsers = knownUsers;
    this.transaction = transaction;
    this.clock = clock;
    this.zone = zone;
  }

  public record ImportResult(int imported, int updated) {}

  /** An import made as previewed: what was written, and the preview it matched. */
  public record PreviewedImport(ImportResult result, PortfolioImportPreview preview) {}

  public ImportResult importCsv(String csv) {
    return importCsv(csv, Locale.ENGLISH);
  }

  /** Imports the file; its errors, if any, in {@code locale}'s language. */
  public ImportResult importCsv(String csv, Locale locale) {
    List<PortfolioCsvParser.Row> rows = checked(csv, locale);
    return transaction.execute(status -> write(rows, accounts.findAllIds()));
  }

  /**
   * What importing the file would do: its errors, or the accounts it adds, the fields it changes and the segment
   * moves for the next segmentation. Writes nothing.
   *
   * @throws com.kap.platform.web.ApiException 413 for a file of more accounts than one import takes
   */
  public PortfolioImportPreview preview(String csv) {
    return preview(csv, Locale.ENGLISH);
  }

  /** As {@link #preview(String)}, the errors in {@code locale}'s language. */
  public PortfolioImportPreview preview(String csv, Locale locale) {
    Checked checked = check(csv, locale);
    int year = segmentationYear();
    if (!checked.errors().isEmpty()) {
      return new PortfolioImportPreview(checked.errors(), List.of(), List.of(), 0, year, List.of(), null);
    }
    return compare(checked.rows(), accounts.findByIds(ids(checked.rows()), false), year);
  }

  /**
   * Imports the file as {@link #preview(String)} showed it, all-or-nothing: the file's accounts are locked and
   * compared with the preview's {@code fingerprint} first.
   *
   * @throws PortfolioChangedSincePreview when accounts of the file were added or changed since the preview
   * @throws PortfolioImportRejected when the file has errors now (e.g. a KAM's login was deleted meanwhile)
   */
  public PreviewedImport importPreviewed(String csv, String fingerprint) {
    return importPreviewed(csv, fingerprint, Locale.ENGLISH);
  }

  /** As {@link #importPreviewed(String, String)}, the errors in {@code locale}'s language. */
  public PreviewedImport importPreviewed(String csv, String fingerprint, Locale locale) {
    List<PortfolioCsvParser.Row> rows = checked(csv, locale);
    try {
      return transaction.execute(status -> {
        Map<String, Account> current = accounts.findByIds(ids(rows), true);
        PortfolioImportPreview now = compare(rows, current, segmentationYear());
        if (!now.fingerprint().equals(fingerprint)) {
          throw new PortfolioChangedSincePreview();
        }
        return new PreviewedImport(write(rows, current.keySet()), now);
      });
    } catch (DuplicateKeyException addedMeanwhile) {
      throw new PortfolioChangedSincePreview();
    }
  }

  /**
   * The cycle year whose segmentation an import's scores feed: the current year, or the first one after it, that has
   * not been segmented yet. A segmented year keeps its segments as the programme director validated them.
   */
  public int segmentationYear() {
    int year = clock.instant().atZone(zone).getYear();
    while (cycleSegments.countByYear(year) > 0) {
      year++;
    }
    return year;
  }

  private record Checked(List<PortfolioCsvParser.Row> rows, List<ImportError> errors) {}

  private Checked check(String csv, Locale locale) {
    PortfolioCsvParser.Result parsed = parser.parse(csv, locale);
    List<ImportError> errors = new ArrayList<>(parsed.errors());
    errors.addAll(unknownUsers(parsed.named(), locale));
    errors.sort(Comparator.comparingLong(ImportError::line));
    return new Checked(parsed.rows(), errors);
  }

  private List<PortfolioCsvParser.Row> checked(String csv, Locale locale) {
    Checked checked = check(csv, locale);
    if (!checked.errors().isEmpty()) {
      throw new PortfolioImportRejected(checked.errors());
    }
    return checked.rows();
  }

  private static List<String> ids(List<PortfolioCsvParser.Row> rows) {
    return rows.stream().map(row -> row.account().accountId()).toList();
  }

  private ImportResult write(List<PortfolioCsvParser.Row> rows, Set<String> existingIds) {
    Map<Boolean, List<Account>> byExisting = rows.stream()
        .map(PortfolioCsvParser.Row::account)
        .collect(Collectors.partitioningBy(a -> existingIds.contains(a.accountId())));
    Instant now = clock.instant();
    accounts.insertAll(byExisting.get(false), now);
    accounts.updateAll(byExisting.get(true), now);
    return new ImportResult(byExisting.get(false).size(), byExisting.get(true).size());
  }

  /** The file's accounts against those in KAP ({@code current}, by id). */
  private PortfolioImportPreview compare(List<PortfolioCsvParser.Row> rows, Map<String, Account> current, int year) {
    List<PortfolioImportPreview.NewAccount> added = new ArrayList<>();
    List<PortfolioImportPreview.ChangedAccount> changed = new ArrayList<>();
    List<PortfolioImportPreview.SegmentMove> moves = new ArrayList<>();
    int unchanged = 0;
    SegmentScorer scorer = weights.current();
    for (PortfolioCsvParser.Row row : rows) {
      Account after = row.account();
      Account before = current.get(after.accountId());
      if (before == null) {
        added.add(new PortfolioImportPreview.NewAccount(after, scorer.score(after.scores()).segment()));
        continue;
      }
      List<PortfolioImportPreview.FieldChange> changes = changes(before, after);
      if (changes.isEmpty()) {
        unchanged++;
        continue;
      }
      changed.add(new PortfolioImportPreview.ChangedAccount(before, after, changes));
      Segment from = scorer.score(before.scores()).segment();
      Segment to = scorer.score(after.scores()).segment();
      if (from != to) {
        moves.add(new PortfolioImportPreview.SegmentMove(after.accountId(), after.name(), from, to));
      }
    }
    return new PortfolioImportPreview(List.of(), added, changed, unchanged, year, moves,
        fingerprint(ids(rows), current));
  }

  /** The fields of an account a file may hold, by their column in the header, as text. */
  private static final Map<String, Function<Account, String>> FIELDS = fields();

  private static Map<String, Function<Account, String>> fields() {
    Map<String, Function<Account, String>> fields = new LinkedHashMap<>();
    fields.put("name", Account::name);
    fields.put("region", Account::region);
    fields.put("kam", Account::kam);
    fields.put("sponsor", Account::sponsor);
    for (Criterion criterion : Criterion.values()) {
      fields.put(criterion.key(), account -> String.valueOf(account.scores().get(criterion)));
    }
    fields.put("revenue", account -> amount(account.revenue()));
    fields.put("grossMargin", account -> amount(account.grossMargin()));
    return fields;
  }

  private static String amount(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    return amount.stripTrailingZeros().toPlainString();
  }

  private static List<PortfolioImportPreview.FieldChange> changes(Account before, Account after) {
    List<PortfolioImportPreview.FieldChange> changes = new ArrayList<>();
    FIELDS.forEach((column, field) -> {
      String was = field.apply(before);
      String becomes = field.apply(after);
      if (!Objects.equals(was, becomes)) {
        changes.add(new PortfolioImportPreview.FieldChange(column, was, becomes));
      }
    });
    return changes;
  }

  /** A hash of which of the ids exist in KAP and with what values: any change to them changes it. */
  private static String fingerprint(List<String> ids, Map<String, Account> current) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String id : ids.stream().sorted().toList()) {
      Account account = current.get(id);
      StringBuilder entry = new StringBuilder(id).append('\u0000');
      if (account == null) {
        entry.append("absent");
      } else {
        FIELDS.values().forEach(field -> entry.append(field.apply(account)).append('\u0000'));
      }
      digest.update(entry.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The unknown KAMs and sponsors of every record, the records with other errors too: the director corrects the file
   * in one go. The errors sort by line after it, so each comes after its row's other errors.
   */
  private List<ImportError> unknownUsers(List<PortfolioCsvParser.Named> rows, Locale locale) {
    Set<String> named = rows.stream()
        .flatMap(r -> Stream.of(r.kam(), r.sponsor()))
        .filter(id -> id != null)
        .collect(Collectors.toSet());
    Set<String> known = knownUsers.existing(named);
    List<ImportError> errors = new ArrayList<>();
    for (PortfolioCsvParser.Named row : rows) {
      if (row.kam() != null && !known.contains(row.kam())) {
        errors.add(new ImportError(row.line(), "kam",
            messages.getMessage("import.unknownKam", new Object[] {row.kam()}, locale)));
      }
      String sponsor = row.sponsor();
      if (sponsor != null && !known.contains(sponsor)) {
        errors.add(new ImportError(row.line(), "sponsor",
            messages.getMessage("import.unknownSponsor", new Object[] {sponsor}, locale)));
      }
    }
    return errors;
  }
}
