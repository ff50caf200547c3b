package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a plan's paragraphs into tasks. A task ends with its unit tag (at the end of a paragraph, or on lines of its
 * own such as "牵头单位：…"); untagged paragraphs before it belong to it. A numbered item ("（一）", "1.", "(1)"),
 * a heading ("三、重点工作"), an indicator row or a table footnote starts afresh; what was gathered before it
 * without a tag is not a task (preamble, goals, section introductions).
 */
final class TaskChunker {

    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、\\S[^。]{0,30}$");
    private static final Pattern NUMBER = Pattern.compile(
            "^(（[一二三四五六七八九十]+）|\\([一二三四五六七八九十]+\\)|（\\d{1,2}）|\\(\\d{1,2}\\)|\\d{1,2}[.．、](?!\\d))\\s*");
    private static final Pattern TAG_LINE = Pattern.compile("^(牵头|责任|配合|参与|协办|实施|落实)(单位|部门)\\s*[：:]");
    private static final Pattern FOOTNOTE = Pattern.compile("^[1-9](?=[\\p{IsHan}&&[^年月日个项条]])");

    private final Predicate<String> isTag;
    private final List<TaskChunk> tasks = new ArrayList<>();
    private String section;
    private TaskChunk current;
    private String untaggedTail;

    /** @param isTag tells a unit tag from other trailing parentheses such as "(试行)" */
    TaskChunker(Predicate<String> isTag) {
        this.isTag = isTag;
    }

    List<TaskChunk> chunk(List<String> paragraphs) {
        for (String paragraph : paragraphs) {
            accept(paragraph);
        }
        close();
        return tasks;
    }

    /** The start of untagged text left at the end of the plan (a cut-off text), or null. */
    String untaggedTail() {
        return untaggedTail;
    }

    private void accept(String paragraph) {
        if (HEADING.matcher(paragraph).matches()) {
            close();
            section = paragraph;
        } else if (IndicatorTableReader.isRow(paragraph) || FOOTNOTE.matcher(paragraph).find()) {
            close();
        } else if (TAG_LINE.matcher(paragraph).find() && current != null) {
            current.tags.add(paragraph);
        } else {
            Matcher number = NUMBER.matcher(paragraph);
            if (number.find()) {
                close();
                current = new TaskChunk(number.group(1), section);
                addText(paragraph.substring(number.end()));
            } else {
                if (current == null || current.isTagged()) {
                    close();
                    current = new TaskChunk(null, section);
                }
                addText(paragraph);
            }
        }
    }

    private void addText(String paragraph) {
        Optional<TrailingGroup> group = TrailingGroup.of(paragraph).filter(found -> isTag.test(found.content()));
        if (group.isPresent()) {
            addBody(group.get().body());
            current.tags.add(group.get().content());
        } else {
            addBody(paragraph);
        }
    }

    private void addBody(String body) {
        if (!body.isEmpty()) {
            current.paragraphs.add(body);
        }
    }

    private void close() {
        if (current != null && current.isTagged()) {
            tasks.add(current);
            untaggedTail = null;
        } else if (current != null && !current.isEmpty()) {
            untaggedTail = current.paragraphs.get(0);
        }
        current = null;
    }
}
