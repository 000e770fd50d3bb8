package bench.crud;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The submission endpoint of Heard's write API, with the same body, limits and answer. */
@RestController
class FeedbackController {
    enum Channel { WEB, SMS, EMAIL, MEETING, SURVEY, PHONE, PAPER }

    record SubmitRequest(
            @NotBlank @Size(max = 20_000) String text,
            @NotNull Channel channel,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String language,
            @NotBlank @Size(max = 40) String stakeholderGroup,
            @Size(max = 320) String contact,
            Boolean followUpConsent) {
    }

    record LaunchRequest(@NotBlank @Size(max = 200) String title, @NotEmpty List<@NotBlank String> groups) {
    }

    private final FeedbackTable table;

    FeedbackController(FeedbackTable table) {
        this.table = table;
    }

    @PostMapping("/api/initiatives")
    ResponseEntity<Map<String, String>> launch(@Valid @RequestBody LaunchRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("initiativeId", table.launch(request.title(), request.groups())));
    }

    @PostMapping("/api/initiatives/{initiativeId}/feedback")
    ResponseEntity<Map<String, String>> submit(@PathVariable String initiativeId,
            @Valid @RequestBody SubmitRequest request) {
        FeedbackTable.Stored stored = table.submit(initiativeId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/feedback/" + stored.feedbackId()))
                .body(Map.of("feedbackId", stored.feedbackId(), "receiptToken", stored.receiptToken(),
                        "receiptUrl", "http://localhost/r/" + stored.receiptToken()));
    }

    @ExceptionHandler(FeedbackTable.UnknownGroup.class)
    ResponseEntity<Map<String, String>> unknown(FeedbackTable.UnknownGroup e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("title", e.getMessage()));
    }
}
