package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.kap.platform.i18n.Bundles;
import com.kap.platform.web.ApiException;
import com.kap.platform.web.RequestText;
import com.kap.portfolio.internal.PortfolioCsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PortfolioCsvParserTest {

  static final String HEADER = String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS);
  static final String SCORES = "5,5,5,5,5,5,5,5,5,5,5,5";

  private final PortfolioCsvParser parser = new PortfolioCsvParser();

  @Test
  void readsAccountsWithAllFields() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + ",revenue,grossMargin\n"
        + "ACC-1,Acme,EMEA,alice,gilles,10,9,8,7,6,5,4,3,2,1,1,2,1200000.50,-300\n");

    assertThat(result.errors()).isEmpty();
    Account account = result.rows().get(0).account();
    assertThat(account.accountId()).isEqualTo("ACC-1");
    assertThat(account.sponsor()).isEqualTo("gilles");
    assertThat(account.scores().get(Criterion.SPEND)).isEqualTo(10);
    assertThat(account.scores().get(Criterion.EASE_OF_BUSINESS)).isEqualTo(2);
    assertThat(account.revenue()).isEqualByComparingTo("1200000.50");
    assertThat(account.grossMargin()).isEqualByComparingTo(new BigDecimal("-300"));
  }

  @Test
  void namesTheKamAndSponsorOfARowWithOtherErrorsToo() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + "\n"
        + "A1,Acme,EMEA,nobody,ghost,11,5,5,5,5,5,5,5,5,5,5,5\n"
        + "A2,,EMEA,alice,," + SCORES + "\n");

    assertThat(result.rows()).isEmpty();
    assertThat(result.errors()).extracting(ImportError::line, ImportError::column)
        .containsExactly(tuple(2L, "spend"), tuple(3L, "name"));
    assertThat(result.named()).containsExactly(new PortfolioCsvParser.Named(2, "nobody", "ghost"),
        new PortfolioCsvParser.Named(3, "alice", null));
  }

  @Test
  void parsesQuotedCommasQuotesAndLineBreaksAndKeepsLineNumbers() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + "\n"
        + "A1,\"Smith, Jones & \"\"Partners\"\"\",EMEA,alice,," + SCORES + "\n"
        + "A2,\"Two\nline name\",AMER,bruno,," + SCORES + "\n"
        + "A3,Third,APAC,chen,," + SCORES.replaceFirst("5", "x") + "\n");

    assertThat(result.rows()).extracting(r -> r.account().name())
        .containsExactly("Smith, Jones & \"Partners\"", "Two\nline name");
    assertThat(result.rows().get(0).account().sponsor()).isNull();
    // A3 starts on physical line 5: the quoted line break of A2 takes a line
    assertThat(result.errors()).extracting(ImportError::line, ImportError::column)
        .containsExactly(tuple(5L, "spend"));
  }

  @Test
  void reportsMissingUnknownAndDuplicateColumnsOnLineOne() {
    String header = HEADER.replace(",growth", "").replace("easeOfBusiness", "easeOfBusiness,colour,spend");

    PortfolioCsvParser.Result result = parser.parse(header + "\n");

    assertThat(result.errors()).extracting(ImportError::line, ImportError::column).containsExactlyInAnyOrder(
        tuple(1L, "colour"), tuple(1L, "spend"), tuple(1L, "growth"));
    assertThat(result.errors()).extracting(ImportError::message).anyMatch(m -> m.contains("unknown column 'colour'"))
        .anyMatch(m -> m.contains("'spend' appears twice")).anyMatch(m -> m.contains("missing column 'growth'"));
  }

  @Test
  void reportsEveryBadCellWithLineAndColumn() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + "\n"
        + "A1,,EMEA,alice,," + "0,5,5,5,5,5,5,5,5,5,5,11" + "\n"
        + "A2,Fine,EMEA,alice,," + "5,5,5.5,5,5,5,5,5,5,5,5,5" + "\n"
        + "A1,Again,EMEA,alice,," + SCORES + "\n"
        + "bad id!,Name,EMEA,alice,," + SCORES + "\n"
        + "A5,Short row,EMEA\n");

    assertThat(result.errors()).extracting(ImportError::line, ImportError::column).containsExactly(
        tuple(2L, "name"), tuple(2L, "spend"), tuple(2L, "easeOfBusiness"),
        tuple(3L, "growth"),
        tuple(4L, "accountId"),
        tuple(5L, "accountId"),
        tuple(6L, null));
    assertThat(result.errors()).extracting(ImportError::message).containsExactly(
        "name is empty",
        "spend must be from 1 to 10, was 0",
        "easeOfBusiness must be from 1 to 10, was 11",
        "growth must be a whole number from 1 to 10, was '5.5'",
        "duplicate accountId 'A1' (first on line 2)",
        "accountId 'bad id!' may hold only letters, digits, '.', '_' and '-'",
        "expected 17 fields as in the header, found 3");
  }

  @Test
  void refusesAnEmptyFileAndAHeaderWithoutAccounts() {
    assertThat(parser.parse("").errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("the file is empty"));
    assertThat(parser.parse(HEADER + "\n").errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("the file holds a header but no accounts"));
  }

  @Test
  void reportsAnUnterminatedQuoteOnTheLineItOpens() {
    List<ImportError> errors = parser.parse(HEADER + "\nA1,\"never closed,EMEA,alice,," + SCORES + "\nA2,x\n").errors();

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.message()).startsWith("malformed CSV");
      assertThat(e.line()).isEqualTo(2);
    });
  }

  @Test
  void countsLinesPastBlankLinesAndForEveryLineEnding() {
    String bad = "A9,Bad,EMEA,alice,," + SCORES.replaceFirst("5", "0");
    String good = "A1,Good,EMEA,alice,," + SCORES;

    assertThat(parser.parse(HEADER + "\n" + good + "\n\n\n" + bad + "\n").errors())
        .extracting(ImportError::line).containsExactly(5L);
    assertThat(parser.parse(HEADER + "\r\n\r\n" + bad + "\r\n").errors())
        .extracting(ImportError::line).containsExactly(3L);
    assertThat(parser.parse(HEADER + "\r" + good + "\r" + bad + "\r").errors())
        .extracting(ImportError::line).containsExactly(3L);
  }

  @Test
  void refusesBadAmounts() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + ",revenue,grossMargin\n"
        + "A1,Name,EMEA,alice,," + SCORES + ",-5,abc\n");

    assertThat(result.errors()).extracting(ImportError::column, ImportError::message).containsExactly(
        tuple("revenue", "revenue must not be negative"), tuple("grossMargin", "grossMargin must be a number, was 'abc'"));
  }

  @Test
  void takesAsManyAccountsAsTheLimitAndRefusesTheFileAtTheFirstOneMore() {
    PortfolioCsvParser limited = new PortfolioCsvParser(3);
    String rows = "A1,One,EMEA,alice,," + SCORES + "\nA2,Two,EMEA,alice,," + SCORES + "\n\nA3,Three,EMEA,alice,,"
        + SCORES + "\n";

    assertThat(limited.parse(HEADER + "\n" + rows).rows()).hasSize(3);
    // bad rows count too, and the refusal comes before their errors pile up
    assertThatThrownBy(() -> limited.parse(HEADER + "\n" + rows + "bad\nworse\n"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
          assertThat(e.getMessage()).isEqualTo("the file holds more than 3 accounts: account 4 starts on line 6;"
              + " one import takes at most 3 (kap.portfolio.max-rows), split the file");
        });
  }

  @Test
  void refusesControlCharactersInTextButKeepsQuotedLineBreaks() {
    PortfolioCsvParser.Result result = parser.parse(HEADER + "\n"
        + "A1,\"Two\r\nlines\tand a tab\",EMEA,alice,," + SCORES + "\n"
        + "A2,Bell\u0007Corp,EMEA,alice,," + SCORES + "\n"
        + "A3,Name,E\u0000U,alice,," + SCORES + "\n"
        + "A4,Not\uFFFFa character,EMEA,alice,," + SCORES + "\n");

    assertThat(result.rows()).extracting(r -> r.account().name()).containsExactly("Two\r\nlines\tand a tab");
    assertThat(result.errors()).extracting(ImportError::line, ImportError::column, ImportError::message)
        .containsExactly(tuple(4L, "name", "name must not contain control characters, found U+0007"),
            tuple(5L, "region", "region must not contain control characters, found U+0000"),
            tuple(6L, "name", "name must not contain control characters, found U+FFFF"));
  }

  @Test
  void readsAFileAsASpreadsheetSavesItWithSemicolonsByteOrderMarkAndCrLf() {
    String file = "\uFEFF" + HEADER.replace(',', ';') + ";revenue;grossMargin\r\n"
        + "A1;\"Müller; Söhne & Co\";EMEA;alice;;" + SCORES.replace(',', ';') + ";1234567,5;-300,25\r\n"
        + ";;;;;;;;;;;;;;;;;;\r\n"
        + "A2;Zweite, GmbH;AMER;bruno;gilles;" + SCORES.replace(',', ';') + ";100.5;\r\n"
        + "A3;Dritte;EMEA;alice;;" + SCORES.replaceFirst("5", "0").replace(',', ';') + ";1.234.567,89;1,234\r\n";

    PortfolioCsvParser.Result result = parser.parse(file);

    assertThat(result.rows()).extracting(r -> r.account().accountId()).containsExactly("A1", "A2");
    Account first = result.rows().get(0).account();
    assertThat(first.name()).isEqualTo("Müller; Söhne & Co");
    assertThat(first.revenue()).isEqualByComparingTo("1234567.50");
    assertThat(first.grossMargin()).isEqualByComparingTo("-300.25");
    assertThat(result.rows().get(1).account().name()).isEqualTo("Zweite, GmbH");
    assertThat(result.rows().get(1).account().revenue()).isEqualByComparingTo("100.5");
    assertThat(result.rows().get(1).account().grossMargin()).isNull();
    // the row of empty cells counts as a line, so A3 is on line 5
    assertThat(result.errors()).extracting(ImportError::line, ImportError::column, ImportError::message)
        .containsExactly(
            tuple(5L, "spend", "spend must be from 1 to 10, was 0"),
            tuple(5L, "revenue", "revenue must be a number, was '1.234.567,89'; write it without thousands "
                + "separators, e.g. 1234567.89 or 1234567,89"),
            tuple(5L, "grossMargin", "grossMargin must be an amount below 10^17 with at most two decimals"));
  }

  @Test
  void takesTheSeparatorFromTheHeaderLineOnly() {
    // commas in the names do not make a semicolon file a comma file, nor the other way round
    assertThat(parser.parse(HEADER.replace(',', ';') + "\nA1;One, Two, Three;EMEA;alice;;" + SCORES.replace(',', ';')
        + "\n").rows()).singleElement().satisfies(row -> assertThat(row.account().name()).isEqualTo("One, Two, Three"));
    assertThat(parser.parse(HEADER + "\nA1;B;C;D,Name;with;semicolons,EMEA,alice,," + SCORES + "\n").errors())
        .extracting(ImportError::column).containsExactly("accountId");
    // a comma file takes no decimal comma
    assertThat(parser.parse(HEADER + ",revenue\nA1,Name,EMEA,alice,," + SCORES + ",\"12,5\"\n").errors())
        .extracting(ImportError::message).containsExactly("revenue must be a number, was '12,5'");
  }

  @Test
  void saysSoWhenTheColumnsAreSeparatedByTabs() {
    assertThat(parser.parse(HEADER.replace(',', '\t') + "\nA1\tName\n").errors()).singleElement()
        .satisfies(e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.message()).isEqualTo("the columns are separated by tabs; save the file as CSV, separated by "
              + "commas or semicolons");
        });
  }

  // ---- a file as Excel saves it in France, and its errors in French

  @Test
  void readsAWindows1252FileWithSemicolonsDecimalCommasAccentsAndEuros() throws IOException {
    String file = HEADER.replace(',', ';') + ";revenue;grossMargin\r\n"
        + "FR-1;Société Générale;EMEA;alice;;" + SCORES.replace(',', ';') + ";1234567,89;-300,5\r\n"
        + "FR-2;\"Crème & Œufs; « Bio » – l’Épicerie €\";EMEA;bruno;gilles;" + SCORES.replace(',', ';') + ";12,5;\r\n";
    byte[] windows = file.getBytes(RequestText.WINDOWS_1252);

    PortfolioCsvParser.Result result = parser.parse(decoded(windows));

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows()).extracting(r -> r.account().name())
        .containsExactly("Société Générale", "Crème & Œufs; « Bio » – l’Épicerie €");
    assertThat(result.rows().get(0).account().revenue()).isEqualByComparingTo("1234567.89");
    assertThat(result.rows().get(0).account().grossMargin()).isEqualByComparingTo("-300.5");
    assertThat(result.rows().get(1).account().revenue()).isEqualByComparingTo("12.5");
  }

  @Test
  void readsUtf8WithAccentsWithOrWithoutByteOrderMarkAlike() throws IOException {
    String file = HEADER.replace(',', ';') + "\r\nFR-3;Société Générale €;EMEA;alice;;" + SCORES.replace(',', ';')
        + "\r\n";

    for (String sent : List.of(file, "\uFEFF" + file)) {
      PortfolioCsvParser.Result result = parser.parse(decoded(sent.getBytes(StandardCharsets.UTF_8)));
      assertThat(result.errors()).isEmpty();
      assertThat(result.rows()).singleElement()
          .satisfies(row -> assertThat(row.account().name()).isEqualTo("Société Générale €"));
    }
  }

  @Test
  void saysTheErrorsInTheLanguageAskedNamingLineAndColumnAsTheFileDoes() {
    String file = HEADER.replace(',', ';') + ";revenue;colour\n"
        + "A1;Nom;EMEA;alice;;" + SCORES.replaceFirst("5", "0").replace(',', ';') + ";1.234,5;bleu\n";

    assertThat(parser.parse(file, Locale.FRENCH).errors())
        .extracting(ImportError::line, ImportError::column, ImportError::message)
        .containsExactly(tuple(1L, "colour", "colonne 'colour' inconnue ; colonnes attendues : "
            + String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS) + ", et facultativement revenue,grossMargin"));
    String rows = HEADER.replace(',', ';') + ";revenue\nA1;Nom;EMEA;alice;;"
        + SCORES.replaceFirst("5", "0").replace(',', ';') + ";1.234,5\nA1;Nom;EMEA;;;" + SCORES.replace(',', ';')
        + ";\n";
    assertThat(parser.parse(rows, Locale.FRENCH).errors())
        .extracting(ImportError::line, ImportError::column, ImportError::message)
        .containsExactly(
            tuple(2L, "spend", "spend doit être compris entre 1 et 10, valeur : 0"),
            tuple(2L, "revenue", "revenue doit être un nombre, valeur : '1.234,5' ; écrivez-le sans séparateur de "
                + "milliers, par exemple 1234567.89 ou 1234567,89"),
            tuple(3L, "kam", "kam est vide"),
            tuple(3L, "accountId", "accountId 'A1' en double (déjà à la ligne 2)"));
    assertThat(parser.parse(rows).errors()).extracting(ImportError::message).first()
        .isEqualTo("spend must be from 1 to 10, was 0");
  }

  @Test
  void refusesAFileOfTooManyAccountsInTheLanguageOfTheCaller() {
    PortfolioCsvParser small = new PortfolioCsvParser(1, Bundles.standalone());
    String file = HEADER + "\nA1,N,EMEA,alice,," + SCORES + "\nA2,N,EMEA,alice,," + SCORES + "\n";

    assertThatThrownBy(() -> small.parse(file, Locale.FRENCH)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.getMessage()).startsWith("the file holds more than 1 accounts: account 2 starts on line 3");
      assertThat(e.updateAndGetBody(Bundles.standalone(), Locale.FRENCH).getDetail())
          .startsWith("le fichier contient plus de 1 comptes : le compte 2 commence à la ligne 3");
    });
  }

  private static String decoded(byte[] bytes) throws IOException {
    return RequestText.readSpreadsheet(new ByteArrayInputStream(bytes), null, Bundles.text("error.what.file"),
        Bundles.text("import.saveAsCsv"));
  }
}
