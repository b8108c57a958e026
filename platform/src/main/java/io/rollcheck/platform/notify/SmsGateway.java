package io.rollcheck.platform.notify;

/**
 * Sends one text message. The default logs (masked number, no text); a real provider is chosen with
 * {@code rollcheck.sms.provider}. Implementations return false on a refusal; they never log the number
 * in clear.
 */
public interface SmsGateway {

    boolean send(String phone, String text);
}
