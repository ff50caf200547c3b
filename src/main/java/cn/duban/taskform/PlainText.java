package cn.duban.taskform;

import java.util.regex.Pattern;

/**
 * Text that people type (names, titles, a plan's text) is plain text: no HTML tags, which no plan or unit name
 * contains but a page could run, and no control characters, which PostgreSQL refuses (NUL) or nobody can see.
 * A lone "<" stays allowed ("PM2.5<35").
 */
public final class PlainText {

    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z!?]");

    private PlainText() {}

    /** Why the text is not plain, in Chinese; null when it is. Line breaks and tabs are fine. */
    public static String problemWith(String text) {
        if (text == null) {
            return null;
        }
        if (TAG.matcher(text).find()) {
            return "不能包含HTML标签（如“<script>”）";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "不能包含控制字符";
            }
        }
        return null;
    }
}
