package io.rollcheck.webui.admin.roster;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs roster imports off the request threads, two at a time at most (an import keeps a core busy
 * for seconds; more in parallel would only slow every one of them down). The log context of the
 * request that started a job (tenant, request id) goes along with it.
 */
@Singleton
class ImportJobs {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ui-roster-import-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    void submit(Runnable job) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        pool.execute(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                job.run();
            } finally {
                MDC.clear();
            }
        });
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
