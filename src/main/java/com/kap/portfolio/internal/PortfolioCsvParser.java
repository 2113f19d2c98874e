package com.kap.portfolio.internal;

import com.kap.platform.i18n.Bundles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.Account;
import com.kap.portfolio.Criterion;
import com.kap.portfolio.ImportError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Reads the portfolio CSV (DESIGN §5, RFC 4180) into accounts, collecting every error with its line and column
 * instead of stopping at the first. Whether the KAM and sponsor are known users is checked by the caller.
 *
 * <p>It takes the file as a spreadsheet saves it: a leading byte order mark is skipped, the separator is a comma or
 * a semicolon (whichever the header line uses; a semicolon file may write amounts with a decimal comma), lines end
 * in LF, CRLF or CR, and a row whose every cell is empty counts as a blank line.
 *
 * <p>The errors are said in the language asked for, from the bundle {@code i18n/portfolio*.properties} (keys
 * {@code import.*}); the columns they name stay the file's column headers.
 */
public class PortfolioCsvParser {

  public static final List<String> REQUIRED_COLUMNS = Stream.concat(
      Stream.of("accountId", "name", "region", "kam", "sponsor"),
      Arrays.stream(Criterion.values()).map(Criterion::key)).toList();
  public static final List<String> OPTIONAL_COLUMNS = List.of("revenue", "grossMargin");

  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final int MAX_ID_LENGTH = Account.MAX_ID_LENGTH;
  public static final int MAX_NAME_LENGTH = 255;
  private static final Pattern CSV_ERROR_LINE = Pattern.compile("(?:startline |at line: ?)(\\d+)");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e17");
  /** An amount with a decimal comma, e.g. 1234,5: what a spreadsheet writes where the comma is the decimal mark. */
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
  /** Digits with thousands separators (dots, commas, spaces, apostrophes), e.g. 1,234,567.89 or 1.234.567,89. */
  private static final Pattern FORMATTED_NUMBER = Pattern.compile("[-+]?\\d{1,3}([.,' \u00A0\u202F]\\d{3})+([.,]\\d+)?");
  /** What XML cannot hold (controls but tab and line breaks, U+FFFE, U+FFFF): in a name it breaks the matrix. */
  private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private final int maxRows;
  private final MessageSource messages;

  public PortfolioCsvParser() {
    this(DEFAULT_MAX_ROWS);
  }

  /** A parser that refuses, with 413, a file of more than {@code maxRows} accounts as soon as it reaches one more. */
  public PortfolioCsvParser(int maxRows) {
    this(maxRows, Bundles.standalone());
  }

  /** A parser whose errors' texts come from {@code messages} (the application's, with the portfolio bundle). */
  public PortfolioCsvParser(int maxRows, MessageSource messages) {
    this.maxRows = maxRows;
    this.messages = messages;
  }

  /** Says an error's text in one language. */
  @FunctionalInterface
  private interface Say {
    String text(String key, Object... args);
  }

  /**
   * What the file holds: its valid rows, its errors, and the KAM and sponsor each record names (those that are valid
   * text), whether or not the record has other errors, so that unknown users are reported with the row's other errors.
   */
  public record Result(List<Row> rows, List<ImportError> errors, List<Named> named) {

    public Result(List<Row> rows, List<ImportError> errors) {
      this(rows, errors, rows.stream().map(r -> new Named(r.line(), r.account().kam(), r.account().sponsor())).toList());
    }
  }

  /** The KAM and sponsor (null where empty or not valid) a record names, and the line it starts on. */
  public record Named(long line, String kam, String sponsor) {}

  /** An account read from the file, and the line it starts on. */
  public record Row(long line, Account account) {}

  /** The file's accounts and errors, the errors in English. */
  public Result parse(String file) {
    return parse(file, Locale.ENGLISH);
  }

