package org.nianbao.web;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The service in a process of its own (the test's classpath), on a loopback port, logging to a file. */
final class ServiceProcess implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service with a 512 MB heap and the given arguments; returns once it is ready. Without a warm-up
     * unless the arguments ask for one ({@link #withoutWarmUp}).
     */
    static ServiceProcess start(String name, Path logDir, List<String> arguments) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(jitAndCollector());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), org.nianbao.Main.class.getName(),
                "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(withoutWarmUp(arguments));
        Path log = logDir.resolve(name + ".log");
        File file = log.toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(file)).start();
        ServiceProcess service = new ServiceProcess(name, port, p, log);
        service.awaitReady();
        return service;
    }

    /**
     * The JIT and collector options this test JVM runs with ({@code nianbao.test.jvm} in the build), for the services
     * a test starts: the first tier only in the test suites, the service's own defaults under {@code -Pload}.
     */
    static List<String> jitAndCollector() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("-XX:TieredStopAtLevel=") || o.matches("-XX:\\+Use\\w+GC")).toList();
    }

    /**
     * {@code arguments}, with {@code --nianbao.warm-up=0s} first when they do not set the warm-up: a service a test
     * starts is there to be stopped, killed or clustered, not to be fast on its first request, and its warm-up (4 s
     * before it is ready, a rule compilation beside it after) would only lengthen every start.
     */
    static List<String> withoutWarmUp(List<String> arguments) {
        if (arguments.stream().anyMatch(a -> a.startsWith("--nianbao.warm-up="))) {
            return arguments;
        }
        List<String> all = new ArrayList<>(List.of("--nianbao.warm-up=0s"));
        all.addAll(arguments);
        return all;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " was not ready in 90 s: " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook runs, nothing is handed back or flushed by the service. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: the orderly stop. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String log() throws java.io.IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
