package cn.duban.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a deployed Camunda Form (a {@code .form} file) lets a person fill in: its editable fields with their checks,
 * and the fields it only shows (read-only or disabled), whose submitted values are not written.
 */
record TaskFormFields(Map<String, FieldCheck> editable, Set<String> shown) {

    static final TaskFormFields NONE = new TaskFormFields(Map.of(), Set.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "radio",
            "select", "checkbox", "checklist", "taglist");

    static TaskFormFields parse(InputStream form) throws IOException {
        Map<String, FieldCheck> editable = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        collect(JSON.readTree(form), editable, shown);
        return new TaskFormFields(Map.copyOf(editable), Set.copyOf(shown));
    }

    private static void collect(JsonNode container, Map<String, FieldCheck> editable, Set<String> shown) {
        for (JsonNode component : container.path("components")) {
            String key = component.path("key").asText(null);
            String type = component.path("type").asText("");
            if (key != null && INPUT_TYPES.contains(type)) {
                if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                    shown.add(key);
                } else {
                    editable.put(key, FieldCheck.of(component));
                }
            }
            collect(component, editable, shown);
        }
    }

    /**
     * The checks a form states for one field that decide what may be stored: its kind of value, its length and its
     * options. Whether a value makes sense (a range, a phone number's shape, a required field) is the process's own
     * rule, checked where the process reads it, with a message that knows the field (e.g. a percentage).
     */
    record FieldCheck(String label, String type, Integer maxLength, Set<String> options) {

        static FieldCheck of(JsonNode component) {
            JsonNode validate = component.path("validate");
            Set<String> options = new LinkedHashSet<>();
            component.path("values").forEach(option -> options.add(option.path("value").asText()));
            return new FieldCheck(component.path("label").asText(component.path("key").asText()),
                    component.path("type").asText(),
                    validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                    Set.copyOf(options));
        }

        /** The Chinese message for a submitted value, or null when it is acceptable. Absent values are the model's concern. */
        String problemWith(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                if (!"number".equals(type)) {
                    return "“" + label + "”应为文字";
                }
                double amount = number.doubleValue();
                return Double.isNaN(amount) || Double.isInfinite(amount) ? "“" + label + "”应为数字，如98.5（不带单位）"
                        : null;
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
