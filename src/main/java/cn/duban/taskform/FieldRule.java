package cn.duban.taskform;

/**
 * A text field a decision needs besides what its form requires (e.g. a review's reason, needed only for a return):
 * present and not too long. What a form itself requires is read from the deployed form ({@link DeployedFormRules}).
 */
public record FieldRule(String variable, String label, int maxLength) {

    public static FieldRule required(String variable, String label, int maxLength) {
        return new FieldRule(variable, label, maxLength);
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
        return null;
    }
}
