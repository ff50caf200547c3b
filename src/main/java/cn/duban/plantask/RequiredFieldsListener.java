package cn.duban.plantask;

import cn.duban.taskform.SubmissionRejectedException;
import cn.duban.taskform.FieldRule;
import cn.duban.taskform.LongText;
import static cn.duban.plantask.PlanTaskVariables.CLAIM_DECISION;
import static cn.duban.plantask.PlanTaskVariables.CONTACT_PHONE;
import static cn.duban.plantask.PlanTaskVariables.RETURN_TO_OFFICE_REASON;
import static cn.duban.plantask.PlanTaskVariables.EVIDENCE;
import static cn.duban.plantask.PlanTaskVariables.LOCAL_PROGRESS;
import static cn.duban.plantask.PlanTaskVariables.PROGRESS;
import static cn.duban.plantask.PlanTaskVariables.RESPONSIBLE_PERSON;
import static cn.duban.plantask.PlanTaskVariables.RESULT_DESCRIPTION;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the lead unit's tasks end: the fields their forms require must really be there, also when a task is
 * completed through the REST API rather than the form (what a report then does is modelled: 登记上报). An execution
 * listener, because the engine passes its
 * exceptions on unchanged (a task listener's would be wrapped and answered with 500 instead of 400).
 */
@Component("requiredFieldsListener")
class RequiredFieldsListener implements ExecutionListener {

    private static final Map<String, List<FieldRule>> RULES = Map.of(
            PlanTaskProcess.CLAIM_TASK, List.of(
                    FieldRule.required(RESPONSIBLE_PERSON, "责任人", 50),
                    FieldRule.matching(CONTACT_PHONE, "联系电话", "[0-9][0-9 -]{5,18}[0-9]",
                            "应为7至20位数字，可含“-”，如0994-2345678或13912345678")),
            PlanTaskProcess.REPORT_LOCAL_PROGRESS, List.of(
                    FieldRule.required(LOCAL_PROGRESS, "落实情况", LongText.STRING_VARIABLE_LIMIT)),
            PlanTaskProcess.REPORT_PROGRESS, List.of(
                    FieldRule.required(PROGRESS, "本期进展", LongText.STRING_VARIABLE_LIMIT)),
            PlanTaskProcess.REPORT_RESULT, List.of(
                    FieldRule.required(RESULT_DESCRIPTION, "办理情况", LongText.STRING_VARIABLE_LIMIT),
                    FieldRule.required(EVIDENCE, "佐证材料", 2000)));

    private static final List<FieldRule> RETURN_TO_OFFICE = List.of(
            FieldRule.required(RETURN_TO_OFFICE_REASON, "退回理由", 2000));

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        List<FieldRule> rules = RULES.getOrDefault(execution.getCurrentActivityId(), List.of());
        if (PlanTaskProcess.CLAIM_TASK.equals(execution.getCurrentActivityId())
                && "return".equals(execution.getVariable(CLAIM_DECISION))) {
            rules = RETURN_TO_OFFICE;
        }
        for (FieldRule rule : rules) {
            String problem = rule.problemWith(execution.getVariable(rule.variable()));
            if (problem != null) {
                throw new SubmissionRejectedException(rule.variable(), problem);
            }
        }
    }
}
