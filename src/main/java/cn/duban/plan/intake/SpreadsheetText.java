package cn.duban.plan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The text of a task breakdown (任务分解表, .xlsx): one line per row, cells separated by tabs, so the parser reads it
 * like a table in a plan's text. A cell merged down several rows (the same lead unit or deadline for a group of
 * tasks) is repeated on each of them; a cell merged across columns (a title row) is written once.
 */
final class SpreadsheetText {

    private SpreadsheetText() {}

    static String of(byte[] content) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
            StringBuilder text = new StringBuilder();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int column = 0; column < row.getLastCellNum(); column++) {
                        cells.add(value(sheet, row.getRowNum(), column, formatter));
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    if (!cells.isEmpty()) {
                        text.append(String.join("\t", cells).replaceAll("^\t+", ""))
                                .append('\n');
                    }
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    private static String value(Sheet sheet, int rowIndex, int column, DataFormatter formatter) {
        int sourceRow = rowIndex;
        int sourceColumn = column;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(rowIndex, column)) {
                if (column != region.getFirstColumn()) {
                    return "";
                }
                sourceRow = region.getFirstRow();
                sourceColumn = region.getFirstColumn();
            }
        }
        Row row = sheet.getRow(sourceRow);
        Cell cell = row == null ? null : row.getCell(sourceColumn);
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            java.time.LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return formatter.formatCellValue(cell).replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
