package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.CLOSURE_DECISION;
import static cn.duban.plantask.PlanTaskVariables.CLOSURE_OPINION;
import static cn.duban.plantask.PlanTaskVariables.INSPECTION_DECISION;
import static cn.duban.plantask.PlanTaskVariables.INSPECTION_OPINION;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The two reviews of a reported result: each accepts it or sends it back to the lead unit with a reason. Inspection
 * sends it back as 限期整改 (rectify by a new deadline), or as 数据不实 (falsified, which also opens accountability).
 */
enum Review {
    INSPECTION(
            PlanTaskProcess.VERIFY_RESULT,
            INSPECTION_DECISION,
            "pass",
            Set.of(Review.RECTIFY, Review.FALSIFIED),
            INSPECTION_OPINION,
            "督查办",
            "整改意见"),
    CLOSURE(
            PlanTaskProcess.APPROVE_CLOSURE,
            CLOSURE_DECISION,
            "approve",
            Set.of(Review.RETURN),
            CLOSURE_OPINION,
            "领导",
            "审批意见");

    static final String RETURN = "return";
    static final String RECTIFY = "rectify";
    static final String FALSIFIED = "falsified";

    final String taskKey;
    final String decisionVariable;
    final String acceptValue;
    final Set<String> returnValues;
    final String opinionVariable;
    final String reviewer;
    final String opinionLabel;

    Review(
            String taskKey,
            String decisionVariable,
            String acceptValue,
            Set<String> returnValues,
            String opinionVariable,
            String reviewer,
            String opinionLabel) {
        this.taskKey = taskKey;
        this.decisionVariable = decisionVariable;
        this.acceptValue = acceptValue;
        this.returnValues = returnValues;
        this.opinionVariable = opinionVariable;
        this.reviewer = reviewer;
        this.opinionLabel = opinionLabel;
    }

    /** Inspection's way back sets a new deadline: 限期整改. */
    boolean setsNewDeadline() {
        return this == INSPECTION;
    }

    static Optional<Review> of(String taskKey) {
        return Arrays.stream(values())
                .filter(review -> review.taskKey.equals(taskKey))
                .findFirst();
    }
}
