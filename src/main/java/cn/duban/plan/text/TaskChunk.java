package cn.duban.plan.text;

import java.util.ArrayList;
import java.util.List;

/** The paragraphs that make up one task while the text is read, with the unit tags found for them. */
final class TaskChunk {

    final String number;
    String section;
    final List<String> paragraphs = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    /** One tagged sentence of an item that tags several ("…。（A负责）…。（B负责）"): titled by its first clause. */
    boolean sentence;
    /** The text of a "完成时限：…" line, or null. */
    String deadlineLine;

    TaskChunk(String number, String section) {
        this.number = number;
        this.section = section;
    }

    boolean isTagged() {
        return !tags.isEmpty();
    }

    boolean isEmpty() {
        return paragraphs.isEmpty() && tags.isEmpty();
    }

    String text() {
        return String.join("\n", paragraphs);
    }

    /** All tags joined, so separate lines 牵头单位：… and 责任单位：… are read as one tag. */
    String tag() {
        return String.join("；", tags);
    }
}
