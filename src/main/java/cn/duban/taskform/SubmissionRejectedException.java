package cn.duban.taskform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A person submitted a task form that breaks a rule. Camunda's REST API answers it with 400, and Tasklist shows
 * the Chinese message; the task stays open and nothing is written. A refusal the person can mend, not a fault: the
 * engine logs it at debug level, without a stack trace.
 */
public class SubmissionRejectedException extends BadUserRequestException {

    private final String field;

    public SubmissionRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field (variable) the rule is about. */
    public String field() {
        return field;
    }
}
