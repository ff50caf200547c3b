package cn.duban.notification;

import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through Spring Mail (SMTP settings under {@code spring.mail.*}) to the user's address in Camunda. */
@Component
class MailChannel implements NotificationChannel {

    private final JavaMailSender mailSender;
    private final String from;

    MailChannel(JavaMailSender mailSender, @Value("${duban.notification.mail-from}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public String addressOf(User user) {
        return user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }

    @Override
    public void send(String address, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
    }
}
