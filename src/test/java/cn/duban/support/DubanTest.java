package cn.duban.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real PostgreSQL: a throw-away embedded one by default, or the server named by the
 * {@code postgres} profile ({@code SPRING_PROFILES_ACTIVE=postgres POSTGRES_URL=…}). All tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "duban.embedded-postgres.data-directory=",
            "duban.embedded-postgres.port=0",
            // Tests run asynchronous continuations themselves (see Jobs), so that nothing races them.
            "camunda.bpm.job-execution.enabled=false",
            // Tests deliver notifications themselves (NotificationDelivery.deliverDue), to an in-process SMTP server.
            "duban.notification.delivery-enabled=false",
            // Tests fold the dashboard's count deltas themselves (DashboardCounts.fold), so that tables hold still.
            "duban.dashboard.count-folding-enabled=false",
            // Tests issue documents themselves (Documents.issueDue, or a task's list), so that numbers hold still.
            "duban.document.sweep-enabled=false",
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            // The SMS gateway: a RecordingServer on this port in the tests that send SMS.
            "duban.notification.sms.url=http://127.0.0.1:3026/sms",
            // Spring Boot's tests switch metrics export off; the operations tests read /actuator/prometheus.
            "management.prometheus.metrics.export.enabled=true"
        })
public @interface DubanTest {}
