package io.rollcheck.platform.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one Redis client of the process (Lettuce). Redis is a cache and a coordinator, never the only
 * copy of anything: every call here degrades to "not available" instead of failing the caller, and
 * a warning is logged at most once a minute while Redis is away.
 *
 * <p>Keys are always built by {@link #key(String...)}, which puts the deployment prefix in front;
 * callers put the tenant id right after it for tenant data.
 */
@Singleton
public class Redis {

    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /**
     * The key prefix when none is configured. Written in backticks in placeholders: Micronaut reads
     * a bare {@code ${p:rc:}} as "p, else the property rc, else empty", which made it "".
     */
    public static final String DEFAULT_PREFIX = "rc:";

    private final RedisClient client;
    private final String prefix;
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-subscriber");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile long lastWarning;
    /** Failed commands and connection changes so far: anything after which a message may have been lost. */
    private final AtomicLong disruptions = new AtomicLong();
    private volatile boolean closed;

    public Redis(@Value("${rollcheck.redis.url}") String url,
                 @Value("${rollcheck.redis.prefix:`" + DEFAULT_PREFIX + "`}") String prefix) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        if (prefix == null || prefix.isEmpty()) {
            // without a prefix two deployments on one Redis share caches, lockouts and pub/sub
            throw new IllegalStateException("rollcheck.redis.prefix (ROLLCHECK_REDIS_PREFIX) must not be empty");
        }
        this.prefix = prefix;
        this.client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> handler, SocketAddress address) {
                // Messages may have been missed while away: whoever caches drops everything.
                disruptions.incrementAndGet();
                reconnectHooks.forEach(Runnable::run);
            }

            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
                disruptions.incrementAndGet();
            }
        });
        retry.execute(this::subscribe);
    }

    /** {@code <prefix>a:b:c}. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** Runs a command; empty when Redis is unavailable. */
    public <T> Optional<T> call(Function<RedisCommands<String, String>, T> command) {
        if (closed) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.apply(commands()));
        } catch (RuntimeException e) {
            warn(e);
            return Optional.empty();
        }
    }

    public Optional<String> get(String key) {
        return call(c -> c.get(key));
    }

    public void set(String key, String value, Duration ttl) {
        call(c -> c.set(key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    /** Deletes a key; returns false when Redis is unavailable (the key may still be there). */
    public boolean delete(String key) {
        return call(c -> c.del(key)).isPresent();
    }

    /** Publishes on a prefixed channel; returns false when Redis is unavailable. */
    public boolean publish(String channel, String message) {
        return call(c -> c.publish(prefix + channel, message)).isPresent();
    }

    /** Registers a listener for messages on prefixed channels: (channel without prefix, message). */
    public void onMessage(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** Runs after every (re)connection, when messages may have been missed. */
    public void onReconnect(Runnable hook) {
        reconnectHooks.add(hook);
    }

    /**
     * How many times so far a command failed or a connection dropped or came back. Equal numbers at
     * two moments mean: nothing sent in between can have been lost.
     */
    public long disruptions() {
        return disruptions.get();
    }

    /** Whether this node is subscribed to the deployment's channels right now. */
    public boolean subscribed() {
        StatefulRedisPubSubConnection<String, String> ps = pubSub;
        return ps != null && ps.isOpen();
    }

    public boolean ping() {
        return call(RedisCommands::ping).map("PONG"::equals).orElse(false);
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    c = client.connect();
                    connection = c;
                }
            }
        }
        return c.sync();
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> ps = client.connectPubSub();
            ps.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    dispatch(channel, message);
                }
            });
            ps.sync().psubscribe(globEscaped(prefix) + "*");
            pubSub = ps;
            reconnectHooks.forEach(Runnable::run);
        } catch (RuntimeException e) {
            warn(e);
            retry.schedule(this::subscribe, 2, TimeUnit.SECONDS);
        }
    }

    /** The prefix as a literal in a PSUBSCRIBE pattern (glob characters escaped). */
    static String globEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (char ch : s.toCharArray()) {
            if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** This deployment's key prefix. */
    public String prefix() {
        return prefix;
    }

    private void dispatch(String channel, String message) {
        if (!channel.startsWith(prefix)) {
            return;
        }
        String name = channel.substring(prefix.length());
        for (BiConsumer<String, String> l : listeners) {
            try {
                l.accept(name, message);
            } catch (RuntimeException e) {
                LOG.warn("event=redis_listener_failed channel={}", name, e);
            }
        }
    }

    private void warn(RuntimeException e) {
        disruptions.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastWarning > 60_000) {
            lastWarning = now;
            LOG.warn("event=redis_unavailable fallback=database cause={}", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    public void close() {
        closed = true;
        retry.shutdownNow();
        try {
            if (pubSub != null) {
                pubSub.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
