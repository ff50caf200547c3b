package cn.duban.plan.text;

import java.util.Optional;

/**
 * The balanced parenthesised group at the end of a paragraph, where plans put the units of a task:
 * "…详查（牵头单位：州环保局）。" or "…参与。(州生态环境局牵头,各县(市)人民政府负责落实)".
 * Full-width and ASCII parentheses count alike, so nested groups such as 各县(市) stay inside.
 */
record TrailingGroup(String body, String content) {

    static Optional<TrailingGroup> of(String paragraph) {
        String text = paragraph.strip();
        int end = text.length();
        boolean closedBySentence = false;
        while (end > 0 && isTrailingStop(text.charAt(end - 1))) {
            closedBySentence |= text.charAt(end - 1) == '。';
            end--;
        }
        if (end == 0 || !isClose(text.charAt(end - 1))) {
            return Optional.empty();
        }
        int start = openingOf(text, end - 1);
        if (start < 0) {
            return Optional.empty();
        }
        String body = text.substring(0, start).strip();
        if (closedBySentence && !body.isEmpty() && !body.endsWith("。")) {
            body = body + "。";
        }
        return Optional.of(
                new TrailingGroup(body, text.substring(start + 1, end - 1).strip()));
    }

    private static int openingOf(String text, int closeIndex) {
        int depth = 0;
        for (int i = closeIndex; i >= 0; i--) {
            char c = text.charAt(i);
            if (isClose(c)) {
                depth++;
            } else if (isOpen(c) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTrailingStop(char c) {
        return c == '。' || c == '；' || c == ';' || Character.isWhitespace(c);
    }

    static boolean isOpen(char c) {
        return c == '(' || c == '（';
    }

    static boolean isClose(char c) {
        return c == ')' || c == '）';
    }
}
