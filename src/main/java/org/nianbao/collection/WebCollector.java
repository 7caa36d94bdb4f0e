package org.nianbao.collection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nianbao.reading.Readers;

/**
 * Collects an agency's report from the address its committee's list gives: fetches the page, follows it to the
 * report — the page itself when it is the report, else the attachment (PDF, Word) or the page it links to — and
 * hands back every document fetched on the way, as fetched, with its address and time.
 *
 * <p>Politely and safely: only hosts the administrator allows and never an address of the service's own network
 * ({@link AddressPolicy}, checked again at every redirect); a site's robots.txt is read first and obeyed, its
 * Crawl-delay too; one request at a time per host with a pause between them; time limits on connecting and on each
 * answer; a page larger than {@code maxPageBytes} or a report larger than {@code maxReportBytes} is not read further.
 * Each way it can fail is a {@link Failure} whose message names it in Chinese, with what was fetched before.
 */
public class WebCollector {

    /** One document fetched: where from, when, the answer's status and type, and its bytes. */
    public record Fetched(URI uri, Instant at, int status, String mediaType, byte[] body) {
    }

    /** The report collected, and every document fetched on the way to it (the report last). */
    public record Collected(List<Fetched> fetched, Fetched report) {
    }

    /** Collecting failed, with why and what had been fetched before. */
    public static final class Failure extends Exception {
        private final transient List<Fetched> fetched;

        Failure(String message, List<Fetched> fetched) {
            super(message);
            this.fetched = List.copyOf(fetched);
        }

        public List<Fetched> fetched() {
            return fetched;
        }
    }

    private static final int MAX_REDIRECTS = 5;
    private static final Duration ROBOTS_KEPT = Duration.ofHours(1);

    private final CollectSettings settings;
    private final AddressPolicy policy;
    private final HttpClient http;
    private final HostPacer pacer = new HostPacer();
    private final Map<String, KeptRobots> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record KeptRobots(Robots robots, Instant until) {
    }

    public WebCollector(CollectSettings settings) {
        this.settings = settings;
        this.policy = new AddressPolicy(settings.allowedHosts(), settings.allowedAddresses());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
    }

    public CollectSettings settings() {
        return settings;
    }

    /** Why an address would not be collected at all (a host not allowed, an internal address), or null. */
    public String refusal(String address) {
        try {
            return policy.refusal(new URI(address));
        } catch (URISyntaxException e) {
            return "不是有效的网址：" + address;
        }
    }

    /** Collects the report of the year {@code year} from {@code address}. */
    public Collected collect(String address, int year) throws Failure, InterruptedException {
        List<Fetched> fetched = new ArrayList<>();
        URI next;
        try {
            next = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new Failure("报告地址不是有效的网址：" + address, fetched);
        }
        for (int page = 0; page <= settings.maxPages(); page++) {
            Fetched f = fetch(next, fetched, page == 0 ? "报告地址" : "报告页面");
            Readers.Kind kind = Readers.kind(f.body());
            if (kind != Readers.Kind.HTML) {
                if (kind == Readers.Kind.UNSUPPORTED || kind == Readers.Kind.ARCHIVE) {
                    throw new Failure(f.uri() + " 给出的不是报告（" + (f.mediaType() == null ? "未知类型" : f.mediaType()) + "）", fetched);
                }
                return new Collected(fetched, f); // a PDF, Word or text file: the report itself
            }
            org.jsoup.nodes.Document html = ReportLinks.parse(f.body(), f.uri().toString());
            if (ReportLinks.isReport(html)) {
                return new Collected(fetched, f);
            }
            Optional<ReportLinks.Link> link = ReportLinks.best(html, year);
            if (link.isEmpty()) {
                throw new Failure("页面 " + f.uri() + " 既不是年度报告，也没有指向" + year + "年度报告或其附件的链接", fetched);
            }
            next = link.get().uri();
        }
        throw new Failure("从报告地址起跟随了 " + settings.maxPages() + " 个页面仍未找到报告", fetched);
    }

