package com.kap.portfolio.web;

import com.kap.platform.exports.Column;
import com.kap.platform.exports.Downloads;
import com.kap.platform.exports.Spreadsheet;
import com.kap.platform.exports.Spreadsheets;
import com.kap.portfolio.PortfolioQueries;
import com.kap.portfolio.PortfolioQueries.SegmentationRow;
import com.kap.portfolio.Segment;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The segmentation as a spreadsheet (docs/exports.md), of the accounts the caller may see, as {@code GET
 * /api/accounts} and the matrix: a KAM their own, a sponsor the sponsored ones, the programme director, directors
 * and the admin all.
 *
 * <p>The same files under {@code /kap/exports/...} take the webapps' login, so that KAP's pages link to them.
 * The sheet's name and headers are in the requester's language (docs/i18n.md, "Exports"); segments keep their names.
 */
@RestController
@RequestMapping({"/api/portfolio", "/kap/exports/portfolio"})
public class SegmentationExportController {

  private final PortfolioQueries queries;
  private final Spreadsheets spreadsheets;

  public SegmentationExportController(PortfolioQueries queries, Spreadsheets spreadsheets) {
    this.queries = queries;
    this.spreadsheets = spreadsheets;
  }

  /** With {@code year}, that cycle's stored segments and overrides; without, the current scores. */
  @GetMapping("/segmentation.xlsx")
  public ResponseEntity<byte[]> segmentationXlsx(@RequestParam(required = false) Integer year, Locale locale) {
    List<SegmentationRow> rows = queries.segmentation(year);
    Spreadsheet sheets = spreadsheets.create(locale);
    byte[] book = sheets.sheet(year == null ? sheets.text("export.segmentation.sheet")
            : sheets.text("export.segmentation.sheetOf", year), rows,
        Column.text(header(sheets, "accountId"), SegmentationRow::accountId),
        Column.text(header(sheets, "account"), SegmentationRow::name),
        Column.text(header(sheets, "region"), SegmentationRow::region),
        Column.text(header(sheets, "kam"), SegmentationRow::kam),
        Column.text(header(sheets, "sponsor"), SegmentationRow::sponsor),
        Column.decimal(header(sheets, "attractiveness"), SegmentationRow::attractiveness),
        Column.decimal(header(sheets, "strength"), SegmentationRow::strength),
        Column.text(header(sheets, "computedSegment"), row -> label(row.computedSegment())),
        Column.text(header(sheets, "segment"), row -> label(row.segment())),
        Column.text(header(sheets, "override"), row -> row.override() == null ? null : label(row.override().segment())),
        Column.text(header(sheets, "overrideReason"), row -> row.override() == null ? null : row.override().reason()),
        Column.text(header(sheets, "overriddenBy"), row -> row.override() == null ? null : row.override().by()),
        Column.dateTime(header(sheets, "overriddenAt"), row -> row.override() == null ? null : row.override().at()))
        .toBytes();
    return Downloads.attachment(book, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-segmentation", year == null ? "current" : String.valueOf(year)) + ".xlsx");
  }

  private static String label(Segment segment) {
    return segment == null ? null : segment.label();
  }

  /** A column's header in the workbook's language ({@code export.segmentation.col.*}). */
  private static String header(Spreadsheet book, String column) {
    return book.text("export.segmentation.col." + column);
  }
}
