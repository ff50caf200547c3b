package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** 已办: each user sees the tasks they finished, and only theirs. */
@DubanTest
class DoneTasksIT {

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    @Test
    void aUserSeesWhatTheyDidAndNotWhatOthersDid() {
        String officer = users.member("done-ecology", Orders.ECOLOGY.id());
        String colleague = users.member("done-ecology-2", Orders.ECOLOGY.id());
        String instanceId =
                dispatcher.dispatch(Orders.order(Orders.freshCode("DONE"), List.of(Orders.ECOLOGY), List.of()));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.claim(claim.getId(), officer);
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));

        assertThat(names(Http.as(rest, officer).get("/api/my/done-tasks").json()))
                .contains("签收任务：开展土壤污染状况详查");
        assertThat(names(Http.as(rest, colleague).get("/api/my/done-tasks").json()))
                .isEmpty();
        assertThat(Http.anonymous(rest).get("/api/my/done-tasks").status()).isEqualTo(401);
    }

    private static List<String> names(JsonNode tasks) {
        List<String> names = new ArrayList<>();
        tasks.forEach(task -> names.add(task.path("name").asText()));
        return names;
    }
}
