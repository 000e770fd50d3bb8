package heard.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/** Whom a per-address limit counts: one IPv4 address, or an IPv6 address's /64 network, which one household or phone holds whole. */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.contains(":")) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : remoteAddress;
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
