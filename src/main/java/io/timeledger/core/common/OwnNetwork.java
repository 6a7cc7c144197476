package io.timeledger.core.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The addresses the server may not reach out to on an account's say-so — this host and its
 * private network — so that an import's source or a webhook's receiver cannot be aimed at what
 * only the server itself can reach (a database, a cloud's metadata service): no SSRF. An operator
 * whose receivers live there allows them with a setting.
 */
public final class OwnNetwork {

    private OwnNetwork() { }

    /** Loopback, private (RFC 1918, fc00::/7), link-local, shared (100.64/10), any and multicast addresses. */
    public static boolean includes(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    /**
     * The host's addresses, refused with {@link Invalid} on {@code field} when it cannot be found or
     * when any of them is of this network and {@code allowed} is false; {@code setting} names what
     * allows them.
     */
    public static InetAddress[] resolve(String host, boolean allowed, String field, String setting) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Invalid(field, "names no host that can be found: " + host);
        }
        if (!allowed) {
            for (var address : addresses) {
                if (includes(address)) {
                    throw new Invalid(field, "is an address of this server's own network (" + address.getHostAddress()
                        + "), which the server may not reach on an account's behalf (the operator allows it with "
                        + setting + ")");
                }
            }
        }
        return addresses;
    }

    /** {@link #resolve} for an address's host; refused when it has none. */
    public static void requireReachable(URI uri, boolean allowed, String field, String setting, String example) {
        if (uri.getHost() == null) {
            throw new Invalid(field, "is not an address, such as " + example);
        }
        resolve(uri.getHost(), allowed, field, setting);
    }
}
