package cn.duban.notification;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An SMS gateway reached by one HTTP POST per message: {@code duban.notification.sms.url}, with the body made from
 * {@code duban.notification.sms.template} by putting the JSON-quoted mobile number and text in place of
 * {@code {{mobile}}} and {@code {{text}}} (so most gateways' JSON requests can be written there without code).
 */
@Component
class HttpSmsProvider implements SmsProvider {

    private final Webhooks webhooks;
    private final String url;
    private final String template;

    HttpSmsProvider(
            Webhooks webhooks,
            @Value("${duban.notification.sms.url:}") String url,
            @Value("${duban.notification.sms.template}") String template) {
        this.webhooks = webhooks;
        this.url = url;
        this.template = template;
    }

    @Override
    public boolean configured() {
        return !url.isBlank();
    }

    @Override
    public void send(String mobile, String text) throws Exception {
        String body = template.replace("{{mobile}}", quoted(mobile)).replace("{{text}}", quoted(text));
        webhooks.post(url, body);
    }

    /** The value as a JSON string's contents (without the quotes, which the template has). */
    private String quoted(String value) {
        String json = webhooks.toJson(Map.of("v", value));
        return json.substring("{\"v\":\"".length(), json.length() - 2);
    }
}
