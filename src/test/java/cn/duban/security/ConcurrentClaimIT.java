package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Colleagues of one unit claim the same task at the same moment: exactly one wins, every other one gets 409. */
@DubanTest
class ConcurrentClaimIT {

    private static final int COLLEAGUES = 8;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Test
    void exactlyOneClaimWinsAndTheOthersAreToldWhoHasIt() throws Exception {
        List<String> colleagues = new ArrayList<>();
        for (int i = 0; i < COLLEAGUES; i++) {
            colleagues.add(users.member("claim-race-" + i, Orders.ECOLOGY.id()));
        }
        String instance = dispatcher.dispatch(Orders.ecologyLeads(Orders.freshCode("RACE")));
        String task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();

        List<Http.Response> answers = claimAtOnce(task, colleagues);

        List<Http.Response> won =
                answers.stream().filter(answer -> answer.status() == 204).toList();
        List<Http.Response> lost =
                answers.stream().filter(answer -> answer.status() != 204).toList();
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(COLLEAGUES - 1).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().path("message").asText()).matches(".*(已被“claim-race-\\d+”签收|刚被他人办理或修改).*");
        });
        String assignee =
                taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
        assertThat(colleagues).contains(assignee);
    }

    @Test
    void claimingATaskAColleagueHasIs409WithTheColleaguesName() {
        String first = users.member("claim-first", Orders.ECOLOGY.id());
        String second = users.member("claim-second", Orders.ECOLOGY.id());
        String instance = dispatcher.dispatch(Orders.ecologyLeads(Orders.freshCode("RACE")));
        String task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        assertThat(Http.as(rest, first)
                        .postJson(claim(task), Map.of("userId", first))
                        .status())
                .isEqualTo(204);

        Http.Response late = Http.as(rest, second).postJson(claim(task), Map.of("userId", second));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("message").asText()).contains("已被“claim-first”签收");
    }

    private List<Http.Response> claimAtOnce(String task, List<String> colleagues) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(colleagues.size());
        try {
            CountDownLatch ready = new CountDownLatch(colleagues.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (String colleague : colleagues) {
                answers.add(threads.submit(() -> {
                    Http caller = Http.as(rest, colleague);
                    ready.countDown();
                    go.await();
                    return caller.postJson(claim(task), Map.of("userId", colleague));
                }));
            }
            ready.await();
            go.countDown();
            List<Http.Response> results = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String claim(String task) {
        return "/engine-rest/task/" + task + "/claim";
    }
}
