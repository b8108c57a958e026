package io.rollcheck.platform.notify;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Mail over SMTP with Jakarta Mail (Eclipse Angus). Configured by {@code ROLLCHECK_SMTP_*}; without a
 * host nothing is sent and one line says so (never the recipient or the content). Each send builds
 * its own {@link Session}: the JVM-wide default session keeps the first configuration it saw.
 */
@Singleton
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String from;
    private final boolean startTls;

    public Mailer(@Value("${rollcheck.smtp.host:}") String host, @Value("${rollcheck.smtp.port:25}") int port,
                  @Value("${rollcheck.smtp.user:}") String user, @Value("${rollcheck.smtp.password:}") String password,
                  @Value("${rollcheck.smtp.from:noreply@rollcheck.local}") String from,
                  @Value("${rollcheck.smtp.starttls:false}") boolean startTls) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.from = from;
        this.startTls = startTls;
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    /** Sends a plain-text mail; returns false (and logs the fact, not the content) when it could not. */
    public boolean send(String to, String fromName, String subject, String text) {
        if (!configured()) {
            LOG.warn("event=mail_not_sent reason=no_smtp_configured");
            return false;
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        boolean auth = user != null && !user.isBlank();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = auth ? Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        }) : Session.getInstance(p);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(text, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            Transport.send(m);
            return true;
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOG.warn("event=mail_failed cause={}", e.getClass().getSimpleName());
            return false;
        }
    }
}
