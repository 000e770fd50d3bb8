package heard.command.followup;

import heard.events.FollowUpChannel;

/** Where a participant asked to be followed up: an e-mail address, or a mobile number in E.164. */
public record FollowUpAddress(FollowUpChannel channel, String address) {
}
