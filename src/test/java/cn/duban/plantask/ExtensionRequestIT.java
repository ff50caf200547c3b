package cn.duban.plantask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** 延期申请: the lead unit asks by REST; the supervision office and a leader decide; an approval moves every due date. */
@DubanTest
class ExtensionRequestIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    SupervisionRecord record;

    private Http lead;
    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchAndSign() {
        lead = Http.as(rest, users.member("extension-ecology", Orders.ECOLOGY.id()));
        code = Orders.freshCode("EXT");
        instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of(Orders.FINANCE)));
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndEveryOpenDueDate() {
        assertThat(request("2031-03-31", "详查样品送检周期延长").status()).isEqualTo(202);
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(SupervisionEvent.Kind.EXTENSION_REQUESTED);

        decide(PlanTaskProcess.REVIEW_EXTENSION, Map.of("extensionReview", "approve"));
        decide(
                PlanTaskProcess.APPROVE_EXTENSION,
                Map.of("extensionApproval", "approve", "extensionApprovalOpinion", "同意，不再延期"));

        assertThat(runtimeService.getVariable(instanceId, "deadline")).isEqualTo(endOf(LocalDate.of(2031, 3, 31)));
        assertThat(runtimeService.getVariable(instanceId, "deadlineText")).isEqualTo("2031年3月31日（已延期）");
        Task contribution = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(PlanTaskProcess.CONTRIBUTE)
                .singleResult();
        assertThat(contribution.getDueDate())
                .as("5 working days before Monday 31 March 2031")
                .isEqualTo(endOf(LocalDate.of(2031, 3, 24)));
        assertThat(record.find(code).orElseThrow().deadline()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .last()
                .isEqualTo("延期至2031年3月31日：详查样品送检周期延长（领导意见：同意，不再延期）");
    }

    @Test
    void aRefusalNeedsAReasonAndLeavesTheDeadlineAlone() {
        request("2031-03-31", "详查样品送检周期延长");
        Task review = decisionTask(PlanTaskProcess.REVIEW_EXTENSION);
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("extensionReview", "refuse")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("理由");
        taskService.complete(review.getId(), Map.of("extensionReview", "refuse", "extensionReviewOpinion", "理由不充分"));

        assertThat(runtimeService.getVariable(instanceId, "deadline")).isEqualTo(endOf(Orders.DEADLINE));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .last()
                .isEqualTo("督查办不同意延期：理由不充分");
    }

    @Test
    void aLeaderCanRefuseWhatTheOfficeSupported() {
        request("2031-03-31", "详查样品送检周期延长");
        decide(PlanTaskProcess.REVIEW_EXTENSION, Map.of("extensionReview", "approve"));
        decide(
                PlanTaskProcess.APPROVE_EXTENSION,
                Map.of("extensionApproval", "refuse", "extensionApprovalOpinion", "按原定时限完成"));

        assertThat(runtimeService.getVariable(instanceId, "deadline")).isEqualTo(endOf(Orders.DEADLINE));
        assertThat(record.events(code))
                .extracting(SupervisionEvent::reason)
                .last()
                .isEqualTo("领导不同意延期：按原定时限完成");
        assertThat(request("2031-02-28", "再次申请").status())
                .as("a new request is possible again")
                .isEqualTo(202);
    }

    @Test
    void onlyTheLeadUnitAsksOnceAtATimeForALaterDeadlineWithAReason() {
        Http support = Http.as(rest, users.member("extension-finance", Orders.FINANCE.id()));
        assertThat(support.postJson(path(), Map.of("newDeadline", "2031-03-31", "reason", "来不及"))
                        .status())
                .isEqualTo(403);
        assertThat(request("2030-06-30", "提前").status())
                .as("earlier than the deadline")
                .isEqualTo(400);
        assertThat(request("明年", "看情况").status()).isEqualTo(400);
        assertThat(request("2031-03-31", " ").status()).isEqualTo(400);
        assertThat(record.events(code)).isEmpty();

        assertThat(request("2031-03-31", "详查样品送检周期延长").status()).isEqualTo(202);
        Http.Response again = request("2031-06-30", "再延一次");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("正在审批");
    }

    @Test
    void fiveRequestsSentAtOnceGetOneAcceptedAndFourConflictsInChinese() throws Exception {
        int requests = 5;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Http.Response> answers = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(requests);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String reason = "同时提交的延期申请" + i;
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request("2031-03-31", reason);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Http.Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(202, 409, 409, 409, 409);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 409)
                .allSatisfy(answer ->
                        assertThat(answer.json().path("detail").asText()).containsPattern("\\p{IsHan}"));
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey(PlanTaskProcess.REVIEW_EXTENSION)
                        .count())
                .isOne();
        assertThat(record.events(code))
                .extracting(SupervisionEvent::kind)
                .containsExactly(SupervisionEvent.Kind.EXTENSION_REQUESTED);
    }

    private Http.Response request(String newDeadline, String reason) {
        return lead.postJson(path(), Map.of("newDeadline", newDeadline, "reason", reason));
    }

    private String path() {
        return "/api/plan-tasks/" + code + "/extension-requests";
    }

    private void decide(String step, Map<String, Object> decision) {
        taskService.complete(decisionTask(step).getId(), decision);
    }

    private Task decisionTask(String step) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(step)
                .singleResult();
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(BEIJING).toInstant());
    }
}
