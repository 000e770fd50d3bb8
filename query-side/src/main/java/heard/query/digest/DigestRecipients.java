package heard.query.digest;

import heard.limits.InputLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who receives the daily digest: each user in configuration with the FACILITATOR role and an e-mail address
 * ({@code heard.security.users.<name>.email}), written to in {@code heard.security.users.<name>.language}
 * (en or es; en unless set).
 */
@ConfigurationProperties("heard.security")
public record DigestRecipients(Map<String, Member> users) {
    public record Member(List<String> roles, String email, String language) {
    }

    record Recipient(String name, String email, String language) {
    }

    public DigestRecipients {
        users = users == null ? Map.of() : users;
    }

    List<String> names() {
        return users.keySet().stream().sorted().filter(name -> find(name).isPresent()).toList();
    }

    Optional<Recipient> find(String name) {
        Member member = users.get(name);
        if (member == null || member.email() == null || member.email().isBlank() || member.roles() == null
                || !member.roles().contains("FACILITATOR") || name.length() > InputLimits.ACCOUNT_NAME) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(name, member.email().strip(),
                "es".equals(member.language()) ? "es" : "en"));
    }
}
