package cn.duban.taskform;

import java.util.regex.Pattern;

/** What a submitted text field must look like: present, not too long, and optionally of a given shape. */
public record FieldRule(String variable, String label, int maxLength, Pattern pattern, String patternHint) {

    public static FieldRule required(String variable, String label, int maxLength) {
        return new FieldRule(variable, label, maxLength, null, null);
    }

    public static FieldRule matching(String variable, String label, String regex, String hint) {
        return new FieldRule(variable, label, 100, Pattern.compile(regex), hint);
    }

    /** The Chinese message for {@code value}, or null when it is acceptable. */
    public String problemWith(Object value) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            return "请填写“" + label + "”";
        }
        if (text.length() > maxLength) {
            return "“" + label + "”不能超过" + maxLength + "个字";
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            return "“" + label + "”格式不正确：" + patternHint;
        }
        return null;
    }
}
