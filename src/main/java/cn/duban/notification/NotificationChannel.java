package cn.duban.notification;

import org.camunda.bpm.engine.identity.User;

/**
 * A way to reach people besides the in-app inbox (e-mail, SMS, WeCom, …). A new channel is one more Spring bean
 * implementing this; the workflow does not change.
 */
public interface NotificationChannel {

    /** The channel's name in the outbox, e.g. {@code EMAIL}. */
    String name();

    /** Where this channel reaches the user, or null when it cannot. */
    String addressOf(User user);

    /** Delivers one message; an exception means "try again later". */
    void send(String address, String subject, String body) throws Exception;
}
