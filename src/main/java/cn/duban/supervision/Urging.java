package cn.duban.supervision;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** 催办: the supervision office urges a task; every urge is counted and recorded with its message. */
@Service
public class Urging {

    static final int MAX_MESSAGE = 500;

    private final SupervisionRecord record;

    Urging(SupervisionRecord record) {
        this.record = record;
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
}
