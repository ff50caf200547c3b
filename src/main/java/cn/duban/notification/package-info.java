/**
 * (通知) The outbox, the inbox and the channels (e-mail) with their delivery. Owns duban.notification. API: {@link
 * cn.duban.notification.Notifications}, {@link cn.duban.notification.NotificationChannel}, {@link
 * cn.duban.notification.DeliveryBacklog}.
 */
@ApplicationModule(
        displayName = "Notification",
        allowedDependencies = {"identity"})
package cn.duban.notification;

import org.springframework.modulith.ApplicationModule;
