package cn.duban.taskform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a deployed Camunda Form (a {@code .form} file) lets a person fill in: its editable fields with their checks
 * (in the form's order), and the fields it only shows (read-only or disabled), whose submitted values are not
 * written. The form is the one source of its rules: the browser (form-js) and the server read the same
 * {@code validate} keys ({@code required}, {@code maxLength}, {@code pattern}, {@code min}, {@code max}) and the
 * same {@code conditional.hide}.
 */
public record TaskFormFields(Map<String, FieldCheck> editable, Set<String> shown) {

    public static final TaskFormFields NONE = new TaskFormFields(Map.of(), Set.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "datetime", "radio", "select", "checkbox", "checklist", "taglist");

    public static TaskFormFields parse(InputStream form) throws IOException {
        Map<String, FieldCheck> editable = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        collect(JSON.readTree(form), editable, shown);
        return new TaskFormFields(Collections.unmodifiableMap(editable), Set.copyOf(shown));
    }

    private static void collect(JsonNode container, Map<String, FieldCheck> editable, Set<String> shown) {
        for (JsonNode component : container.path("components")) {
            String key = component.path("key").asText(null);
            String type = component.path("type").asText("");
            if (key != null && INPUT_TYPES.contains(type)) {
                if (component.path("readonly").asBoolean(false)
                        || component.path("disabled").asBoolean(false)) {
                    shown.add(key);
                } else {
                    editable.put(key, FieldCheck.of(component));
                }
            }
            collect(component, editable, shown);
        }
    }

    /**
     * The checks a form states for one field. {@link #problemWith} decides what may be stored at all (its kind of
     * value, its length, its options), on every submission; {@link #completionProblem} whether the task may end with
     * the value it has (required unless hidden, the pattern, the range), where the process reads it. A pattern's
     * message is the field's custom property {@code patternMessage} (form-js {@code properties}).
     *
     * @param hide the FEEL condition (without its {@code =}) under which the form hides the field, or null
     * @param defaultValue what the form fills in when the person changes nothing, or null
     */
    public record FieldCheck(
            String label,
            String type,
            Integer maxLength,
            Set<String> options,
            boolean required,
            Pattern pattern,
            String patternMessage,
            Double min,
            Double max,
            String hide,
            String defaultValue) {

        public static FieldCheck of(JsonNode component) {
            JsonNode validate = component.path("validate");
            Set<String> options = new LinkedHashSet<>();
            component
                    .path("values")
                    .forEach(option -> options.add(option.path("value").asText()));
            String hide = component.path("conditional").path("hide").asText(null);
            return new FieldCheck(
                    component.path("label").asText(component.path("key").asText()),
                    component.path("type").asText(),
                    validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                    Set.copyOf(options),
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("pattern")
                            ? Pattern.compile(validate.get("pattern").asText())
                            : null,
                    component.path("properties").path("patternMessage").asText(null),
                    validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
                    validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
                    hide == null ? null : hide.strip().replaceFirst("^=", ""),
                    component.hasNonNull("defaultValue")
                            ? component.get("defaultValue").asText()
                            : null);
        }

        /** The Chinese message when a shown field's {@code value} may not end the task, or null. */
        public String completionProblem(Object value) {
            String text = value == null ? "" : value.toString().strip();
            if (text.isEmpty()) {
                return required ? "请填写“" + label + "”" : null;
            }
            if (maxLength != null && text.length() > maxLength) {
                return "“" + label + "”不能超过" + maxLength + "个字";
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                return "“" + label + "”格式不正确" + (patternMessage == null ? "" : "：" + patternMessage);
            }
            if (min != null || max != null) {
                double amount;
                try {
                    amount = value instanceof Number number ? number.doubleValue() : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return "“" + label + "”应为数字，如98.5（不带单位）";
                }
                if (min != null && amount < min) {
                    return "“" + label + "”不能小于" + plain(min);
                }
                if (max != null && amount > max) {
                    return "“" + label + "”不能大于" + plain(max);
                }
            }
            return null;
        }

        private static String plain(double bound) {
            return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
        }

        /** The Chinese message for a submitted value, or null when it is acceptable. Absent values are the model's concern. */
        public String problemWith(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                if (!"number".equals(type)) {
                    return "“" + label + "”应为文字";
                }
                double amount = number.doubleValue();
                return Double.isNaN(amount) || Double.isInfinite(amount) ? "“" + label + "”应为数字，如98.5（不带单位）" : null;
            }
            if (value instanceof Boolean) {
                return "checkbox".equals(type) ? null : "“" + label + "”的取值不正确";
            }
            if (!(value instanceof String text)) {
                return "“" + label + "”的类型不正确";
            }
            if ("number".equals(type)) {
                return numberText(text);
            }
            if (maxLength != null && text.length() > maxLength) {
                return "“" + label + "”不能超过" + maxLength + "个字";
            }
            if (!options.isEmpty() && !text.isEmpty() && !options.contains(text)) {
                return "“" + label + "”只能从表单给出的选项中选择";
            }
            return null;
        }

        private String numberText(String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return problemWith(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                return "“" + label + "”应为数字，如98.5（不带单位）";
            }
        }
    }
}
