package cn.duban.notification;

import cn.duban.identity.AsSystem;
import java.util.ArrayList;
import java.util.Collection;
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
        List<String> recipients = new ArrayList<>();
        List<String> channelNames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (User user : members(groupIds)) {
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
            this.<Optional<UnitReach>>remembered("reach:" + groupId, () -> reaches.find(groupId))
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
        if (!recipients.isEmpty()) {
            insert(eventKey, recipients, channelNames, addresses, subject, body);
        }
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
    private void insert(
            String eventKey,
            List<String> recipients,
            List<String> channelNames,
            List<String> addresses,
            String subject,
            String body) {
        jdbc.sql("""
                        insert into duban.notification (event_key, recipient, channel, address, subject, body)
                        select :eventKey, recipient, channel, address, :subject, :body
                        from unnest(:recipients::varchar[], :channels::varchar[], :addresses::varchar[])
                             as row (recipient, channel, address)
                        on conflict (event_key, recipient, channel) do nothing""")
                .param("eventKey", eventKey)
                .param("subject", subject)
                .param("body", body)
                .param("recipients", recipients.toArray(String[]::new))
                .param("channels", channelNames.toArray(String[]::new))
                .param("addresses", addresses.toArray(String[]::new))
                .update();
    }
}
