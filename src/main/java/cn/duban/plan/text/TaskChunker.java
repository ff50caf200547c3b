package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a plan's paragraphs into tasks. A task ends with its unit tag (at the end of a paragraph, or on lines of its
 * own such as "牵头单位：…"); untagged paragraphs before it belong to it. A numbered item ("（一）", "1.", "(1)"),
 * a heading ("三、重点工作"), an indicator row or a table footnote starts afresh; what was gathered before it
 * without a tag is not a task (preamble, goals, section introductions). An item that tags several of its sentences
 * gives one task per tagged sentence, under the item's heading. A heading followed directly by unit lines is a task
 * of its own (民生实事 lists).
 */
final class TaskChunker {

    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、\\S[^。；]{0,30}$");
    private static final Pattern NUMBER =
            Pattern.compile("^(（[一二三四五六七八九十]+）|\\([一二三四五六七八九十]+\\)|（\\d{1,3}）|\\(\\d{1,3}\\)|\\d{1,3}[.．、](?!\\d)"
                    + "|[一二三四五六七八九十]+、)\\s*");
    private static final Pattern TAG_LINE = Pattern.compile("^(牵头|责任|配合|参与|协办|协助|实施|落实|主责)(单位|部门)\\s*[：:]");
    private static final Pattern DEADLINE_LINE =
            Pattern.compile("^(完成时限|完成时间|时间节点|办结时限|完成期限|时限要求|时限)\\s*[：:]\\s*(.*)$");
    private static final Pattern LEADER_LINE = Pattern.compile("^(牵头|责任|分管|包保|联系)(市|县|区)?领导\\s*[：:]");
    private static final Pattern FOOTNOTE = Pattern.compile("^[1-9](?=[\\p{IsHan}&&[^年月日个项条]])");
    /** "…全覆盖。牵头单位：A；配合单位：B。": unit lines written at the end of the task's paragraph. */
    private static final Pattern INLINE_TAG_LINE = Pattern.compile("[。；]\\s*((?:牵头|责任|主责)(?:单位|部门)\\s*[：:][^（(]+)$");

    /** "…应用。由A负责，B协助。": the tag written as the item's last sentence, without parentheses. */
    private static final Pattern INLINE_TAG_SENTENCE =
            Pattern.compile("[。；]\\s*(由[^。；（(，,]{2,60}?(?:牵头|负责)(?:[，,][^。；（(]{2,60}?(?:配合|协助|参与|协办))?)[。；]?$");

    private static final Pattern ITEM_HEADING = Pattern.compile("^([^，,；;。：:]{2,30})。(.+)$");

    private final Predicate<String> isTag;
    private final List<TaskChunk> tasks = new ArrayList<>();
    private String section;
    private String heading;
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
        String lastHeading = heading;
        heading = null;
        Matcher deadline = DEADLINE_LINE.matcher(paragraph);
        if (HEADING.matcher(paragraph).matches()) {
            close();
            section = paragraph;
            heading = paragraph;
        } else if (IndicatorTableReader.isRow(paragraph)
                || FOOTNOTE.matcher(paragraph).find()) {
            close();
        } else if (deadline.matches()) {
            if (current != null) {
                current.deadlineLine = deadline.group(2);
            }
        } else if (LEADER_LINE.matcher(paragraph).find()) {
            heading = lastHeading;
            return;
        } else if (TAG_LINE.matcher(paragraph).find() && (current != null || lastHeading != null)) {
            if (current == null) {
                Matcher number = NUMBER.matcher(lastHeading);
                boolean numbered = number.find();
                current = new TaskChunk(numbered ? number.group(1) : null, lastHeading);
                current.paragraphs.add(numbered ? lastHeading.substring(number.end()) : lastHeading);
            }
            current.tags.add(paragraph);
        } else {
            Matcher number = NUMBER.matcher(paragraph);
            if (number.find()) {
                close();
                current = new TaskChunk(number.group(1), section);
                addText(paragraph.substring(number.end()), true);
            } else {
                if (current == null || current.isTagged()) {
                    close();
                    current = new TaskChunk(null, section);
                }
                addText(paragraph, false);
            }
        }
    }

    private void addText(String written, boolean itemStart) {
        String paragraph = written;
        Matcher inline = INLINE_TAG_LINE.matcher(written);
        String tagLine = null;
        Matcher sentence = INLINE_TAG_SENTENCE.matcher(written);
        if (inline.find()) {
            paragraph = written.substring(0, inline.start() + 1);
            tagLine = inline.group(1);
        } else if (sentence.find()) {
            paragraph = written.substring(0, sentence.start() + 1);
            tagLine = sentence.group(1);
        }
        addSegments(paragraph, itemStart);
        if (tagLine != null) {
            current.tags.add(tagLine);
        }
    }

    private void addSegments(String paragraph, boolean itemStart) {
        List<TagSegments.Segment> segments = TagSegments.split(paragraph, isTag);
        long tagged = segments.stream().filter(segment -> segment.tag() != null).count();
        String itemSection = current.section;
        if (tagged >= 2 && itemStart) {
            Matcher itemHeading = ITEM_HEADING.matcher(segments.get(0).body());
            if (itemHeading.matches()) {
                itemSection = (section == null ? "" : section) + current.number + itemHeading.group(1);
                segments.set(
                        0,
                        new TagSegments.Segment(
                                itemHeading.group(2).strip(), segments.get(0).tag()));
            }
        }
        boolean first = true;
        for (TagSegments.Segment segment : segments) {
            if (!first) {
                close();
                current = new TaskChunk(null, itemSection);
            }
            first = false;
            if (tagged >= 2) {
                current.section = itemSection;
                current.sentence = segment.tag() != null;
            }
            if (!segment.body().isEmpty()) {
                current.paragraphs.add(segment.body());
            }
            if (segment.tag() != null) {
                current.tags.add(segment.tag());
            }
        }
    }

    private void close() {
        if (current != null && current.isTagged() && !current.paragraphs.isEmpty()) {
            tasks.add(current);
            untaggedTail = null;
        } else if (current != null && !current.paragraphs.isEmpty()) {
            untaggedTail = current.paragraphs.get(0);
        }
        current = null;
    }
}
