package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.CLOSURE_DECISION;
import static cn.duban.plantask.PlanTaskVariables.CLOSURE_OPINION;
import static cn.duban.plantask.PlanTaskVariables.INSPECTION_DECISION;
import static cn.duban.plantask.PlanTaskVariables.INSPECTION_OPINION;

import java.util.Arrays;
import java.util.Optional;

/** The two reviews of a reported result: each either accepts it or returns it to the lead unit with a reason. */
enum Review {

    INSPECTION(PlanTaskProcess.VERIFY_RESULT, INSPECTION_DECISION, "pass", INSPECTION_OPINION, "督查办", "核验意见"),
    CLOSURE(PlanTaskProcess.APPROVE_CLOSURE, CLOSURE_DECISION, "approve", CLOSURE_OPINION, "领导", "审批意见");

    static final String RETURN = "return";

    final String taskKey;
    final String decisionVariable;
    final String acceptValue;
    final String opinionVariable;
    final String reviewer;
    final String opinionLabel;

    Review(String taskKey, String decisionVariable, String acceptValue, String opinionVariable, String reviewer,
            String opinionLabel) {
        this.taskKey = taskKey;
        this.decisionVariable = decisionVariable;
        this.acceptValue = acceptValue;
        this.opinionVariable = opinionVariable;
        this.reviewer = reviewer;
        this.opinionLabel = opinionLabel;
    }

    static Optional<Review> of(String taskKey) {
        return Arrays.stream(values()).filter(review -> review.taskKey.equals(taskKey)).findFirst();
    }
}
