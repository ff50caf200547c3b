package cn.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.RecordingServer;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit's WeCom and DingTalk robots and its contacts' SMS, set by the office, get an urge at once on every channel,
 * once each, in the robots' own JSON; a robot that refuses is tried again later and the workflow never waits.
 */
@DubanTest
class UnitChannelsIT {

    private static final String UNIT = Orders.ECOLOGY.id();
    private static final String SECRET = "SEC0f2d9c1b7a6e5d4c3b2a1908f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    TestUsers users;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    private RecordingServer server;
    private Http office;
    private String code;

    @BeforeEach
    void unitWithRobotsAndContacts() throws Exception {
        server = RecordingServer.start(3026);
        office = Http.as(rest, users.member("reach-office", DubanGroups.SUPERVISION_OFFICE));
        Http.Response saved = office.putJson("/api/units/" + UNIT + "/reach", reach(SECRET));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        code = Orders.freshCode("REACH");
        dispatcher.dispatch(Orders.order(code, List.of(Orders.ECOLOGY), List.of()));
        // What the dispatch itself sent is not this test's subject.
        jdbc.sql("update duban.notification set sent_at = now() where sent_at is null and channel <> 'INBOX'")
                .update();
    }

    @AfterEach
    void forgetTheUnitsRobots() {
        jdbc.sql("delete from duban.unit_reach where unit_id = ?").param(UNIT).update();
        jdbc.sql("update duban.notification set sent_at = now() where sent_at is null and channel <> 'INBOX'")
                .update();
        server.close();
    }

