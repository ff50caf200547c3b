package cn.duban.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A unit's WeCom (企业微信) group robot: {@code {"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[…]}}}
 * posted to its webhook ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}), mentioning the unit's
 * contacts by mobile number.
 */
@Component
class WeComChannel implements NotificationChannel {

    /** WeCom takes at most 2048 bytes of text. */
    static final int MAX_CHARS = 600;

    private final UnitReaches reaches;
    private final Webhooks webhooks;

    WeComChannel(UnitReaches reaches, Webhooks webhooks) {
        this.reaches = reaches;
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return "WECOM";
    }

    @Override
    public String addressOf(User user) {
        return null;
    }

    @Override
    public List<UnitAddress> addressesOf(UnitReach reach) {
        return reach.wecomWebhook() == null ? List.of() : List.of(new UnitAddress(reach.unitId(), reach.unitId()));
    }

    /** {@code unitId}: the robot is looked up when sending, so a corrected address serves the retries. */
    @Override
    public void send(String unitId, String subject, String body) throws Exception {
        UnitReach reach = reaches.find(unitId)
                .filter(r -> r.wecomWebhook() != null)
                .orElseThrow(() -> new IllegalStateException("单位" + unitId + "未设置企业微信机器人"));
        String content = clip(subject + "\n" + body, MAX_CHARS);
        webhooks.post(
                reach.wecomWebhook(),
                webhooks.toJson(Map.of(
                        "msgtype",
                        "text",
                        "text",
                        Map.of("content", content, "mentioned_mobile_list", reach.mobiles()))));
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
