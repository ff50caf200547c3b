package cn.duban.notification;

import java.util.List;

/**
 * How a unit is reached besides its members' inbox and e-mail: its WeCom and DingTalk group robots (null: none) and
 * its contacts, who get an SMS when {@code smsEnabled} and are mentioned (@) in the robots' messages.
 */
public record UnitReach(
        String unitId,
        String wecomWebhook,
        String dingtalkWebhook,
        String dingtalkSecret,
        boolean smsEnabled,
        List<Contact> contacts) {

    /** A person of the unit to reach by mobile phone. */
    public record Contact(String name, String mobile) {}

    static UnitReach none(String unitId) {
        return new UnitReach(unitId, null, null, null, false, List.of());
    }

    List<String> mobiles() {
        return contacts.stream().map(Contact::mobile).toList();
    }
}