    @Test
    void anUrgeGoesOutOnEveryChannelAtOnceAndOnlyOnce() throws Exception {
        assertThat(office.postJson("/api/plan-tasks/" + code + "/urges", Map.of("message", "请本周内完成签收"))
                        .status())
                .isEqualTo(200);
        delivery.deliverDue();

        List<RecordingServer.Request> wecom = server.requests("/cgi-bin/webhook/send");
        assertThat(wecom).hasSize(1);
        assertThat(wecom.get(0).query()).isEqualTo("key=wecom-key-1");
        JsonNode wecomBody = JSON.readTree(wecom.get(0).body());
        assertThat(wecomBody.path("msgtype").asText()).isEqualTo("text");
        assertThat(wecomBody.path("text").path("content").asText())
                .startsWith("【督办】督查办催办：" + code)
                .contains("请本周内完成签收");
        assertThat(wecomBody.path("text").path("mentioned_mobile_list").toString())
                .isEqualTo("[\"13800000001\",\"13900000002\"]");

        List<RecordingServer.Request> dingtalk = server.requests("/robot/send");
        assertThat(dingtalk).hasSize(1);
        Map<String, String> query = query(dingtalk.get(0).query());
        assertThat(query.get("access_token")).isEqualTo("ding-token-1");
        assertThat(query.get("sign"))
                .as("HmacSHA256 of timestamp\\nsecret, Base64")
                .isEqualTo(sign(query.get("timestamp"), SECRET));
        assertThat(Long.parseLong(query.get("timestamp")))
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        JsonNode dingBody = JSON.readTree(dingtalk.get(0).body());
        assertThat(dingBody.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(dingBody.path("markdown").path("title").asText()).isEqualTo("【督办】督查办催办：" + code);
        assertThat(dingBody.path("markdown").path("text").asText()).contains("请本周内完成签收", "@13800000001");
        assertThat(dingBody.path("at").path("atMobiles").toString()).isEqualTo("[\"13800000001\",\"13900000002\"]");
        assertThat(dingBody.path("at").path("isAtAll").asBoolean()).isFalse();

        List<RecordingServer.Request> sms = server.requests("/sms");
        assertThat(sms)
                .extracting(
                        request -> JSON.readTree(request.body()).path("mobile").asText())
                .containsExactlyInAnyOrder("13800000001", "13900000002");
        JsonNode smsBody = JSON.readTree(sms.get(0).body());
        assertThat(smsBody.path("sign").asText()).isEqualTo("督办系统");
        assertThat(smsBody.path("content").asText())
                .startsWith("【督办】督查办催办：" + code)
                .contains("请本周内完成签收");

        delivery.deliverDue();
        assertThat(server.requests("/cgi-bin/webhook/send"))
                .as("nothing goes out twice")
                .hasSize(1);
        assertThat(server.requests("/robot/send")).hasSize(1);
        assertThat(server.requests("/sms")).hasSize(2);
    }

    @Test
    void aRobotThatRefusesIsTriedAgainLaterWithoutHoldingUpTheWorkAndThenGetsTheMessageOnce() throws Exception {
        server.answerNext("/cgi-bin/webhook/send", 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")
                .answerNext("/robot/send", 503, "busy")
                .answerNext("/sms", 500, "{\"error\":\"gateway down\"}")
                .answerNext("/sms", 500, "{\"error\":\"gateway down\"}");
        assertThat(office.postJson("/api/plan-tasks/" + code + "/urges", Map.of("message", "请尽快办理"))
                        .status())
                .as("the urge is recorded whatever the channels do")
                .isEqualTo(200);

        delivery.deliverDue();
        assertThat(server.requests("/cgi-bin/webhook/send")).hasSize(1);
        assertThat(jdbc.sql("""
                        select count(*) from duban.notification
                        where event_key like 'supervision:%' and sent_at is null and attempts = 1
                          and last_error is not null and next_attempt_at > now()
                          and channel in ('WECOM', 'DINGTALK', 'SMS')""").query(Long.class).single())
                .as("WeCom, DingTalk and both phones wait for a later attempt")
                .isEqualTo(4);
        assertThat(jdbc.sql("select last_error from duban.notification where channel = 'WECOM' and sent_at is null")
                        .query(String.class)
                        .single())
                .contains("errcode 45009")
                .doesNotContain("wecom-key-1");

        delivery.deliverDue();
        assertThat(server.requests("/cgi-bin/webhook/send"))
                .as("not before its pause is over")
                .hasSize(1);

        jdbc.sql("update duban.notification set next_attempt_at = now() where sent_at is null")
                .update();
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(server.requests("/cgi-bin/webhook/send")).hasSize(2);
        assertThat(server.requests("/robot/send")).hasSize(2);
        assertThat(server.requests("/sms")).hasSize(4);
        assertThat(jdbc.sql("""
                        select count(*) from duban.notification
                        where channel in ('WECOM', 'DINGTALK', 'SMS') and sent_at is not null and attempts = 2
                          and event_key like 'supervision:%' and address in (?, '13800000001', '13900000002')
                          and created_at > now() - interval '5 minutes'""").param(UNIT).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theOfficeSetsAUnitsContactsAndIsToldInChineseWhatIsWrong() {
        JsonNode shown = office.get("/api/units/" + UNIT + "/reach").json();
        assertThat(shown.path("dingtalkSecret").asText())
                .as("the secret is never shown")
                .isEqualTo("******");
        assertThat(shown.path("contacts").get(1).path("mobile").asText()).isEqualTo("13900000002");

        Map<String, Object> keepSecret = reach("******");
        assertThat(office.putJson("/api/units/" + UNIT + "/reach", keepSecret).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select dingtalk_secret from duban.unit_reach where unit_id = ?")
                        .param(UNIT)
                        .query(String.class)
                        .single())
                .as("kept as it was")
                .isEqualTo(SECRET);

        Map<String, Object> badMobile = reach(null);
        badMobile.put("contacts", List.of(Map.of("name", "张伟", "mobile", "1380000")));
        Http.Response refused = office.putJson("/api/units/" + UNIT + "/reach", badMobile);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("联系人“张伟”的手机号码应为11位数字");

        Map<String, Object> badUrl = reach(null);
        badUrl.put("wecomWebhook", "javascript:alert(1)");
        assertThat(office.putJson("/api/units/" + UNIT + "/reach", badUrl).body())
                .contains("企业微信机器人地址应以 https:// 或 http:// 开头");
        assertThat(office.putJson("/api/units/no-such-unit/reach", reach(null)).status())
                .isEqualTo(404);

        String unitUser = users.member("reach-unit", UNIT);
        assertThat(Http.as(rest, unitUser)
                        .putJson("/api/units/" + UNIT + "/reach", reach(null))
                        .status())
                .as("a unit does not set its own channels")
                .isEqualTo(403);
    }

    private Map<String, Object> reach(String secret) {
        Map<String, Object> reach = new LinkedHashMap<>();
        reach.put("wecomWebhook", server.url("/cgi-bin/webhook/send?key=wecom-key-1"));
        reach.put("dingtalkWebhook", server.url("/robot/send?access_token=ding-token-1"));
        reach.put("dingtalkSecret", secret);
        reach.put("smsEnabled", true);
        reach.put(
                "contacts",
                List.of(Map.of("name", "张伟", "mobile", "13800000001"), Map.of("name", "李娜", "mobile", "13900000002")));
        return reach;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String sign(String timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
