package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_TASKS;
import static cn.duban.plan.intake.PlanIntakeVariables.PARSER_WARNINGS;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_CODE;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_DEADLINE;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_ISSUER;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_TITLE;
import static cn.duban.plan.intake.PlanIntakeVariables.RETURN_REASON;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_NAME;
import static cn.duban.plan.intake.PlanIntakeVariables.UNKNOWN_UNITS;

import cn.duban.identity.AsSystem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review of a draft on Duban's review page: read it, save corrections, and submit it for approval. Works on the
 * draft's open review task as the signed-in user, so the engine decides who may see and change it.
 */
@Service
class DraftReview {

    static final String REVIEW_TASK = "UserTask_ReviewDraft";

    private final TaskService taskService;
    private final IdentityService identityService;
    private final DraftVariables draftVariables;
    private final UnknownUnits unknownUnits;
    private final ObjectMapper json = new ObjectMapper();

    DraftReview(
            TaskService taskService,
            IdentityService identityService,
            DraftVariables draftVariables,
            UnknownUnits unknownUnits) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.draftVariables = draftVariables;
        this.unknownUnits = unknownUnits;
    }

    DraftView view(String draftId) {
        Task review = reviewTask(draftId);
        Map<String, Object> variables = taskService.getVariables(review.getId());
        List<DraftRow> rows = draftVariables.rows(variables.get(DRAFT_TASKS));
        return new DraftView(
                draftId,
                review.getId(),
                review.getAssignee(),
                text(variables, PLAN_CODE),
                text(variables, PLAN_TITLE),
                text(variables, PLAN_ISSUER),
                text(variables, PLAN_DEADLINE),
                text(variables, SOURCE_NAME),
                text(variables, RETURN_REASON),
                text(variables, PARSER_WARNINGS),
                unknownUnits.names(rows),
                rows);
    }

    /** Corrections are Duban's writes (checked here), not a form's: written as the system once the task is seen. */
    void save(String draftId, DraftEdit edit) {
        Task review = reviewTask(draftId);
        AsSystem.run(identityService, () -> taskService.setVariables(review.getId(), variables(edit)));
    }

    /** Signs for the review and completes it, in one transaction: a refused draft stays unclaimed. */
    @Transactional
    void submit(String draftId, DraftEdit edit, String userId) {
        Task review = reviewTask(draftId);
        if (review.getAssignee() == null) {
            taskService.claim(review.getId(), userId);
        } else if (!review.getAssignee().equals(userId)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "该草稿已由“" + review.getAssignee() + "”签收审核");
        }
        AsSystem.run(identityService, () -> taskService.setVariables(review.getId(), variables(edit)));
        taskService.complete(review.getId());
    }

    private VariableMap variables(DraftEdit edit) {
        try {
            return Variables.createVariables()
                    .putValue(PLAN_CODE, edit.planCode())
                    .putValue(PLAN_TITLE, edit.planTitle())
                    .putValue(PLAN_ISSUER, edit.planIssuer())
                    .putValue(PLAN_DEADLINE, edit.planDeadline())
                    .putValue(UNKNOWN_UNITS, unknownUnits.describe(edit.tasks()))
                    .putValueTyped(
                            DRAFT_TASKS,
                            SpinValues.jsonValue(json.writeValueAsString(edit.tasks()))
                                    .create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the draft's tasks", e);
        }
    }

    private Task reviewTask(String draftId) {
        Task review = taskService
                .createTaskQuery()
                .processInstanceId(draftId)
                .taskDefinitionKey(REVIEW_TASK)
                .singleResult();
        if (review == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "找不到待审核的草稿：它可能已提交领导审批，或您没有审核权限");
        }
        return review;
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    /** What the reviewer may change. */
    record DraftEdit(String planCode, String planTitle, String planIssuer, String planDeadline, List<DraftRow> tasks) {

        DraftEdit {
            tasks = tasks == null ? List.of() : tasks;
        }
    }

    /** The draft as the review page shows it. */
    record DraftView(
            String draftId,
            String reviewTaskId,
            String assignee,
            String planCode,
            String planTitle,
            String planIssuer,
            String planDeadline,
            String sourceName,
            String returnReason,
            String warnings,
            List<String> unknownUnits,
            List<DraftRow> tasks) {}
}
