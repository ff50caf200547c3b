package cn.duban.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A unit's DingTalk (钉钉) group robot: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…},
 * "at":{"atMobiles":[…],"isAtAll":false}}} posted to {@code https://oapi.dingtalk.com/robot/send?access_token=…}.
 * With a 加签 secret the URL also carries {@code timestamp} (milliseconds) and {@code sign}: Base64 of HmacSHA256 over
 * {@code timestamp + "\n" + secret} keyed with the secret, URL-encoded.
 */
@Component
class DingTalkChannel implements NotificationChannel {

    private final UnitReaches reaches;
    private final Webhooks webhooks;
    private final Clock clock = Clock.systemUTC();

    DingTalkChannel(UnitReaches reaches, Webhooks webhooks) {
        this.reaches = reaches;
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return "DINGTALK";
    }

    @Override
    public String addressOf(User user) {
        return null;
    }

    @Override
    public List<UnitAddress> addressesOf(UnitReach reach) {
        return reach.dingtalkWebhook() == null ? List.of() : List.of(new UnitAddress(reach.unitId(), reach.unitId()));
    }

    @Override
    public void send(String unitId, String subject, String body) throws Exception {
        UnitReach reach = reaches.find(unitId)
                .filter(r -> r.dingtalkWebhook() != null)
                .orElseThrow(() -> new IllegalStateException("单位" + unitId + "未设置钉钉机器人"));
        // DingTalk mentions only those whose number also stands in the text.
        String mentions = reach.mobiles().stream().map(mobile -> "@" + mobile).collect(Collectors.joining(" "));
        String text = "#### " + subject + "\n\n" + body.strip().replace("\n", "\n\n")
                + (mentions.isEmpty() ? "" : "\n\n" + mentions);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        message.put("markdown", Map.of("title", subject, "text", WeComChannel.clip(text, 4000)));
        message.put("at", Map.of("atMobiles", reach.mobiles(), "isAtAll", false));
        webhooks.post(
                signed(reach.dingtalkWebhook(), reach.dingtalkSecret(), clock.millis()), webhooks.toJson(message));
    }

    static String signed(String webhook, String secret, long timestamp) throws Exception {
        if (secret == null) {
            return webhook;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sign = Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        return webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }
}
