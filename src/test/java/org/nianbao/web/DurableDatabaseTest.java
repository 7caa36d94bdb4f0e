package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.store.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database given by its location alone, as an operator who moves it writes it
 * ({@code --spring.datasource.url=jdbc:h2:file:/data/db}, or a bare PostgreSQL URL): what the service acknowledged
 * survives SIGKILL, an orderly stop hands its job items back before the database closes, and a URL that would delay
 * writes is refused at start with a message that says what to remove.
 */
@Tag("database")
@Tag("slow")
class DurableDatabaseTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The database {@code name} by its location only: an H2 file with no settings, or a PostgreSQL database. */
    private List<String> bareDatabase(String name) {
        return TestDatabases.postgres() == null
                ? List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve(name).toAbsolutePath())
                : TestDatabases.arguments(name, null);
    }

    private Connection connect(String name) throws Exception {
        return TestDatabases.postgres() == null
                ? DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), "sa", "")
                : DriverManager.getConnection(TestDatabases.url(name, null));
    }

    @Test
    void everyWriteAcknowledgedBeforeAKillIsThereAfterARestartWhenTheUrlNamesOnlyTheLocation() throws Exception {
        List<String> database = bareDatabase("bare-kill");
        Set<String> privateLinks = ConcurrentHashMap.newKeySet();
        Set<Long> stored = ConcurrentHashMap.newKeySet();
        List<String> versions = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger activationsSent = new AtomicInteger();
        String initial;
        try (ServiceProcess first = ServiceProcess.start("first", dir, database)) {
            initial = json.readTree(send(SignIn.asAdmin(first.url("/api/rules")).build(), 200)).get("ruleset").asString();
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(3);
            clients.execute(() -> { // anonymous self-checks: private, each by its link
                for (int i = 0; going.get(); i++) {
                    String sample = Samples.NAMES.get(i % Samples.NAMES.size());
                    try {
                        HttpResponse<String> r = http.send(new Multipart().file("file", sample, Samples.bytes(sample))
                                .post(HttpRequest.newBuilder(URI.create(first.url("/api/assessments")))),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            privateLinks.add(r.headers().firstValue("Location").orElseThrow());
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            clients.execute(() -> { // an account's self-checks, stored for the committee
                for (int i = 0; going.get(); i++) {
                    String sample = Samples.NAMES.get(i % Samples.NAMES.size());
                    try {
                        HttpResponse<String> r = http.send(new Multipart().file("file", sample, Samples.bytes(sample))
                                .post(SignIn.asAdmin(first.url("/api/assessments"))), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            stored.add(json.readTree(r.body()).get("id").asLong());
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            clients.execute(() -> { // activations: the example rule in and out
                byte[] example = read("rules/examples/problems.dslr");
                for (int i = 0; going.get(); i++) {
                    try {
                        Multipart body = new Multipart().fields("reason", "持久性测试 " + i);
                        HttpRequest request = i % 2 == 0
                                ? body.file("files", "problems.dslr", example).post(SignIn.asAdmin(first.url("/api/rules/activate")))
                                : body.post(SignIn.asAdmin(first.url("/api/rules/activate")));
                        activationsSent.incrementAndGet();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            versions.add(json.readTree(r.body()).get("version").asString());
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            // busy for at least 2.5 s, and until an activation was acknowledged (it builds and tests a ruleset: at most 120 s)
            Instant since = Instant.now();
            while ((Duration.between(since, Instant.now()).toMillis() < 2500 || versions.isEmpty() || privateLinks.isEmpty())
                    && Duration.between(since, Instant.now()).toSeconds() < 120) {
                Thread.sleep(50);
            }
            first.kill(); // SIGKILL right after the last acknowledgements
            going.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(privateLinks).as("anonymous self-checks acknowledged before the kill").hasSizeGreaterThan(1);
        assertThat(stored).as("an account's self-checks acknowledged before the kill").isNotEmpty();
        assertThat(versions).as("activations acknowledged before the kill").isNotEmpty();

        try (ServiceProcess second = ServiceProcess.start("second", dir, database)) {
            for (String link : privateLinks) {
                send(HttpRequest.newBuilder(URI.create(second.url(link))).build(), 200);
            }
            Set<Long> listed = new java.util.HashSet<>();
            json.readTree(send(SignIn.asAdmin(second.url("/api/assessments")).build(), 200))
                    .forEach(a -> listed.add(a.get("id").asLong()));
            assertThat(listed).containsAll(stored);
            String inForce = json.readTree(send(SignIn.asAdmin(second.url("/api/rules")).build(), 200)).get("ruleset").asString();
            String last = versions.get(versions.size() - 1);
            if (activationsSent.get() == versions.size()) {
                assertThat(inForce).isEqualTo(last);
            } else { // one was in flight at the kill: the last acknowledged, or that one (the other of the two)
                Set<String> either = new java.util.HashSet<>(versions);
                either.add(initial);
                assertThat(inForce).isIn(either);
            }
        }
    }

    @Test
    void anOrderlyStopHandsItsJobItemsBackBeforeTheDatabaseCloses() throws Exception {
        List<String> arguments = new ArrayList<>(bareDatabase("bare-stop"));
        arguments.addAll(List.of("--nianbao.instance-id=stop-test", "--nianbao.jobs.threads=2"));
        ServiceProcess service = ServiceProcess.start("stopping", dir, arguments);
        try (service) {
            long round = json.readTree(send(SignIn.asAdmin(service.url("/api/rounds")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"停止\",\"year\":2023}")).build(), 201)).get("id").asLong();
            HttpResponse<String> accepted = http.send(new Multipart().file("file", "reports.zip", CrashSafetyTest.reports(200))
                    .post(SignIn.asAdmin(service.url("/api/rounds/" + round + "/submissions"))), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String job = accepted.headers().firstValue("Location").orElseThrow();
            Instant until = Instant.now().plusSeconds(60);
            JsonNode state;
            do {
                assertThat(Instant.now()).as("no item of the job was assessed").isBefore(until);
                Thread.sleep(50);
                state = json.readTree(send(SignIn.asAdmin(service.url(job)).build(), 200));
            } while (state.get("done").asInt() < 2);
            assertThat(state.get("state").asString()).as("stopped in the middle of the job").isNotEqualTo("done");

            service.stop(); // SIGTERM
            assertThat(service.log()).doesNotContain("未能交回", "already closed", "Database is already closed");
        }
        try (Connection c = connect("bare-stop"); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN claimed_by IS NULL THEN 0 ELSE 1 END) "
                     + "FROM job_item WHERE state = 'pending'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("items left for the next start").isPositive();
            assertThat(rs.getInt(2)).as("items still claimed by the stopped instance").isZero();
        }
    }

    @Test
    void aUrlThatWouldDelayWritesIsRefusedAtStartWithWhatToRemove() {
        String url = "jdbc:h2:file:" + dir.resolve("delayed").toAbsolutePath() + ";WRITE_DELAY=500";

        assertThatThrownBy(() -> ServiceProcess.start("delayed", dir, List.of("--spring.datasource.url=" + url)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("服务未启动")
                .hasMessageContaining("WRITE_DELAY=500")
                .hasMessageContaining("去掉");
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(request.uri() + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
