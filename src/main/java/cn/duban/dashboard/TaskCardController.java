package cn.duban.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/task-cards?ids=…}: what Tasklist's cards show besides the engine's own fields. */
@RestController
@Tag(name = "任务卡片")
class TaskCardController {

    static final int MAX_IDS = 100;

    private final TaskCards cards;

    TaskCardController(TaskCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/task-cards")
    @Operation(summary = "任务列表卡片：所属计划、截止日期、剩余或逾期工作日、问责等级、催办次数（仅限本人可见的任务）")
    List<TaskCard> cards(@Parameter(description = "任务ID，逗号分隔，最多100个") @RequestParam List<String> ids) {
        List<String> wanted = ids.stream()
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (wanted.size() > MAX_IDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "一次最多查询" + MAX_IDS + "个任务");
        }
        if (wanted.stream().anyMatch(id -> id.length() > 64)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "任务ID格式不对");
        }
        return wanted.isEmpty() ? List.of() : cards.of(wanted);
    }
}
