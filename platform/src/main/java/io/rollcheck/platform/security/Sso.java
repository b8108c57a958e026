package io.rollcheck.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-tenant single sign-on with OpenID Connect (authorization code flow). Each university
 * configures its own issuer, client and the claim that carries the 学号/工号; the ID token must be
 * signed by that issuer's keys, name that issuer and this client, and carry the nonce of this
 * sign-in. A token from another tenant's issuer is refused. The user is matched to the roster:
 * staff by user name, students by 学号.
 */
@Singleton
public class Sso {

    private static final Logger LOG = LoggerFactory.getLogger(Sso.class);
    private static final Duration STATE_TTL = Duration.ofMinutes(10);

    /** The registrar's settings (the secret only ever travels inward). */
    public record Config(String issuer, String clientId, String clientSecret, String usernameClaim, boolean enabled) {
    }

    private final Db db;
    private final Pii pii;
    private final Redis redis;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Cache<String, Map<String, Object>> discovery = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(5_000).build();
    private final Cache<String, JWKSource<SecurityContext>> keys = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(6)).maximumSize(5_000).build();
    private final Cache<String, String> localStates = Caffeine.newBuilder().expireAfterWrite(STATE_TTL).build();

    public Sso(Db db, Pii pii, Redis redis, ObjectMapper json, AuditLog audit) {
        this.db = db;
        this.pii = pii;
        this.redis = redis;
        this.json = json;
        this.audit = audit;
    }

    public void configure(TenantContext t, Config c, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (c.issuer() == null || !(c.issuer().startsWith("https://") || c.issuer().startsWith("http://"))) {
            errors.add(new FieldError("issuer", "sso.issuer"));
        }
        if (c.clientId() == null || c.clientId().isBlank()) {
            errors.add(new FieldError("clientId", "sso.clientId"));
        }
        if (c.clientSecret() == null || c.clientSecret().isBlank()) {
            errors.add(new FieldError("clientSecret", "sso.clientSecret"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String claim = c.usernameClaim() == null || c.usernameClaim().isBlank() ? "preferred_username" : c.usernameClaim().strip();
        db.tenant(t, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO sso_config (id, issuer, client_id, client_secret_enc, username_claim, enabled) VALUES (1,?,?,?,?,?)"
                            + " ON CONFLICT (id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,"
                            + " client_secret_enc = EXCLUDED.client_secret_enc, username_claim = EXCLUDED.username_claim,"
                            + " enabled = EXCLUDED.enabled, updated_at = now()")) {
                ps.setString(1, c.issuer().strip());
                ps.setString(2, c.clientId().strip());
                ps.setBytes(3, pii.seal(t, "sso_client_secret", c.clientSecret()));
                ps.setString(4, claim);
                ps.setBoolean(5, c.enabled());
                ps.executeUpdate();
            }
            audit.append(conn, actor, "config.ssoChanged", "sso", "issuer=" + c.issuer().strip(), null);
            return null;
        });
    }

    public Optional<Config> config(TenantContext t) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT issuer, client_id, client_secret_enc, username_claim, enabled FROM sso_config WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Config>empty();
                }
                return Optional.of(new Config(rs.getString(1), rs.getString(2),
                        pii.open(t, "sso_client_secret", rs.getBytes(3)), rs.getString(4), rs.getBoolean(5)));
            }
        });
    }

    /** The provider URL to send the browser to; remembers state and nonce for ten minutes. */
    public URI start(TenantContext t, String redirectUri) {
        Config c = config(t).filter(Config::enabled).orElseThrow(() -> ValidationFailed.of("sso", "sso.notConfigured"));
        Map<String, Object> meta = discover(c.issuer());
        String state = Tokens.random(24);
        String nonce = Tokens.random(24);
        String value = nonce + " " + redirectUri;
        String key = stateKey(t, state);
        if (redis.call(r -> r.setex(key, STATE_TTL.toSeconds(), value)).isEmpty()) {
            localStates.put(key, value);
        }
        String url = meta.get("authorization_endpoint") + "?response_type=code&scope=openid%20profile"
                + "&client_id=" + enc(c.clientId()) + "&redirect_uri=" + enc(redirectUri)
                + "&state=" + enc(state) + "&nonce=" + enc(nonce);
        return URI.create(url);
    }

    /**
     * Finishes the flow: exchanges the code, checks the ID token and matches the user. Empty when
     * anything does not hold (the reason goes to the audit log, not to the caller).
     */
    public Optional<Principal> complete(TenantContext t, String state, String code, String ip) {
        String key = stateKey(t, state == null ? "" : state);
        String stored = redis.call(r -> r.getdel(key)).orElseGet(() -> {
            String v = localStates.getIfPresent(key);
            localStates.invalidate(key);
            return v;
        });
        if (stored == null || code == null) {
            audit.tenant(t, "anonymous", "auth.ssoRefused", "sso", "unknown or used state", ip);
            return Optional.empty();
        }
        String nonce = stored.substring(0, stored.indexOf(' '));
        String redirectUri = stored.substring(stored.indexOf(' ') + 1);
        Config c = config(t).filter(Config::enabled).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> meta = discover(c.issuer());
            String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri);
            String basic = Base64.getEncoder().encodeToString((enc(c.clientId()) + ":" + enc(c.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create((String) meta.get("token_endpoint")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                audit.tenant(t, "anonymous", "auth.ssoRefused", "sso", "token endpoint " + r.statusCode(), ip);
                return Optional.empty();
            }
            Map<String, Object> tokens = json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
            JWTClaimsSet claims = verify(c, meta, (String) tokens.get("id_token"), nonce);
            Object value = claims.getClaim(c.usernameClaim());
            if (!(value instanceof String username) || username.isBlank()) {
                audit.tenant(t, "anonymous", "auth.ssoRefused", "sso", "claim missing: " + c.usernameClaim(), ip);
                return Optional.empty();
            }
            Optional<Principal> p = match(t, username.strip());
            audit.tenant(t, p.map(Principal::username).orElse("anonymous"),
                    p.isPresent() ? "auth.signIn" : "auth.ssoRefused", "sso", p.isPresent() ? "oidc" : "not on the roster", ip);
            return p;
        } catch (Exception e) {
            LOG.warn("event=sso_failed tenant={} cause={}", t.slug(), e.getClass().getSimpleName());
            audit.tenant(t, "anonymous", "auth.ssoRefused", "sso", e.getClass().getSimpleName(), ip);
            return Optional.empty();
        }
    }

    JWTClaimsSet verify(Config c, Map<String, Object> meta, String idToken, String nonce) throws Exception {
        if (idToken == null) {
            throw new IllegalStateException("no id_token");
        }
        JWKSource<SecurityContext> source = keys.get(c.issuer(), i -> {
            try {
                return JWKSourceBuilder.create(URI.create((String) meta.get("jwks_uri")).toURL()).build();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(c.clientId(),
                new JWTClaimsSet.Builder().issuer(c.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "exp", "iat")));
        return p.process(idToken, null);
    }

    private Optional<Principal> match(TenantContext t, String username) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, display_name, roles, student_id FROM users WHERE username = ? AND NOT disabled")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new Principal(t.slug(), rs.getLong(1), rs.getString(2), rs.getString(3),
                                Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getObject(5, Long.class)));
                    }
                }
            }
            // a student on the roster without an account yet: the provider vouched for him
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, display_name, roles, student_id)"
                            + " SELECT student_no, name, ARRAY['STUDENT'], id FROM students WHERE student_no = ?"
                            + " ON CONFLICT (username) DO NOTHING RETURNING id, username, display_name, student_id")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new Principal(t.slug(), rs.getLong(1), rs.getString(2), rs.getString(3),
                                List.of(Roles.STUDENT), rs.getObject(4, Long.class)));
                    }
                }
            }
            return Optional.<Principal>empty();
        });
    }

    Map<String, Object> discover(String issuer) {
        return discovery.get(issuer, i -> {
            try {
                String url = i.endsWith("/") ? i + ".well-known/openid-configuration" : i + "/.well-known/openid-configuration";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("discovery answered " + r.statusCode());
                }
                Map<String, Object> m = json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
                if (!i.equals(m.get("issuer"))) {
                    throw new IllegalStateException("discovery names another issuer");
                }
                return m;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("discovery failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private String stateKey(TenantContext t, String state) {
        return redis.key("t", Long.toString(t.tenantId()), "sso-state", state);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
