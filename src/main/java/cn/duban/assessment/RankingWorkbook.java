package cn.duban.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The ranking of an assessment year as .xlsx: a sheet per group (州直部门及单位, 县市园区), one row per unit. */
final class RankingWorkbook {

    static final List<String> COLUMNS =
            List.of("排名", "单位", "得分", "到期任务", "按时完成", "逾期工作日", "被催办", "限期整改", "问责案件", "逾期未报进展", "指标正常", "指标偏离", "得分说明");

    private RankingWorkbook() {}

    static byte[] of(AssessmentYear year, List<UnitAssessment> ranking) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (String group : List.of("DEPARTMENT", "LOCAL")) {
                Sheet sheet = workbook.createSheet(Assessments.groupName(group));
                sheet.createRow(0).createCell(0).setCellValue(year.year() + "年度考核排名（" + year.stateText() + "）");
                Row head = sheet.createRow(1);
                for (int column = 0; column < COLUMNS.size(); column++) {
                    head.createCell(column).setCellValue(COLUMNS.get(column));
                    head.getCell(column).setCellStyle(header);
                }
                int rowIndex = 2;
                for (UnitAssessment unit : ranking) {
                    if (!unit.group().equals(group)) {
                        continue;
                    }
                    Row row = sheet.createRow(rowIndex++);
                    AssessmentFacts facts = unit.facts();
                    row.createCell(0).setCellValue(unit.rank());
                    row.createCell(1).setCellValue(unit.unitName());
                    row.createCell(2).setCellValue(unit.score().doubleValue());
                    int[] counts = {
                        facts.tasksDue(),
                        facts.closedOnTime(),
                        facts.overdueWorkingDays(),
                        facts.urges(),
                        facts.rectifications(),
                        facts.accountabilityCases(),
                        facts.missedProgressReports(),
                        facts.indicatorsOnTrack(),
                        facts.indicatorsOffTrack()
                    };
                    for (int i = 0; i < counts.length; i++) {
                        row.createCell(3 + i).setCellValue(counts[i]);
                    }
                    row.createCell(12).setCellValue(String.join("；", unit.reasons()));
                }
                sheet.setColumnWidth(1, 36 * 256);
                sheet.setColumnWidth(12, 90 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