    /** One document, following redirects (each one checked), after the host's robots.txt and its turn. */
    private Fetched fetch(URI start, List<Fetched> fetched, String what) throws Failure, InterruptedException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String refused = policy.refusal(uri);
            if (refused != null) {
                throw new Failure(refused, fetched);
            }
            Robots rules = robots(uri, fetched);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!rules.allows(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())) {
                throw new Failure("网站的 robots.txt 不允许采集 " + uri, fetched);
            }
            Response r = get(uri, rules.crawlDelay(), settings.maxReportBytes(), fetched);
            if (r.status() >= 300 && r.status() < 400 && r.location() != null) {
                try {
                    uri = uri.resolve(new URI(r.location().strip().replace(" ", "%20")));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new Failure(uri + " 转向了无效的地址：" + r.location(), fetched);
                }
                continue;
            }
            if (r.status() != 200) {
                throw new Failure(what + " " + uri + " 返回 HTTP " + r.status() + statusWords(r.status()), fetched);
            }
            Fetched f = new Fetched(uri, r.at(), r.status(), r.mediaType(), r.body());
            fetched.add(f);
            if (Readers.kind(f.body()) == Readers.Kind.HTML && f.body().length > settings.maxPageBytes()) {
                throw new Failure("页面 " + uri + " 超过 " + megabytes(settings.maxPageBytes()) + " 的上限", fetched);
            }
            return f;
        }
        throw new Failure(start + " 转向超过 " + MAX_REDIRECTS + " 次", fetched);
    }

    private static String statusWords(int status) {
        return switch (status) {
            case 401, 403 -> "（网站拒绝访问）";
            case 404, 410 -> "（页面不存在）";
            case 429 -> "（网站要求放慢访问）";
            default -> status >= 500 ? "（网站出错）" : "";
        };
    }

    private record Response(int status, String location, String mediaType, byte[] body, Instant at) {
    }

    /** A GET in the host's turn, its body read up to {@code limit} bytes. */
    private Response get(URI uri, Duration crawlDelay, long limit, List<Fetched> fetched) throws Failure, InterruptedException {
        Duration pause = crawlDelay != null && crawlDelay.compareTo(settings.perHostInterval()) > 0 ? crawlDelay
                : settings.perHostInterval();
        pacer.await(hostKey(uri), pause);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("User-Agent", settings.userAgent() + "/1.0 (annual report assessment)")
                    .header("Accept", "text/html,application/pdf,application/msword,*/*;q=0.8").GET().build();
        } catch (IllegalArgumentException e) {
            throw new Failure("无法访问这个网址：" + uri, fetched);
        }
        Instant at = Instant.now();
        try {
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = answer.body()) {
                long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (length > limit) {
                    throw new Failure(uri + " 的文件有 " + megabytes(length) + "，超过 " + megabytes(limit) + " 的上限", fetched);
                }
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (body.length > limit) {
                    throw new Failure(uri + " 的文件超过 " + megabytes(limit) + " 的上限", fetched);
                }
                return new Response(answer.statusCode(), answer.headers().firstValue("Location").orElse(null),
                        answer.headers().firstValue("Content-Type").orElse(null), body, at);
            }
        } catch (HttpTimeoutException e) {
            throw new Failure(uri + " 在 " + settings.timeout().toSeconds() + " 秒内没有答复", fetched);
        } catch (IOException e) {
            throw new Failure("无法连接 " + uri.getHost() + "：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    fetched);
        }
    }

    /** The site's robots.txt (by host), read once an hour: 4xx allows everything, 5xx or no answer nothing (RFC 9309). */
    private Robots robots(URI uri, List<Fetched> fetched) throws InterruptedException, Failure {
        String key = hostKey(uri);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) { // read once, whichever thread asks first
            KeptRobots kept = robots.get(key);
            if (kept != null && kept.until().isAfter(Instant.now())) {
                return kept.robots();
            }
            return readRobots(uri, key, fetched);
        }
    }

    private Robots readRobots(URI uri, String key, List<Fetched> fetched) throws InterruptedException, Failure {
        URI at = uri.resolve("/robots.txt");
        Robots rules;
        try {
            Response r = get(at, null, 512 * 1024, fetched);
            if (r.status() >= 200 && r.status() < 300) {
                rules = Robots.parse(new String(r.body(), StandardCharsets.UTF_8), settings.userAgent());
            } else if (r.status() >= 300 && r.status() < 500) {
                rules = Robots.ALLOW_ALL; // none there (a redirect is not followed: treated as none)
            } else {
                throw new Failure("网站的 robots.txt 无法读取（HTTP " + r.status() + "），按约定暂不采集 " + uri.getHost(), fetched);
            }
        } catch (Failure e) {
            if (e.getMessage().startsWith("网站的 robots.txt")) {
                throw e;
            }
            throw new Failure("网站的 robots.txt 无法读取（" + e.getMessage() + "），按约定暂不采集 " + uri.getHost(), fetched);
        }
        robots.put(key, new KeptRobots(rules, Instant.now().plus(ROBOTS_KEPT)));
        return rules;
    }

    private static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1024.0 / 1024.0).replace(".0 MB", " MB")
                : (bytes / 1024) + " KB";
    }
}