  /** The file's accounts and errors, the errors in {@code locale}'s language. */
  public Result parse(String file, Locale locale) {
    Say say = (key, args) -> messages.getMessage(key, args, locale);
    String csv = file.startsWith("\uFEFF") ? file.substring(1) : file;
    char separator = separatorOf(csv);
    LineIndex lines = new LineIndex(csv);
    List<ImportError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    List<Named> named = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(separator)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .setAllowMissingColumnNames(true)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      if (!checkHeader(header, errors, say)) {
        return new Result(List.of(), errors, List.of());
      }
      Map<String, Long> firstLineOfId = new HashMap<>();
      long records = 0;
      for (CSVRecord record : parser) {
        if (record.stream().allMatch(String::isEmpty)) {
          continue; // a spreadsheet's row of empty cells, e.g. ";;;;"
        }
        long line = lines.lineOf(record.getCharacterPosition());
        if (++records > maxRows) {
          throw tooManyRows(line);
        }
        Account account = readRecord(record, header, line, separator == ';', errors, named, say);
        String accountId = record.isConsistent() ? record.get("accountId") : "";
        Long firstLine = accountId.isEmpty() ? null : firstLineOfId.putIfAbsent(accountId, line);
        if (firstLine != null) {
          errors.add(new ImportError(line, "accountId",
              say.text("import.duplicateId", accountId, String.valueOf(firstLine))));
        } else if (account != null) {
          rows.add(new Row(line, account));
        }
      }
    } catch (CSVException | UncheckedIOException e) {
      // malformed quoting, e.g. the file ends inside a quoted field; commons-csv names the line in its message
      String message = rootMessage(e);
      Matcher line = CSV_ERROR_LINE.matcher(message);
      errors.add(new ImportError(line.find() ? Long.parseLong(line.group(1)) : lines.lineCount(), null,
          say.text("import.malformed", message)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new ImportError(1, null, say.text("import.noAccounts")));
    }
    return new Result(rows, errors, named);
  }

