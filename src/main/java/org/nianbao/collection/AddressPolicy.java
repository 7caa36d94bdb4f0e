package org.nianbao.collection;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses the service may fetch: http or https only, a host the administrator allows ({@code *.gov.cn}
 * allows every host under gov.cn and gov.cn itself; {@code www.example.org} that host alone), and never an address
 * inside the service's own network — loopback, private, link-local, carrier-grade NAT, unique-local, multicast or
 * unspecified — unless the administrator lists that address ({@code nianbao.collect.allowed-addresses}, for a test
 * server). Every address the host resolves to is checked, at each redirect again.
 */
public final class AddressPolicy {

    private final List<String> hosts;
    private final List<String> addresses;

    public AddressPolicy(List<String> hosts, List<String> addresses) {
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.addresses = List.copyOf(addresses);
    }

    /** Why the address may not be fetched (Chinese, for the committee), or null when it may. */
    public String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "只采集 http 或 https 网址：" + uri;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "网址中没有主机名：" + uri;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (hosts.isEmpty()) {
            return "管理员尚未设置允许采集的网站（nianbao.collect.allowed-hosts），不采集 " + host;
        }
        if (!hostAllowed(host)) {
            return "网站 " + host + " 不在允许采集的范围内（" + String.join("、", hosts) + "）";
        }
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "无法解析网站 " + host + " 的地址（域名不存在或暂时无法解析）";
        }
        for (InetAddress a : resolved) {
            if (isInternal(a) && !listed(a)) {
                return "网站 " + host + " 解析到内部网络地址 " + a.getHostAddress() + "，不采集";
            }
        }
        return null;
    }

    boolean hostAllowed(String host) {
        for (String pattern : hosts) {
            if (pattern.startsWith("*.")) {
                String domain = pattern.substring(2);
                if (host.equals(domain) || host.endsWith("." + domain)) {
                    return true;
                }
            } else if (host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private boolean listed(InetAddress a) {
        for (String allowed : addresses) {
            try {
                if (InetAddress.getByName(allowed).equals(a)) {
                    return true;
                }
            } catch (UnknownHostException e) {
                // a listed name that no longer resolves allows nothing
            }
        }
        return false;
    }

    /** An address of the service's own network, or none at all. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64.0.0/10
                    || first == 198 && (second == 18 || second == 19)       // benchmarking 198.18.0.0/15
                    || first >= 240;                                          // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
