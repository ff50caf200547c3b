package cn.duban.evidence;

import cn.duban.plantask.PlanTaskProcess;
import java.util.Map;

/**
 * The steps of the plan-task process that take evidence files: the lead unit's report (also after 限期整改, the
 * rectification report), a support unit's contribution, an implementing unit's local report and the office's
 * verification. Other steps (signing, closure, extensions) show the files but take none.
 */
final class EvidenceSteps {

    static final Map<String, String> NAMES = Map.of(
            PlanTaskProcess.REPORT_RESULT, "报送办理结果",
            PlanTaskProcess.CONTRIBUTE, "配合办理",
            PlanTaskProcess.REPORT_LOCAL_PROGRESS, "报送本地落实情况",
            PlanTaskProcess.VERIFY_RESULT, "督查核验");

    private EvidenceSteps() {}

    static boolean takesFiles(String taskDefinitionKey) {
        return NAMES.containsKey(taskDefinitionKey);
    }

    static String name(String taskDefinitionKey) {
        return NAMES.getOrDefault(taskDefinitionKey, taskDefinitionKey);
    }
}
