package io.rollcheck.platform.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.crypto.Masking;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An SMS provider reached over HTTP with the common shape of Chinese SMS APIs: a form POST with the
 * account, signature name, template code, the number and the template parameters as JSON; success
 * when the JSON answer's {@code Code} is {@code OK}. Configured by {@code rollcheck.sms.url},
 * {@code .account}, {@code .secret}, {@code .sign-name}, {@code .template}.
 */
@Singleton
@Requires(property = "rollcheck.sms.provider", value = "http")
public class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String account;
    private final String secret;
    private final String signName;
    private final String template;

    public HttpSmsGateway(@Value("${rollcheck.sms.url}") String url, @Value("${rollcheck.sms.account}") String account,
                          @Value("${rollcheck.sms.secret}") String secret, @Value("${rollcheck.sms.sign-name}") String signName,
                          @Value("${rollcheck.sms.template}") String template) {
        this.url = URI.create(url);
        this.account = account;
        this.secret = secret;
        this.signName = signName;
        this.template = template;
    }

    @Override
    public boolean send(String phone, String text) {
        Map<String, String> form = Map.of("AccessKeyId", account, "AccessSecret", secret, "PhoneNumbers", phone,
                "SignName", signName, "TemplateCode", template,
                "TemplateParam", "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = r.statusCode() == 200 && r.body().replace(" ", "").contains("\"Code\":\"OK\"");
            LOG.info("event=sms_sent to={} ok={} status={}", Masking.phone(phone), ok, r.statusCode());
            return ok;
        } catch (Exception e) {
            LOG.warn("event=sms_failed to={} error={}", Masking.phone(phone), e.getClass().getSimpleName());
            return false;
        }
    }
}
