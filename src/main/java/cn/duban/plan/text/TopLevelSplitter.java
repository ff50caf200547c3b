package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.List;

/** Splits text at separators that stand outside parentheses, so 各县(市)人民政府 is never cut. */
final class TopLevelSplitter {

    private TopLevelSplitter() {}

    static List<String> split(String text, String separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (TrailingGroup.isOpen(c)) {
                depth++;
            } else if (TrailingGroup.isClose(c) && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                addIfPresent(parts, part);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        addIfPresent(parts, part);
        return parts;
    }

    private static void addIfPresent(List<String> parts, StringBuilder part) {
        String text = part.toString().strip();
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }
}
