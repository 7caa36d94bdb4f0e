package org.nianbao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;

/**
 * Collecting a report from a site, against a local web server: from a listing page to the report page, or to its
 * attached file; robots.txt obeyed (and its Crawl-delay); one request at a time per host; an address outside the
 * allowed hosts, inside the service's own network, too large or missing named as such.
 */
class WebCollectorTest {

    private HttpServer server;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<Long> times = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            asked.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            times.add(System.nanoTime());
            byte[] body = pages.get(path);
            int status = statuses.getOrDefault(path, body == null ? 404 : 200);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
            }
            exchange.close();
        });
        server.start();
        page("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void page(String path, String text) {
        pages.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private WebCollector collector() {
        return new WebCollector(CollectSettings.of(List.of("127.0.0.1"), List.of("127.0.0.1"))
                .withPerHostInterval(Duration.ofMillis(150)));
    }

    private static String asPage(String text) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><p>发布时间：2024-01-20</p>");
        text.lines().forEach(l -> html.append("<p>").append(l.replace("<", "&lt;")).append("</p>\n"));
        return html.append("</body></html>").toString();
    }

    @Test
    void followsAListingPageToTheReportOfTheYearAndKeepsEveryPageFetched() throws Exception {
        page("/list.html", "<html><body><a href=\"2022.html\">衢州市应急管理局2022年政府信息公开工作年度报告</a>"
                + "<a href=\"/about.html\">关于我们</a><a href=\"2023.html\">衢州市应急管理局2023年政府信息公开工作年度报告</a></body></html>");
        page("/2023.html", asPage(Samples.text("000_0b909c2a4ee59f11.txt")));

        WebCollector.Collected c = collector().collect(base() + "/list.html", 2023);

        assertThat(c.report().uri().getPath()).isEqualTo("/2023.html");
        assertThat(c.fetched()).extracting(f -> f.uri().getPath()).containsExactly("/list.html", "/2023.html");
        assertThat(c.report().status()).isEqualTo(200);
        assertThat(asked).first().asString().startsWith("/robots.txt nianbao/");
    }

    @Test
    void takesTheAttachmentAPageOffersAndFollowsARedirect() throws Exception {
        page("/notice.html", "<html><body><p>通知</p><a href=\"files/%E5%B9%B4%E6%8A%A5.pdf\">附件：2023年政府信息公开工作年度报告</a>"
                + "<a href=\"files/2021.pdf\">2021年度报告</a></body></html>");
        pages.put("/files/年报.pdf".replace("年报", "%E5%B9%B4%E6%8A%A5"), "%PDF-1.4 ...".getBytes(StandardCharsets.UTF_8));
        page("/old", "/notice.html");
        statuses.put("/old", 302);

        WebCollector.Collected c = collector().collect(base() + "/old", 2023);

        assertThat(c.report().uri().getRawPath()).isEqualTo("/files/%E5%B9%B4%E6%8A%A5.pdf");
        assertThat(c.fetched()).extracting(f -> f.uri().getPath()).containsExactly("/notice.html", "/files/年报.pdf");
    }

    @Test
    void obeysRobotsTxtAndNamesEveryFailure() {
        page("/private/report.html", asPage(Samples.text("000_0b909c2a4ee59f11.txt")));
        page("/nothing.html", "<html><body><p>欢迎访问</p><a href=\"/x.html\">新闻</a></body></html>");
        WebCollector collector = collector();

        assertThatThrownBy(() -> collector.collect(base() + "/private/report.html", 2023))
                .hasMessageContaining("robots.txt 不允许采集");
        assertThat(asked).noneMatch(a -> a.startsWith("/private/"));
        assertThatThrownBy(() -> collector.collect(base() + "/missing.html", 2023)).hasMessageContaining("HTTP 404", "页面不存在");
        assertThatThrownBy(() -> collector.collect(base() + "/nothing.html", 2023))
                .hasMessageContaining("没有指向2023年度报告或其附件的链接")
                .satisfies(e -> assertThat(((WebCollector.Failure) e).fetched()).hasSize(1)); // the page kept as evidence
        assertThatThrownBy(() -> collector.collect("http://example.org/report.html", 2023)).hasMessageContaining("不在允许采集的范围内");
        assertThatThrownBy(() -> collector.collect("ftp://127.0.0.1/report.txt", 2023)).hasMessageContaining("只采集 http");
    }

    @Test
    void aServerOfTheServicesOwnNetworkIsNeverAskedUnlessListed() {
        WebCollector unlisted = new WebCollector(CollectSettings.of(List.of("127.0.0.1", "localhost"), List.of()));
        assertThatThrownBy(() -> unlisted.collect(base() + "/list.html", 2023)).hasMessageContaining("内部网络地址");
        assertThat(asked).isEmpty();
        WebCollector nothingAllowed = new WebCollector(CollectSettings.of(List.of(), List.of()));
        assertThat(nothingAllowed.refusal(base() + "/list.html")).contains("尚未设置允许采集的网站");

        for (String internal : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fd00::1", "::ffff:127.0.0.1")) {
            assertThat(AddressPolicy.isInternal(address(internal))).as(internal).isTrue();
        }
        assertThat(AddressPolicy.isInternal(address("202.96.1.1"))).isFalse();
        AddressPolicy gov = new AddressPolicy(List.of("*.gov.cn"), List.of());
        assertThat(gov.hostAllowed("www.qz.gov.cn")).isTrue();
        assertThat(gov.hostAllowed("gov.cn")).isTrue();
        assertThat(gov.hostAllowed("evilgov.cn")).isFalse();
        assertThat(gov.hostAllowed("www.gov.cn.example.org")).isFalse();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void asksOneHostNoFasterThanItsPaceOrItsCrawlDelayAndStopsAtTheSizeLimit() throws Exception {
        page("/robots.txt", "User-agent: *\nCrawl-delay: 0.4\n");
        page("/a.txt", Samples.text("000_0b909c2a4ee59f11.txt"));
        WebCollector collector = collector();
        collector.collect(base() + "/a.txt", 2023);
        collector.collect(base() + "/a.txt", 2023);
        assertThat(times).hasSize(3); // robots.txt once, the report twice
        assertThat(Duration.ofNanos(times.get(2) - times.get(1)).toMillis()).isGreaterThanOrEqualTo(390);

        WebCollector small = new WebCollector(new CollectSettings(List.of("127.0.0.1"), List.of("127.0.0.1"), Duration.ZERO,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1024, 2048, 3, "nianbao"));
        assertThatThrownBy(() -> small.collect(base() + "/a.txt", 2023)).hasMessageContaining("超过 2 KB 的上限");
    }

    @Test
    void robotsTxtIsReadAsRfc9309Says() {
        Robots robots = Robots.parse("""
                User-agent: *
                Disallow: /
                Allow: /xxgk/
                Disallow: /xxgk/*.doc$

                User-agent: nianbao
                User-agent: other
                Disallow: /admin
                Crawl-delay: 5
                """, "nianbao");
        assertThat(robots.allows("/xxgk/a.html")).as("only the group naming it applies").isTrue();
        assertThat(robots.allows("/admin/x")).isFalse();
        assertThat(robots.crawlDelay()).isEqualTo(Duration.ofSeconds(5));

        Robots any = Robots.parse("User-agent: *\nDisallow: /\nAllow: /xxgk/\nDisallow: /xxgk/*.doc$\n", "nianbao");
        assertThat(any.allows("/xxgk/report.html")).isTrue();
        assertThat(any.allows("/xxgk/report.doc")).isFalse();
        assertThat(any.allows("/xxgk/report.docx")).isTrue();
        assertThat(any.allows("/index.html")).isFalse();
        assertThat(Robots.DISALLOW_ALL.allows("/")).isFalse();
        assertThat(Robots.ALLOW_ALL.allows("/anything")).isTrue();
    }
}
