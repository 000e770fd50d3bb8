package heard.query.followup;

/** An address as staff may see it: enough to tell two apart, never enough to write to. */
final class MaskedAddress {
    private MaskedAddress() {
    }

    static String of(String address) {
        int at = address.lastIndexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        return address.length() <= 4 ? "***" : address.substring(0, 3) + "***" + address.substring(address.length() - 2);
    }

    /** A gateway's or mail server's words about a failure, with the address in them masked. */
    static String inCause(String cause, String address) {
        return cause == null ? null : cause.replace(address, of(address));
    }
}
