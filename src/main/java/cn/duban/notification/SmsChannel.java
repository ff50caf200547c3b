package cn.duban.notification;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * SMS to each contact of a unit that has SMS switched on, through the {@link SmsProvider}. One outbox row per mobile
 * number and event (the recipient is the number), so a person listed by two units gets one message.
 */
@Component
class SmsChannel implements NotificationChannel {

    /** Long enough for a task code and the reason; gateways split longer texts into several billed parts. */
    static final int MAX_CHARS = 200;

    private final SmsProvider provider;

    SmsChannel(SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "SMS";
    }

    @Override
    public String addressOf(User user) {
        return null;
    }

    @Override
    public List<UnitAddress> addressesOf(UnitReach reach) {
        if (!reach.smsEnabled() || !provider.configured()) {
            return List.of();
        }
        return reach.mobiles().stream()
                .map(mobile -> new UnitAddress("sms:" + mobile, mobile))
                .toList();
    }

    @Override
    public void send(String mobile, String subject, String body) throws Exception {
        provider.send(
                mobile,
                WeComChannel.clip(subject + "。" + body.replace("\n", " ").strip(), MAX_CHARS));
    }
}
