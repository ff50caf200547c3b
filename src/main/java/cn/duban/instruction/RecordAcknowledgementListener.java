package cn.duban.instruction;

import cn.duban.taskform.FieldRule;
import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The lead unit acknowledged a leader's instruction: its 落实意见 is checked and kept with the instruction. */
@Component("recordAcknowledgementListener")
class RecordAcknowledgementListener implements TaskListener {

    static final String ACKNOWLEDGEMENT = "acknowledgement";

    private final LeaderInstructions instructions;

    RecordAcknowledgementListener(LeaderInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void notify(DelegateTask task) {
        Object text = task.getVariable(ACKNOWLEDGEMENT);
        String problem = FieldRule.required(ACKNOWLEDGEMENT, "落实意见", LeaderInstructions.MAX_TEXT)
                .problemWith(text);
        if (problem != null) {
            throw new SubmissionRejectedException(ACKNOWLEDGEMENT, problem);
        }
        Authentication current =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
        Number id = (Number) task.getVariable("instructionId");
        instructions.acknowledged(
                id.longValue(),
                by,
                text.toString().strip(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
