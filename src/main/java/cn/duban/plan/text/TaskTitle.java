package cn.duban.plan.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses a task's short title: the lead phrase (up to the first "。") of its first paragraph when that phrase is
 * short and names an action. Plans that lost their headings put a section introduction ("按照…的思路,…") before
 * the first task of a section; such a paragraph is skipped and the next short lead phrase is taken. When no
 * paragraph has one, the lead phrase of the tagged (last) paragraph is the title.
 */
final class TaskTitle {

    private static final int SHORT = 40;
    private static final Pattern FRAMING = Pattern.compile("^(按照|根据|为了|为|围绕|以)");

    private TaskTitle() {}

    static String of(List<String> paragraphs, boolean numbered) {
        if (numbered) {
            return leadPhrase(paragraphs.get(0));
        }
        return paragraphs.stream()
                .map(TaskTitle::leadPhrase)
                .filter(lead -> lead.length() <= SHORT && !FRAMING.matcher(lead).find())
                .findFirst()
                .orElseGet(() -> leadPhrase(paragraphs.get(paragraphs.size() - 1)));
    }

    /** The first clause, up to the first comma or stop: the title of one tagged sentence of an item. */
    static String firstClause(String paragraph) {
        String lead = leadPhrase(paragraph);
        int stop = -1;
        for (int i = 0; i < lead.length() && stop < 0; i++) {
            if ("，,；;：:".indexOf(lead.charAt(i)) >= 0 && !insideQuote(lead, i)) {
                stop = i;
            }
        }
        return stop < 2 ? lead : lead.substring(0, stop);
    }

    private static boolean insideQuote(String text, int index) {
        int open = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '（' || c == '(') {
                open++;
            } else if ((c == '”' || c == '）' || c == ')') && open > 0) {
                open--;
            }
        }
        return open > 0;
    }

    static String leadPhrase(String paragraph) {
        int stop = paragraph.indexOf('。');
        String lead = stop < 0 ? paragraph : paragraph.substring(0, stop);
        return lead.strip().replaceAll("[，,；;：:]+$", "");
    }
}