  private ApiException tooManyRows(long line) {
    return ApiException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.tooManyRows", String.valueOf(maxRows),
        String.valueOf(maxRows + 1L), String.valueOf(line));
  }

  private static boolean checkHeader(List<String> header, List<ImportError> errors, Say say) {
    if (header.isEmpty()) {
      errors.add(new ImportError(1, null, say.text("import.empty", String.join(",", REQUIRED_COLUMNS))));
      return false;
    }
    if (header.size() == 1 && header.get(0).indexOf('\t') >= 0) {
      errors.add(new ImportError(1, null, say.text("import.tabs")));
      return false;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String name : header) {
      if (!REQUIRED_COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
        errors.add(new ImportError(1, name, say.text("import.unknownColumn", name,
            String.join(",", REQUIRED_COLUMNS), String.join(",", OPTIONAL_COLUMNS))));
      } else if (!seen.add(name)) {
        errors.add(new ImportError(1, name, say.text("import.columnTwice", name)));
      }
    }
    for (String required : REQUIRED_COLUMNS) {
      if (!seen.contains(required)) {
        errors.add(new ImportError(1, required, say.text("import.missingColumn", required)));
      }
    }
    return errors.isEmpty();
  }

  /**
   * The separator the header line uses: a semicolon when it holds more semicolons than commas outside quotes (as a
   * spreadsheet saves CSV where the comma is the decimal separator), a comma otherwise.
   */
  static char separatorOf(String csv) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private Account readRecord(CSVRecord record, List<String> header, long line, boolean decimalComma,
      List<ImportError> errors, List<Named> named, Say say) {
    if (record.size() != header.size()) {
      errors.add(new ImportError(line, null,
          say.text("import.fieldCount", String.valueOf(header.size()), String.valueOf(record.size()))));
      return null;
    }
    int errorsBefore = errors.size();
    Fields fields = new Fields(record, line, decimalComma, errors, say);
    String accountId = fields.text("accountId", MAX_ID_LENGTH, true);
    if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
      errors.add(new ImportError(line, "accountId", say.text("import.accountIdCharacters", accountId)));
    }
    String name = fields.text("name", MAX_NAME_LENGTH, true);
    String region = fields.text("region", MAX_ID_LENGTH, true);
    String kam = fields.text("kam", MAX_ID_LENGTH, true);
    String sponsor = fields.text("sponsor", MAX_ID_LENGTH, false);
    if (kam != null || sponsor != null) {
      named.add(new Named(line, kam, sponsor));
    }
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    for (Criterion criterion : Criterion.values()) {
      scores.put(criterion, fields.score(criterion.key()));
    }
    BigDecimal revenue = fields.amount("revenue", false);
    BigDecimal grossMargin = fields.amount("grossMargin", true);
    if (errors.size() > errorsBefore) {
      return null;
    }
    return new Account(accountId, name, region, kam, sponsor, scores, revenue, grossMargin);
  }

  /** Reads and checks the cells of one record, adding an error per bad cell. */
  private record Fields(CSVRecord record, long line, boolean decimalComma, List<ImportError> errors, Say say) {

    public String text(String column, int maxLength, boolean required) {
      String value = record.get(column);
      if (value.isEmpty()) {
        if (required) {
          errors.add(new ImportError(line, column, say.text("import.emptyCell", column)));
        }
        return null;
      }
      if (value.length() > maxLength) {
        errors.add(new ImportError(line, column, say.text("import.tooLong", column, String.valueOf(maxLength))));
        return null;
      }
      Matcher control = CONTROL_CHARACTER.matcher(value);
      if (control.find()) {
        errors.add(new ImportError(line, column, say.text("import.controlCharacter", column,
            String.format("%04X", (int) control.group().charAt(0)))));
        return null;
      }
      return value;
    }

    public Integer score(String column) {
      String value = record.get(column);
      try {
        int score = Integer.parseInt(value);
        if (score >= Criterion.MIN_SCORE && score <= Criterion.MAX_SCORE) {
          return score;
        }
        errors.add(new ImportError(line, column, say.text("import.scoreRange", column, String.valueOf(score))));
      } catch (NumberFormatException e) {
        errors.add(new ImportError(line, column, value.isEmpty()
            ? say.text("import.scoreEmpty", column)
            : say.text("import.scoreNotANumber", column, abbreviate(value))));
      }
      return null;
    }

    public BigDecimal amount(String column, boolean mayBeNegative) {
      if (!record.isMapped(column) || record.get(column).isEmpty()) {
        return null;
      }
      String value = record.get(column);
      try {
        BigDecimal amount = new BigDecimal(decimalComma && DECIMAL_COMMA.matcher(value).matches()
            ? value.replace(',', '.') : value);
        if (amount.abs().compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 2) {
          errors.add(new ImportError(line, column, say.text("import.amountRange", column)));
        } else if (!mayBeNegative && amount.signum() < 0) {
          errors.add(new ImportError(line, column, say.text("import.amountNegative", column)));
        } else {
          return amount;
        }
      } catch (NumberFormatException e) {
        errors.add(new ImportError(line, column, !FORMATTED_NUMBER.matcher(value).matches()
            ? say.text("import.amountNotANumber", column, abbreviate(value))
            : say.text(decimalComma ? "import.amountWithSeparatorsOrComma" : "import.amountWithSeparators", column,
                abbreviate(value))));
      }
      return null;
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  /**
   * Maps a character position to its 1-based line (LF, CRLF or CR line ends), so that quoted line breaks and
   * skipped blank lines do not shift the numbering.
   */
  private static final class LineIndex {
    private final String text;
    private final int[] lineStarts;

    public LineIndex(String text) {
      this.text = text;
      int[] starts = new int[16];
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
        if (lineEnd) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The line of the first character of a record that starts at {@code position}, past blank lines before it. */
    public long lineOf(long position) {
      int at = (int) position;
      while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
        at++;
      }
      int index = Arrays.binarySearch(lineStarts, at);
      return (index >= 0 ? index : -index - 2) + 1L;
    }

    public long lineCount() {
      return lineStarts.length;
    }
  }
}
