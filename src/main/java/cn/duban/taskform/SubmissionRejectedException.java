package cn.duban.taskform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A person submitted a task form that breaks a rule. Camunda's REST API answers it with 400, and Tasklist shows
 * the Chinese message; the task stays open and nothing is written.
 */
public class SubmissionRejectedException extends FormFieldValidationException {

    public SubmissionRejectedException(String field, String message) {
        super(field, message);
    }
}
