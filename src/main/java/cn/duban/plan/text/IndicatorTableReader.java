package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of an indicator table as they survive in plain text, one row a line with the cells separated by
 * spaces: "[category] name baseline target 约束性|预期性 [source]". A category applies to the rows that follow it
 * until another one appears.
 */
final class IndicatorTableReader {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern WRITTEN_UNIT = Pattern.compile("\\d(万吨|吨|万亩|亩|万户|户|个|家|座|处|平方公里|公里)");

    private String category;

    static boolean isRow(String line) {
        return bindingIndex(tokens(line)) >= 3;
    }

    List<DraftIndicator> read(List<String> lines) {
        List<DraftIndicator> rows = new ArrayList<>();
        for (String line : lines) {
            if (isRow(line)) {
                rows.add(row(line.strip()));
            }
        }
        return rows;
    }

    private DraftIndicator row(String line) {
        List<String> cells = tokens(line);
        int binding = bindingIndex(cells);
        if (binding >= 4) {
            category = String.join(" ", cells.subList(0, binding - 3));
        }
        String name = cells.get(binding - 3);
        String baseline = emptyAsNull(cells.get(binding - 2));
        String target = cells.get(binding - 1);
        return new DraftIndicator(
                category,
                name,
                unitOf(baseline, target),
                baseline,
                target,
                cells.get(binding).equals("约束性"),
                sourceAfter(line, binding));
    }

    private static String sourceAfter(String line, int bindingCell) {
        Matcher cell = Pattern.compile("[^\\s\\u3000]+").matcher(line);
        for (int i = 0; i <= bindingCell; i++) {
            cell.find();
        }
        String source = line.substring(cell.end()).strip();
        return source.isEmpty() ? null : source;
    }

    private static String unitOf(String baseline, String target) {
        String values = (baseline == null ? "" : baseline) + " " + target;
        if (values.contains("%") || values.contains("％")) {
            return "%";
        }
        Matcher written = WRITTEN_UNIT.matcher(values);
        return written.find() ? written.group(1) : null;
    }

    private static String emptyAsNull(String value) {
        return value.matches("[-－—–]+") ? null : value;
    }

    private static int bindingIndex(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).equals("约束性") || cells.get(i).equals("预期性")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> tokens(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(stripped));
    }
}
