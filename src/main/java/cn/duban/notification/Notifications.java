package cn.duban.notification;

import cn.duban.identity.AsSystem;
import cn.duban.identity.TransactionMemo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tells the people of some units that something needs them: one inbox entry each, and one outbox row per further
 * channel that can reach them, all in the caller's (the engine's) transaction. The same event never notifies the
 * same person twice on a channel.
 */
@Service
public class Notifications {

    static final String INBOX = "INBOX";

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final List<NotificationChannel> channels;

    private final UnitReaches reaches;
    private final TransactionMemo memo = new TransactionMemo();

    Notifications(
            JdbcClient jdbc, IdentityService identityService, List<NotificationChannel> channels, UnitReaches reaches) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.channels = channels;
        this.reaches = reaches;
    }

    public void notifyGroups(String eventKey, Collection<String> groupIds, String subject, String body) {
        Rows rows = new Rows();
        collect(rows, eventKey, groupIds, subject, body, members(groupIds));
        if (!rows.recipients.isEmpty()) {
            insert(rows);
        }
    }

    /**
     * Many events at once (the daily supervision sweep's batch): each unit's members are looked up once, and every
     * row of every event is written in one statement.
     */
    public void notifyGroups(List<GroupNotice> notices) {
        Map<String, Collection<User>> membersOf = new HashMap<>();
        Rows rows = new Rows();
        for (GroupNotice notice : notices) {
            Map<String, User> users = new LinkedHashMap<>();
            for (String groupId : notice.groupIds()) {
                membersOf
                        .computeIfAbsent(groupId, id -> members(List.of(id)))
                        .forEach(user -> users.putIfAbsent(user.getId(), user));
            }
            collect(rows, notice.eventKey(), notice.groupIds(), notice.subject(), notice.body(), users.values());
        }
        if (!rows.recipients.isEmpty()) {
            insert(rows);
        }
    }

    /** One event to tell the members (and the units' own addresses) of some groups. */
    public record GroupNotice(String eventKey, Collection<String> groupIds, String subject, String body) {}

    private void collect(
            Rows rows,
            String eventKey,
            Collection<String> groupIds,
            String subject,
            String body,
            Collection<User> members) {
        List<String> recipients = new ArrayList<>();
        List<String> channelNames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (User user : members) {
            recipients.add(user.getId());
            channelNames.add(INBOX);
            addresses.add(null);
            for (NotificationChannel channel : channels) {
                String address = channel.addressOf(user);
                if (address != null) {
                    recipients.add(user.getId());
                    channelNames.add(channel.name());
                    addresses.add(address);
                }
            }
        }
        // The units' own robots and contacts (WeCom, DingTalk, SMS), each once per event.
        for (String groupId : groupIds) {
            Optional.ofNullable(this.<Map<String, UnitReach>>remembered("reaches", reaches::all)
                            .get(groupId))
                    .ifPresent(reach -> {
                        for (NotificationChannel channel : channels) {
                            for (NotificationChannel.UnitAddress address : channel.addressesOf(reach)) {
                                recipients.add(address.recipient());
                                channelNames.add(channel.name());
                                addresses.add(address.address());
                            }
                        }
                    });
        }
        for (int i = 0; i < recipients.size(); i++) {
            rows.eventKeys.add(eventKey);
            rows.subjects.add(subject);
            rows.bodies.add(body);
        }
        rows.recipients.addAll(recipients);
        rows.channels.addAll(channelNames);
        rows.addresses.addAll(addresses);
    }

    /** The outbox rows to write, column by column. */
    private static final class Rows {
        final List<String> eventKeys = new ArrayList<>();
        final List<String> recipients = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        final List<String> addresses = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
    }

    private Collection<User> members(Collection<String> groupIds) {
        // Who belongs to a unit is not secret to the workflow, whoever's action caused the notification.
        return AsSystem.call(identityService, () -> {
            Map<String, User> users = new LinkedHashMap<>();
            for (String groupId : groupIds) {
                this.<List<User>>remembered(
                                "members:" + groupId,
                                () -> identityService
                                        .createUserQuery()
                                        .memberOfGroup(groupId)
                                        .list())
                        .forEach(user -> users.putIfAbsent(user.getId(), user));
            }
            return users.values();
        });
    }

    /** Read once per transaction: one plan's tasks, or one task's parts, notify the same units again and again. */
    private <V> V remembered(String name, Supplier<V> read) {
        return memo.get(name, read);
    }

    /** Every recipient's row in one statement: one round trip to the database, however many people are told. */
    private void insert(Rows rows) {
        jdbc.sql("""
                        insert into duban.notification (event_key, recipient, channel, address, subject, body)
                        select event_key, recipient, channel, address, subject, body
                        from unnest(:eventKeys::varchar[], :recipients::varchar[], :channels::varchar[],
                                    :addresses::varchar[], :subjects::varchar[], :bodies::text[])
                             as row (event_key, recipient, channel, address, subject, body)
                        on conflict (event_key, recipient, channel) do nothing""")
                .param("eventKeys", rows.eventKeys.toArray(String[]::new))
                .param("recipients", rows.recipients.toArray(String[]::new))
                .param("channels", rows.channels.toArray(String[]::new))
                .param("addresses", rows.addresses.toArray(String[]::new))
                .param("subjects", rows.subjects.toArray(String[]::new))
                .param("bodies", rows.bodies.toArray(String[]::new))
                .update();
    }
}
