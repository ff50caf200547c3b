package cn.duban.dashboard;

import cn.duban.plantask.PlanTaskVariables;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a finished step of a plan task decided or reported, in a line of the timeline. */
final class StepOutcomes {

    /** Steps whose content the timeline shows from their own records (each contribution, each local report). */
    static final Set<String> SHOWN_BY_THEIR_RECORDS =
            Set.of("UserTask_Contribute", "UserTask_ReportLocalProgress", "UserTask_ReportProgress");

    private StepOutcomes() {}

    /** The outcome of step {@code activityId} from the values its completion wrote, or null if there is none. */
    static String describe(String activityId, Map<String, Object> values) {
        return switch (activityId) {
            case "UserTask_ClaimTask" ->
                "return".equals(values.get(PlanTaskVariables.CLAIM_DECISION))
                        ? join("退回督查办", values.get(PlanTaskVariables.RETURN_TO_OFFICE_REASON))
                        : values.isEmpty()
                                ? null
                                : join(
                                        "已签收",
                                        labelled("责任人", values.get(PlanTaskVariables.RESPONSIBLE_PERSON)),
                                        labelled("联系电话", values.get(PlanTaskVariables.CONTACT_PHONE)),
                                        values.get(PlanTaskVariables.CLAIM_NOTE));
            case "UserTask_ReportResult" ->
                values.isEmpty()
                        ? null
                        : join(
                                labelled("办理情况", values.get(PlanTaskVariables.RESULT_DESCRIPTION)),
                                labelled("佐证材料", values.get(PlanTaskVariables.EVIDENCE)));
            case "UserTask_VerifyResult" -> verification(values);
            case "UserTask_ApproveClosure" ->
                "return".equals(values.get(PlanTaskVariables.CLOSURE_DECISION))
                        ? join("退回", labelled("退回理由", values.get(PlanTaskVariables.CLOSURE_OPINION)))
                        : "approve".equals(values.get(PlanTaskVariables.CLOSURE_DECISION))
                                ? join("同意销号", values.get(PlanTaskVariables.CLOSURE_OPINION))
                                : null;
            default -> null;
        };
    }

    private static String verification(Map<String, Object> values) {
        Object decision = values.get(PlanTaskVariables.INSPECTION_DECISION);
        if (decision == null) {
            return null;
        }
        String conclusion = switch (decision.toString()) {
            case "pass" -> "核验通过";
            case "rectify" -> "限期整改";
            case "falsified" -> "数据不实（启动问责并限期整改）";
            default -> decision.toString();
        };
        return join(
                "核验结论：" + conclusion,
                labelled("整改意见", values.get(PlanTaskVariables.INSPECTION_OPINION)),
                labelled("整改期限", values.get(PlanTaskVariables.RECTIFICATION_DEADLINE)));
    }

    private static String labelled(String label, Object value) {
        return value == null || value.toString().isBlank() ? null : label + "：" + value;
    }

    private static String join(Object... parts) {
        return Stream.of(parts)
                .filter(Objects::nonNull)
                .map(Object::toString)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining("；"));
    }
}
