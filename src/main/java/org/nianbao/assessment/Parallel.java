package org.nianbao.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Work over many reports on every core: the items are cut into chunks, each chunk is one task, and the results come
 * back in the items' order whatever order the tasks end in. Rules, scorecards and assessors are immutable and shared;
 * each task makes its own rule sessions.
 */
public final class Parallel {

    private Parallel() {
    }

    /** The threads to use: one per core. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * {@code work} applied to every chunk of at most {@code chunk} items, on {@code threads} threads; {@code done}
     * hears the number of items finished so far after each chunk. The first failure stops the rest and is thrown.
     */
    public static <T, R> List<R> inChunks(List<T> items, int chunk, int threads, Function<List<T>, List<R>> work,
                                          IntConsumer done) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += chunk) {
            chunks.add(items.subList(i, Math.min(items.size(), i + chunk)));
        }
        if (threads <= 1 || chunks.size() == 1) {
            List<R> results = new ArrayList<>(items.size());
            for (List<T> c : chunks) {
                results.addAll(work.apply(c));
                done.accept(results.size());
            }
            return results;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks.size()), r -> {
            Thread t = new Thread(r, "assess-parallel");
            t.setDaemon(true);
            t.setContextClassLoader(loader); // as the caller's: inside the packaged jar the engine looks classes up there
            return t;
        });
        try {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (List<T> c : chunks) {
                futures.add(pool.submit(() -> {
                    List<R> r = work.apply(c);
                    done.accept(finished.addAndGet(c.size()));
                    return r;
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<List<R>> f : futures) {
                results.addAll(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw thrown(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a task threw, to be thrown again as it was: its unchecked exception (returned, for the caller to throw) or
     * its error (thrown here); anything else wrapped.
     */
    public static RuntimeException thrown(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }
}
