package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a task table that became text (a .docx or .xlsx table, a copied spreadsheet) into the lines a plan writes
 * for a task: "序号 | 任务 | 责任单位 | 完成时限" rows, cells separated by tabs, "|" or several spaces, become
 * "1.任务。" followed by "责任单位：…" and "完成时限：…" lines. The header names the columns in any order. A blank
 * lead-unit or deadline cell is a merged cell: it repeats the row above.
 */
final class TableText {

    private static final Pattern CELL_SEPARATOR = Pattern.compile("\\t|\\s*[|｜]\\s*|[ \\u3000]{2,}");
    private static final Pattern ORDINAL = Pattern.compile("^([一二三四五六七八九十]+、|\\d{1,3}[.．、])\\s*");
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,4}[.．、]?$");

    private enum Column {
        NUMBER,
        TITLE,
        CONTENT,
        LEAD,
        RESPONSIBLE,
        SUPPORT,
        DEADLINE,
        OTHER
    }

    private TableText() {}

    static List<String> rewrite(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<Column> columns = null;
        String[] above = null;
        for (String line : lines) {
            List<String> cells = cells(line);
            List<Column> header = cells.size() >= 3 ? header(cells) : null;
            if (header != null) {
                columns = header;
                above = new String[header.size()];
                continue;
            }
            if (columns != null && cells.size() >= 2 && isRow(cells, columns)) {
                out.addAll(task(cells, columns, above, out.size()));
                continue;
            }
            columns = null;
            out.add(line);
        }
        return out;
    }

    private static List<String> cells(String line) {
        String trimmed = line.replaceAll("^[|｜]|[|｜]$", "");
        List<String> cells = new ArrayList<>(Arrays.stream(CELL_SEPARATOR.split(trimmed, -1))
                .map(String::strip)
                .toList());
        return cells;
    }

    /** The columns when the line is a task table's header, else null. */
    private static List<Column> header(List<String> cells) {
        List<Column> columns = new ArrayList<>();
        boolean title = false;
        boolean units = false;
        boolean leadColumn = cells.stream().anyMatch(cell -> cell.matches(".*牵头.*") && !cell.contains("领导"));
        for (String cell : cells) {
            Column column;
            if (cell.length() > 8) {
                return null;
            } else if (cell.matches("序号|编号|序")) {
                column = Column.NUMBER;
            } else if (cell.contains("领导") || cell.contains("责任人")) {
                column = Column.OTHER;
            } else if (cell.matches(".*(时限|时间|节点|期限).*")) {
                column = Column.DEADLINE;
            } else if (cell.matches(".*(配合|协办|参与|协助).*")) {
                column = Column.SUPPORT;
            } else if (cell.matches(".*牵头.*(单位|部门)?") && !cell.contains("领导")) {
                column = Column.LEAD;
            } else if (cell.matches(".*(责任|主体|承办|实施)(单位|部门).*")) {
                column = leadColumn ? Column.SUPPORT : Column.RESPONSIBLE;
            } else if (!title && cell.matches(".*(任务|项目|事项|名称|工作|内容).*")) {
                column = Column.TITLE;
                title = true;
            } else if (cell.matches(".*(内容|目标|措施|举措|要求).*")) {
                column = Column.CONTENT;
            } else {
                column = Column.OTHER;
            }
            units |= column == Column.LEAD || column == Column.RESPONSIBLE;
            columns.add(column);
        }
        return title && units ? columns : null;
    }

    private static boolean isRow(List<String> cells, List<Column> columns) {
        int number = columns.indexOf(Column.NUMBER);
        if (number >= 0) {
            return number < cells.size()
                    && ROW_NUMBER.matcher(cells.get(number)).matches();
        }
        return cells.size() >= Math.min(columns.size(), 3);
    }

    private static List<String> task(List<String> cells, List<Column> columns, String[] above, int index) {
        String title = "";
        String content = "";
        String number = null;
        List<String> lines = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            Column column = columns.get(i);
            if (cell.isEmpty()
                    && (column == Column.LEAD || column == Column.RESPONSIBLE || column == Column.DEADLINE)
                    && above[i] != null) {
                cell = above[i];
            }
            above[i] = cell;
            if (cell.isEmpty()) {
                continue;
            }
            switch (column) {
                case NUMBER -> number = cell.replaceAll("[.．、]$", "");
                case TITLE -> title = ORDINAL.matcher(cell).replaceFirst("");
                case CONTENT -> content = cell;
                case LEAD -> tags.add("牵头单位：" + cell);
                case RESPONSIBLE -> tags.add("责任单位：" + cell);
                case SUPPORT -> tags.add("配合单位：" + cell);
                case DEADLINE -> tags.add("完成时限：" + cell);
                default -> {}
            }
        }
        String text = title.isEmpty() ? content : content.isEmpty() ? title : title + "。" + content;
        lines.add((number == null ? String.valueOf(index + 1) : number) + "." + sentence(text));
        lines.addAll(tags);
        return lines;
    }

    private static String sentence(String text) {
        return text.endsWith("。") || text.endsWith("；") ? text : text + "。";
    }
}
