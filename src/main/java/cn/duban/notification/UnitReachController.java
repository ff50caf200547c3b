package cn.duban.notification;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/units/{id}/reach}: a unit's WeCom and DingTalk robots and its contacts for SMS, kept by the
 * supervision office (the secret is never shown again, only whether one is set).
 */
@RestController
class UnitReachController {

    private final UnitReaches reaches;

    UnitReachController(UnitReaches reaches) {
        this.reaches = reaches;
    }

    @GetMapping("/api/units/{id}/reach")
    UnitReach reach(@PathVariable String id) {
        return shown(reaches.find(id).orElse(UnitReach.none(id)));
    }

    @PutMapping("/api/units/{id}/reach")
    UnitReach save(@PathVariable String id, @RequestBody UnitReach reach, Principal user) {
        String secret = reach.dingtalkSecret();
        if (KEEP_SECRET.equals(secret)) {
            secret = reaches.find(id).map(UnitReach::dingtalkSecret).orElse(null);
        }
        return shown(reaches.save(
                new UnitReach(
                        id,
                        reach.wecomWebhook(),
                        reach.dingtalkWebhook(),
                        secret,
                        reach.smsEnabled(),
                        reach.contacts()),
                user.getName()));
    }

    /** What the page sends back for a secret it was shown as set: keep it as it is. */
    static final String KEEP_SECRET = "******";

    private static UnitReach shown(UnitReach reach) {
        return new UnitReach(
                reach.unitId(),
                reach.wecomWebhook(),
                reach.dingtalkWebhook(),
                reach.dingtalkSecret() == null ? null : KEEP_SECRET,
                reach.smsEnabled(),
                reach.contacts());
    }
}
