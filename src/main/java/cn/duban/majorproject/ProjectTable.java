package cn.duban.majorproject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The project library as a table (.xlsx), in and out. In: the first sheet, a header row, then one project per row:
 * 编号, 项目名称, 业主单位, 建设地点, 计划投资（万元）, 开工日期, 完工日期, 关联任务 (codes separated by 、 or ,). Out: the
 * ledger of major projects (重大工程台账).
 */
final class ProjectTable {

    static final List<String> IMPORT_COLUMNS =
            List.of("编号", "项目名称", "业主单位", "建设地点", "计划投资（万元）", "开工日期", "完工日期", "关联任务");
    static final List<String> LEDGER_COLUMNS = List.of(
            "编号",
            "项目名称",
            "业主单位",
            "建设地点",
            "计划投资（万元）",
            "完成投资（万元）",
            "投资完成率",
            "开工日期",
            "完工日期",
            "节点",
            "逾期节点",
            "关联任务",
            "最新进展");

    private ProjectTable() {}

    static List<MajorProjectEntry> read(byte[] file) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<MajorProjectEntry> entries = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null
                        || text(row, 0, formatter).isBlank()
                                && text(row, 1, formatter).isBlank()) {
                    continue;
                }
                String investment = text(row, 4, formatter).replace(",", "");
                BigDecimal planned;
                try {
                    planned = investment.isBlank() ? null : new BigDecimal(investment);
                } catch (NumberFormatException e) {
                    planned = new BigDecimal(-1);
                }
                String tasks = text(row, 7, formatter);
                entries.add(new MajorProjectEntry(
                        text(row, 0, formatter),
                        text(row, 1, formatter),
                        text(row, 2, formatter),
                        text(row, 3, formatter),
                        planned,
                        date(row, 5, formatter),
                        date(row, 6, formatter),
                        List.of(),
                        tasks.isBlank()
                                ? List.of()
                                : Arrays.stream(tasks.split("[、,，;；\\s]+"))
                                        .filter(code -> !code.isBlank())
                                        .toList()));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResponseStatusException refusal) {
                throw refusal;
            }
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "无法读取表格：请上传.xlsx文件，第一行为表头（" + String.join("、", IMPORT_COLUMNS) + "）");
        }
    }

    static byte[] ledger(List<MajorProject> projects) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("重大工程台账");
            Row head = sheet.createRow(0);
            for (int c = 0; c < LEDGER_COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(LEDGER_COLUMNS.get(c));
            }
            int r = 1;
            for (MajorProject project : projects) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(project.code());
                row.createCell(1).setCellValue(project.name());
                row.createCell(2).setCellValue(project.ownerUnitName());
                row.createCell(3).setCellValue(project.location());
                row.createCell(4).setCellValue(project.investmentPlanned().doubleValue());
                row.createCell(5).setCellValue(project.investmentSpent().doubleValue());
                row.createCell(6).setCellValue(project.spentPercent().toPlainString() + "%");
                row.createCell(7).setCellValue(project.startOn().toString());
                row.createCell(8).setCellValue(project.endOn().toString());
                row.createCell(9).setCellValue(project.milestones().size());
                row.createCell(10).setCellValue(project.milestonesOverdue());
                row.createCell(11).setCellValue(String.join("、", project.taskCodes()));
                row.createCell(12).setCellValue(project.latestProgress() == null ? "" : project.latestProgress());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    private static String date(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate day = cell.getLocalDateTimeCellValue().toLocalDate();
            return day.toString();
        }
        return text(row, column, formatter);
    }
}
