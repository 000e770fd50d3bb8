package heard.command.catalog;

import java.util.Set;

public record InitiativeFacts(Set<String> groupCodes, int acknowledgeWithinHours) {
}
