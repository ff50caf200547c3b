package cn.duban.dashboard;

import cn.duban.majorproject.MajorProject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The ledger (督办台账) as an .xlsx workbook: a sheet with one row per task, a sheet with each lead unit's score,
 * the leaders' instructions and the major projects. Rows are streamed to disk as they are written, so 100,000 tasks fit in little memory.
 */
final class LedgerWorkbook implements AutoCloseable {

    static final List<String> TASK_COLUMNS = List.of(
            "序号",
            "计划",
            "任务编号",
            "任务名称",
            "任务内容",
            "牵头单位",
            "配合单位",
            "落实单位",
            "责任人",
            "联系电话",
            "完成时限",
            "状态",
            "逾期工作日",
            "问责等级",
            "催办次数",
            "最新进展",
            "最新进展报送时间",
            "办理情况",
            "佐证材料数",
            "销号日期",
            "是否按时完成",
            "整改次数",
            "备注");
    static final List<String> UNIT_COLUMNS =
            List.of("单位", "牵头任务数", "已销号", "按时销号", "逾期未办结", "按时完成率", "当前逾期", "被催办次数", "整改次数");
    private static final int[] TASK_WIDTHS = {
        6, 28, 14, 40, 60, 22, 30, 30, 10, 16, 14, 10, 10, 10, 9, 50, 18, 50, 10, 14, 12, 9, 40
    };

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final ZoneId zone;
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle percent;
    private SXSSFSheet tasks;
    private int taskRow;

    /** Evidence files per task code (佐证材料数). */
    private final Map<String, Integer> evidenceCounts;

    LedgerWorkbook(ZoneId zone, Map<String, Integer> evidenceCounts) {
        this.zone = zone;
        this.evidenceCounts = evidenceCounts;
        this.header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        this.date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        this.dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        this.percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    }

    /** Starts the task sheet with its title line (what was exported, when, with which filter). */
    Consumer<LedgerRow> taskSheet(String title) {
        tasks = workbook.createSheet("督办台账");
        titleRow(tasks, title, TASK_COLUMNS.size());
        headerRow(tasks, TASK_COLUMNS);
        for (int column = 0; column < TASK_WIDTHS.length; column++) {
            tasks.setColumnWidth(column, TASK_WIDTHS[column] * 256);
        }
        tasks.createFreezePane(4, 2);
        taskRow = 2;
        return this::taskRow;
    }

    private void taskRow(LedgerRow task) {
        Row row = tasks.createRow(taskRow++);
        int column = 0;
        number(row, column++, taskRow - 2);
        text(row, column++, task.planTitle().isEmpty() ? task.planCode() : task.planTitle());
        text(row, column++, task.taskCode());
        text(row, column++, task.taskTitle());
        text(row, column++, task.taskText());
        text(row, column++, String.join("、", task.leadUnits()));
        text(row, column++, String.join("、", task.supportUnits()));
        text(row, column++, String.join("、", task.implementingUnits()));
        text(row, column++, task.responsiblePerson());
        text(row, column++, task.contactPhone());
        date(row, column++, task.deadline());
        text(row, column++, task.state().chineseName());
        number(row, column++, task.workingDaysOverdue());
        text(row, column++, task.level().chineseName());
        number(row, column++, task.timesUrged());
        text(row, column++, task.lastProgress());
        dateTime(
                row,
                column++,
                task.lastProgressAt() == null
                        ? null
                        : task.lastProgressAt().atZoneSameInstant(zone).toLocalDateTime());
        text(row, column++, task.result());
        number(row, column++, evidenceCounts.getOrDefault(task.taskCode(), 0));
        date(row, column++, task.closedOn());
        text(row, column++, task.timeliness());
        number(row, column++, task.rectifications());
        text(row, column, task.remark());
    }

    /** Ends the task sheet with a filter on its header, and adds the units' scores. */
    void unitSheet(List<UnitScore> scores) {
        if (taskRow > 2) {
            tasks.setAutoFilter(new CellRangeAddress(1, taskRow - 1, 0, TASK_COLUMNS.size() - 1));
        }
        Sheet units = workbook.createSheet("单位绩效");
        titleRow(units, "按时完成率 = 按时销号数 ÷（已销号数 + 已逾期未办结数）；未到期的在办任务不计入", UNIT_COLUMNS.size());
        headerRow(units, UNIT_COLUMNS);
        units.setColumnWidth(0, 26 * 256);
        for (int column = 1; column < UNIT_COLUMNS.size(); column++) {
            units.setColumnWidth(column, 12 * 256);
        }
        int rowIndex = 2;
        for (UnitScore score : scores) {
            Row row = units.createRow(rowIndex++);
            text(row, 0, score.unitName());
            number(row, 1, score.tasksLed());
            number(row, 2, score.closed());
            number(row, 3, score.closedOnTime());
            number(row, 4, score.lateOpen());
            if (score.onTimeRate() != null) {
                Cell rate = row.createCell(5);
                rate.setCellValue(score.onTimeRate());
                rate.setCellStyle(percent);
            } else {
                text(row, 5, "—");
            }
            number(row, 6, score.overdueNow());
            number(row, 7, score.urgesReceived());
            number(row, 8, score.rectifications());
        }
    }

