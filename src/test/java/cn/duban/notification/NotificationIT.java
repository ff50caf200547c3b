package cn.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The people a step needs are told by e-mail and in their inbox, once per event, whether or not mail is up. */
@DubanTest
class NotificationIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    TaskService taskService;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    private String leadUser;
    private String code;
    private String instanceId;

    @BeforeEach
    void dispatchToEcology() {
        leadUser = users.member("mail-ecology", Orders.ECOLOGY.id());
        users.member("mail-finance", Orders.FINANCE.id());
        deliverEverythingPending();
        code = Orders.freshCode("MAIL");
        instanceId = dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
    }

    @Test
    void theLeadUnitIsToldOfItsNewTaskByMailOnceAndInItsInbox() throws Exception {
        delivery.deliverDue();

        List<MimeMessage> mails = mailsTo("mail-ecology@duban.test");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("【督办】新的待办：签收任务：开展土壤污染状况详查");
        assertThat(mails.get(0).getContent().toString())
                .contains("所属计划：测试计划", "任务编号：" + code, "完成时限：2030年12月31日", "请登录督办系统签收办理");
        assertThat(mailsTo("mail-finance@duban.test"))
                .as("another unit hears nothing")
                .isEmpty();

        assertThat(delivery.deliverDue()).as("nothing goes out twice").isZero();
        assertThat(mailsTo("mail-ecology@duban.test")).hasSize(1);

        Http lead = Http.as(rest, leadUser);
        JsonNode inbox = lead.get("/api/inbox").json();
        JsonNode message = inbox.path("messages").get(0);
        assertThat(message.path("subject").asText()).isEqualTo("【督办】新的待办：签收任务：开展土壤污染状况详查");
        long unread = inbox.path("unread").asLong();
        assertThat(Http.as(rest, "mail-finance")
                        .postJson("/api/inbox/" + message.path("id").asLong() + "/read", Map.of())
                        .status())
                .as("not someone else's message")
                .isEqualTo(404);
        assertThat(lead.postJson("/api/inbox/" + message.path("id").asLong() + "/read", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(lead.get("/api/inbox").json().path("unread").asLong()).isEqualTo(unread - 1);
    }

    @Test
    void aMailServerThatIsDownNeitherStopsTheWorkflowNorLosesTheMessage() throws Exception {
        smtp.stop();
        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
        assertThat(delivery.deliverDue()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from duban.notification
                        where recipient = 'mail-ecology' and channel = 'EMAIL' and sent_at is null
                          and attempts = 1 and last_error is not null""").query(Long.class).single())
                .as("kept for a later attempt")
                .isGreaterThanOrEqualTo(1);

        smtp.start();
        jdbc.sql("update duban.notification set next_attempt_at = now() where sent_at is null")
                .update();
        delivery.deliverDue();
        assertThat(mailsTo("mail-ecology@duban.test"))
                .extracting(MimeMessage::getSubject)
                .as("the task it signed, and the report it owes next (no support or implementing units)")
                .containsExactly("【督办】新的待办：签收任务：开展土壤污染状况详查", "【督办】新的待办：报送办理结果：开展土壤污染状况详查");
    }

    @Test
    void anUrgeReachesTheLeadUnit() throws Exception {
        users.member("mail-office", DubanGroups.SUPERVISION_OFFICE);
        Http.as(rest, "mail-office").postJson("/api/plan-tasks/" + code + "/urges", Map.of("message", "请尽快签收"));
        delivery.deliverDue();

        assertThat(mailsTo("mail-ecology@duban.test"))
                .extracting(MimeMessage::getSubject)
                .contains("【督办】督查办催办：" + code);
    }

    private void deliverEverythingPending() {
        jdbc.sql("update duban.notification set sent_at = now() where sent_at is null and channel <> 'INBOX'")
                .update();
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
