package cn.duban.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** 催办: the supervision office urges a task; every urge is counted and recorded with its message. */
@Service
public class Urging {

    static final int MAX_MESSAGE = 500;
    static final int MAX_BATCH = 100;

    private final SupervisionRecord record;
    private final SupervisionNotices notices;

    Urging(SupervisionRecord record, SupervisionNotices notices) {
        this.record = record;
        this.notices = notices;
    }

    /** Records the urge and returns the task as it now stands; refuses a closed or unknown task. */
    public TaskSupervision urge(String taskCode, String message, String urgedBy, Instant at) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写催办内容（不超过" + MAX_MESSAGE + "字）");
        }
        TaskSupervision task = record.find(taskCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + taskCode + "”的任务"));
        if (task.state() == SupervisionState.CLOSED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + taskCode + "”已销号，无需催办");
        }
        record.countUrge(taskCode);
        record.event(taskCode, SupervisionEvent.Kind.URGED, null, "催办：" + text, urgedBy, at);
        return record.find(taskCode).orElseThrow();
    }

    /**
     * 批量催办: urges each of {@code taskCodes} with one message, all or none (an unknown or closed task refuses the
     * whole batch); each task's count rises by one and each lead unit gets one notice naming all of its tasks.
     */
    public List<TaskSupervision> urgeAll(List<String> taskCodes, String message, String urgedBy, Instant at) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写催办内容（不超过" + MAX_MESSAGE + "字）");
        }
        List<String> codes = taskCodes == null
                ? List.of()
                : taskCodes.stream().filter(Objects::nonNull).distinct().toList();
        if (codes.isEmpty() || codes.size() > MAX_BATCH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请选择要催办的任务（一次最多" + MAX_BATCH + "项）");
        }
        for (String code : codes) {
            TaskSupervision task = record.find(code)
                    .orElseThrow(
                            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + code + "”的任务，未催办任何任务"));
            if (task.state() == SupervisionState.CLOSED) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + code + "”已销号，无需催办；未催办任何任务，请取消勾选后重试");
            }
        }
        Map<String, List<String>> byLeadUnit = new LinkedHashMap<>();
        long firstEvent = -1;
        for (String code : codes) {
            record.countUrge(code);
            SupervisionRecord.Recorded recorded =
                    record.eventUntold(code, SupervisionEvent.Kind.URGED, null, "催办：" + text, urgedBy, at);
            firstEvent = firstEvent < 0 ? recorded.id() : firstEvent;
            for (String unit : recorded.leadUnits().split(",")) {
                if (!unit.isBlank()) {
                    byLeadUnit
                            .computeIfAbsent(unit.strip(), u -> new ArrayList<>())
                            .add(code);
                }
            }
        }
        notices.tellUrged(firstEvent, byLeadUnit, record.titles(codes), text);
        return codes.stream().map(code -> record.find(code).orElseThrow()).toList();
    }
}
