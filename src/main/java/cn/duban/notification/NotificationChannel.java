package cn.duban.notification;

import java.util.List;
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

    /**
     * Where this channel reaches a unit as a whole (a group robot, its contacts' phones): one outbox row each, so an
     * event reaches each of them once. None by default.
     */
    default List<UnitAddress> addressesOf(UnitReach reach) {
        return List.of();
    }

    /** One place a unit is reached: {@code recipient} keys the outbox row (once per event), {@code address} is sent to. */
    record UnitAddress(String recipient, String address) {}

    /** Delivers one message; an exception means "try again later". */
    void send(String address, String subject, String body) throws Exception;
}
