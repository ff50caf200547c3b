package cn.duban.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A period's statistics as .xlsx: 汇总, 按计划, 按单位 (with its light), 趋势 (12 periods), 任务红黄绿灯. */
final class StatisticsWorkbook {

    static final List<String> COUNT_COLUMNS = List.of("下达任务", "销号", "按期销号", "期末逾期未办结", "催办次数", "整改次数", "问责案件");

    private StatisticsWorkbook() {}

    static void write(Statistics.Report report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Sheet summary = workbook.createSheet("汇总");
            row(summary, 0, header, "统计期间", report.period().label());
            row(
                    summary,
                    1,
                    null,
                    "起止日期",
                    report.period().firstDay() + " 至 " + report.period().lastDay());
            row(summary, 2, null, "计划", report.plan() == null ? "全部计划" : report.plan());
            int r = 3;
            List<Integer> values = values(report.totals());
            for (int i = 0; i < COUNT_COLUMNS.size(); i++) {
                Row row = summary.createRow(r++);
                row.createCell(0).setCellValue(COUNT_COLUMNS.get(i));
                row.createCell(1).setCellValue(values.get(i));
            }
            summary.setColumnWidth(0, 20 * 256);
            summary.setColumnWidth(1, 30 * 256);

            lines(workbook.createSheet("按计划"), header, "计划", report.byPlan(), false);
            lines(workbook.createSheet("按单位"), header, "牵头单位", report.byUnit(), true);

            Sheet trend = workbook.createSheet("趋势");
            headerRow(trend, header, "期间", COUNT_COLUMNS, List.of());
            r = 1;
            for (Statistics.TrendPoint point : report.trend()) {
                Row row = trend.createRow(r++);
                row.createCell(0).setCellValue(point.label());
                fill(row, 1, point.counts());
            }

            Sheet tasks = workbook.createSheet("任务红黄绿灯");
            Row head = tasks.createRow(0);
            List<String> columns = List.of("任务编号", "任务名称", "计划", "牵头单位", "状态", "完成时限", "催办次数", "灯", "依据");
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(columns.get(i));
                head.getCell(i).setCellStyle(header);
            }
            r = 1;
            for (Statistics.TaskLight task : report.tasks()) {
                Row row = tasks.createRow(r++);
                row.createCell(0).setCellValue(task.taskCode());
                row.createCell(1).setCellValue(task.title());
                row.createCell(2).setCellValue(task.planTitle());
                row.createCell(3).setCellValue(task.leadUnits());
                row.createCell(4).setCellValue(task.state());
                row.createCell(5).setCellValue(task.deadline().toString());
                row.createCell(6).setCellValue(task.timesUrged());
                row.createCell(7).setCellValue(task.lightName());
                row.createCell(8).setCellValue(task.reason());
            }
            tasks.setColumnWidth(1, 40 * 256);
            workbook.write(out);
        }
    }

    private static void lines(
            Sheet sheet, CellStyle header, String first, List<Statistics.Line> lines, boolean withLight) {
        headerRow(sheet, header, first, COUNT_COLUMNS, withLight ? List.of("灯", "依据") : List.of());
        int r = 1;
        for (Statistics.Line line : lines) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(line.name());
            fill(row, 1, line.counts());
            if (withLight) {
                row.createCell(1 + COUNT_COLUMNS.size()).setCellValue(line.lightName());
                row.createCell(2 + COUNT_COLUMNS.size()).setCellValue(line.lightReason());
            }
        }
        sheet.setColumnWidth(0, 36 * 256);
    }

    private static void headerRow(Sheet sheet, CellStyle header, String first, List<String> counts, List<String> more) {
        Row row = sheet.createRow(0);
        int c = 0;
        row.createCell(c++).setCellValue(first);
        for (String column : counts) {
            row.createCell(c++).setCellValue(column);
        }
        for (String column : more) {
            row.createCell(c++).setCellValue(column);
        }
        row.forEach(cell -> cell.setCellStyle(header));
    }

    private static void fill(Row row, int from, Counts counts) {
        List<Integer> values = values(counts);
        for (int i = 0; i < values.size(); i++) {
            row.createCell(from + i).setCellValue(values.get(i));
        }
    }

    private static List<Integer> values(Counts c) {
        return List.of(
                c.dispatched(),
                c.closed(),
                c.closedOnTime(),
                c.overdueAtEnd(),
                c.urges(),
                c.rectifications(),
                c.accountabilityCases());
    }

    private static void row(Sheet sheet, int r, CellStyle style, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
    }
}
