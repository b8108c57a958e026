package io.rollcheck.platform.notify;

import io.micronaut.context.annotation.Requires;
import io.rollcheck.platform.crypto.Masking;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default gateway: records that a message would go out (masked number, length only). */
@Singleton
@Requires(property = "rollcheck.sms.provider", value = "log", defaultValue = "log")
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public boolean send(String phone, String text) {
        LOG.info("event=sms_logged to={} chars={}", Masking.phone(phone), text.length());
        return true;
    }
}
