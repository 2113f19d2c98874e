package com.kap.portfolio.web;

import com.kap.platform.exports.Column;
import com.kap.platform.exports.Downloads;
import com.kap.platform.exports.Spreadsheet;
import com.kap.platform.exports.Spreadsheets;
import com.kap.portfolio.PortfolioQueries;
import com.kap.portfolio.PortfolioQueries.SegmentationRow;
import com.kap.portfolio.Segment;
import java.util.List;
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
  public ResponseEntity<byte[]> segmentationXlsx(@RequestParam(required = false) Integer year) {
    List<SegmentationRow> rows = queries.segmentation(year);
    byte[] book = spreadsheets.create().sheet(year == null ? "Segmentation" : "Segmentation " + year, rows,
        Column.text("Account ID", SegmentationRow::accountId),
        Column.text("Account", SegmentationRow::name),
        Column.text("Region", SegmentationRow::region),
        Column.text("KAM", SegmentationRow::kam),
        Column.text("Sponsor", SegmentationRow::sponsor),
        Column.decimal("Attractiveness", SegmentationRow::attractiveness),
        Column.decimal("Strength", SegmentationRow::strength),
        Column.text("Computed segment", row -> label(row.computedSegment())),
        Column.text("Segment", row -> label(row.segment())),
        Column.text("Override", row -> row.override() == null ? null : label(row.override().segment())),
        Column.text("Override reason", row -> row.override() == null ? null : row.override().reason()),
        Column.text("Overridden by", row -> row.override() == null ? null : row.override().by()),
        Column.dateTime("Overridden at", row -> row.override() == null ? null : row.override().at()))
        .toBytes();
    return Downloads.attachment(book, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-segmentation", year == null ? "current" : String.valueOf(year)) + ".xlsx");
  }

  private static String label(Segment segment) {
    return segment == null ? null : segment.label();
  }
}
