package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a paragraph at its unit tags: "…验收。（农业农村部、财政部负责）完善…制度。（生态环境部负责）" gives two
 * tagged sentences. A parenthesised group counts as a tag when it names units with a role and closes a sentence
 * (a "。" or "；" before or after it, or the end of the paragraph), so "(试行)" or a tag-like aside inside a
 * sentence is left alone.
 */
final class TagSegments {

    /** @param tag the group's content, or null for text after the last tag */
    record Segment(String body, String tag) {}

    private static final String SENTENCE_END = "。；;";

    private TagSegments() {}

    static List<Segment> split(String paragraph, Predicate<String> isTag) {
        String text = paragraph.strip();
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TrailingGroup.isOpen(c)) {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (TrailingGroup.isClose(c) && depth > 0 && --depth == 0) {
                int after = skipStops(text, i + 1);
                boolean closesSentence = after == text.length()
                        || endsSentence(text, open)
                        || (i + 1 < text.length() && SENTENCE_END.indexOf(text.charAt(i + 1)) >= 0);
                String content = text.substring(open + 1, i).strip();
                if (closesSentence && isTag.test(content)) {
                    String body = text.substring(from, open).strip();
                    boolean stopAfter = i + 1 < text.length() && text.charAt(i + 1) == '。';
                    if (stopAfter && !body.isEmpty() && !body.endsWith("。")) {
                        body = body + "。";
                    }
                    segments.add(new Segment(body, content));
                    from = after;
                    i = after - 1;
                }
            }
        }
        if (from < text.length()) {
            segments.add(new Segment(text.substring(from).strip(), null));
        }
        return segments;
    }

    private static boolean endsSentence(String text, int open) {
        int i = open - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && SENTENCE_END.indexOf(text.charAt(i)) >= 0;
    }

    private static int skipStops(String text, int from) {
        int i = from;
        while (i < text.length()
                && (SENTENCE_END.indexOf(text.charAt(i)) >= 0
                        || text.charAt(i) == '，'
                        || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return i;
    }
}
