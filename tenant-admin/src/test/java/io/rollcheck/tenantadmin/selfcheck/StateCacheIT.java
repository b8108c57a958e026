package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The student state cache on two nodes: a student's entry and a whole tenant's entries are retired
 * on both nodes by one call on either, and a tenant's retirement leaves other tenants' entries alone.
 */
class StateCacheIT {

    static TestApp one;
    static TestApp two;

    @BeforeAll
    static void start() {
        one = TestApp.start();
        two = TestApp.start();
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    private static CheckState state(String name) {
        return new CheckState(1, name, 1, "sha", null, "", null, null, null, CheckState.Phase.OPEN,
                CheckState.Status.NOT_STARTED, "CHECK_FIELDS", name, "B1", List.of(), 0, List.of(), null, 0);
    }

    private static Supplier<CheckState> loader(AtomicInteger loads, String name) {
        return () -> {
            loads.incrementAndGet();
            return state(name + "#" + loads.get());
        };
    }

    private static void eventually(Runnable check) throws InterruptedException {
        long until = System.nanoTime() + 1_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void a_tenant_wide_change_retires_every_state_of_that_tenant_on_every_node_and_nothing_else() throws Exception {
        Tenant a = one.aTenant();
        Tenant b = one.aTenant();
        StateCache c1 = one.bean(StateCache.class);
        StateCache c2 = two.bean(StateCache.class);
        AtomicInteger loads = new AtomicInteger();
        String stamp = Instant.now().toString();

        assertEquals("a7#1", c1.get(a.context(), 7, loader(loads, "a7")).campaignName());
        assertEquals("a7#1", c2.get(a.context(), 7, loader(loads, "a7")).campaignName(), "node two reads node one's entry from Redis");
        assertEquals("b7#2", c1.get(b.context(), 7, loader(loads, "b7")).campaignName());
        assertEquals(2, loads.get(), stamp);

        c2.invalidateTenant(a.context());
        eventually(() -> assertEquals("a7#3", c1.get(a.context(), 7, loader(loads, "a7")).campaignName()));
        assertEquals("a7#3", c2.get(a.context(), 7, loader(loads, "a7")).campaignName());
        assertEquals("b7#2", c2.get(b.context(), 7, loader(loads, "b7")).campaignName(), "tenant B keeps its entries");
        assertEquals(3, loads.get());

        c1.invalidate(a.context(), 7);
        eventually(() -> assertEquals("a7#4", c2.get(a.context(), 7, loader(loads, "a7")).campaignName()));
        assertEquals("a7#4", c1.get(a.context(), 7, loader(loads, "a7")).campaignName());
    }
}