    static final List<String> INSTRUCTION_COLUMNS = List.of("任务编号", "批示领导", "批示时间", "批示内容", "签收人", "签收时间", "落实意见");

    /** 领导批示 on the ledger's tasks, with the lead units' acknowledgements. */
    void instructionSheet(
            List<cn.duban.instruction.LeaderInstruction> instructions, Map<String, cn.duban.identity.Person> people) {
        Sheet sheet = workbook.createSheet("领导批示");
        titleRow(sheet, "领导批示及牵头单位签收情况", INSTRUCTION_COLUMNS.size());
        headerRow(sheet, INSTRUCTION_COLUMNS);
        int[] widths = {14, 12, 18, 50, 14, 18, 50};
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        int rowIndex = 2;
        for (cn.duban.instruction.LeaderInstruction instruction : instructions) {
            Row row = sheet.createRow(rowIndex++);
            text(row, 0, instruction.taskCode());
            cn.duban.identity.Person leader = people.get(instruction.leaderId());
            text(row, 1, leader == null ? instruction.leaderName() : leader.name());
            dateTime(row, 2, instruction.issuedAt().atZoneSameInstant(zone).toLocalDateTime());
            text(row, 3, instruction.instruction());
            cn.duban.identity.Person signer =
                    instruction.acknowledgedBy() == null ? null : people.get(instruction.acknowledgedBy());
            text(
                    row,
                    4,
                    !instruction.acknowledged()
                            ? "未签收"
                            : signer == null ? instruction.acknowledgedBy() : signer.label());
            if (instruction.acknowledged()) {
                dateTime(
                        row,
                        5,
                        instruction.acknowledgedAt().atZoneSameInstant(zone).toLocalDateTime());
            }
            text(row, 6, instruction.acknowledgement());
        }
    }

    static final List<String> PROJECT_COLUMNS = List.of(
            "项目编号",
            "项目名称",
            "业主单位",
            "建设地点",
            "计划投资（万元）",
            "累计完成投资（万元）",
            "投资完成率",
            "开工日期",
            "完工日期",
            "里程碑",
            "逾期里程碑",
            "关联任务",
            "最新进展",
            "最新进展报送时间");

    /** 重大工程: each project's money, dates, milestones and latest progress. */
    void projectSheet(List<MajorProject> projects) {
        Sheet sheet = workbook.createSheet("重大工程");
        titleRow(sheet, "重大工程项目库：投资与进度", PROJECT_COLUMNS.size());
        headerRow(sheet, PROJECT_COLUMNS);
        int[] widths = {14, 36, 22, 16, 14, 16, 12, 14, 14, 8, 10, 30, 50, 18};
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        int rowIndex = 2;
        for (MajorProject project : projects) {
            Row row = sheet.createRow(rowIndex++);
            text(row, 0, project.code());
            text(row, 1, project.name());
            text(row, 2, project.ownerUnitName());
            text(row, 3, project.location());
            row.createCell(4).setCellValue(project.investmentPlanned().doubleValue());
            row.createCell(5).setCellValue(project.investmentSpent().doubleValue());
            Cell spent = row.createCell(6);
            spent.setCellValue(project.spentPercent().doubleValue() / 100);
            spent.setCellStyle(percent);
            date(row, 7, project.startOn());
            date(row, 8, project.endOn());
            number(row, 9, project.milestones().size());
            number(row, 10, project.milestonesOverdue());
            text(row, 11, String.join("、", project.taskCodes()));
            text(row, 12, project.latestProgress());
            dateTime(
                    row,
                    13,
                    project.latestProgressAt() == null
                            ? null
                            : project.latestProgressAt().atZoneSameInstant(zone).toLocalDateTime());
        }
    }

    void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // Closing a streaming workbook only deletes its temporary files.
        }
    }

    private void titleRow(Sheet sheet, String title, int width) {
        Row row = sheet.createRow(0);
        text(row, 0, title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
    }

    private void headerRow(Sheet sheet, List<String> columns) {
        Row row = sheet.createRow(1);
        for (int column = 0; column < columns.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(columns.get(column));
            cell.setCellStyle(header);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, long value) {
        row.createCell(column).setCellValue(value);
    }

    private void date(Row row, int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    private void dateTime(Row row, int column, LocalDateTime value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(dateTime);
        }
    }
}
