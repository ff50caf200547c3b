package cn.duban.taskform;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Text for a process variable of any length. Camunda keeps a String variable in a column of 4000 characters; a longer
 * text (a plan's full text, a long task) is kept as a JSON-serialized value instead, which Java code reads back as
 * the same String and Tasklist's forms show like any text.
 */
public final class LongText {

    /** The longest text a String variable holds; form fields must not allow more. */
    public static final int STRING_VARIABLE_LIMIT = 4000;

    private LongText() {}

    public static TypedValue of(String text) {
        if (text == null || text.length() <= STRING_VARIABLE_LIMIT) {
            return Variables.stringValue(text);
        }
        return Variables.objectValue(text)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
