package cn.duban.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Delivers the outbox every few seconds on every node (safe: rows are claimed, see {@link NotificationDelivery}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.notification.delivery-enabled", havingValue = "true", matchIfMissing = true)
class NotificationDeliverySchedule {

    private final NotificationDelivery delivery;

    NotificationDeliverySchedule(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${duban.notification.delivery-interval}")
    void deliver() {
        while (delivery.deliverDue() == NotificationDelivery.BATCH) {
            // a full batch: more may be waiting
        }
    }
}
