package org.aigaq.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs independent read-only transactions at once, each on its own connection and as the signed-in user, so that
 * statements that do not need each other's answers (a search's page and its facets' counts) take the time of the
 * slowest instead of their sum.
 */
@Component
public class ConcurrentReads implements AutoCloseable {

    private final TransactionTemplate reads;
    private final ExecutorService workers;

    ConcurrentReads(PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        reads.setReadOnly(true);
        // Virtual threads: a read waits on the database, and the connection pool, not a thread pool, bounds how many
        // run. The security context of the caller goes with each read (the access rules are in its SQL).
        this.workers = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * The results of {@code tasks}, in their order, each run in a read-only transaction of its own. The caller holds no
     * connection while it waits, so callers waiting for reads cannot take every connection the reads need. Inside a
     * transaction already begun the tasks run in it, one after the other, since they must see what it wrote.
     */
    public <T> List<T> all(List<Supplier<T>> tasks) {
        if (tasks.size() < 2 || TransactionSynchronizationManager.isActualTransactionActive()) {
            return tasks.stream().map(this::one).toList();
        }
        var futures = new ArrayList<Future<T>>();
        try {
            for (Supplier<T> task : tasks.subList(1, tasks.size())) {
                futures.add(workers.submit(() -> one(task)));
            }
            var results = new ArrayList<T>();
            results.add(one(tasks.getFirst()));
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for concurrent reads");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } finally {
            // Not interrupted: an interrupt would close a connection in the middle of its statement; the reads left finish.
            futures.forEach(f -> f.cancel(false));
        }
    }

    /** The result of {@code task} in a read-only transaction (the caller's, if one is begun). */
    public <T> T one(Supplier<T> task) {
        return reads.execute(status -> task.get());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
