package heard.query.pages;

import heard.events.FeedbackStatus;
import heard.events.ReceiptTokens;
import heard.events.StakeholderGroup;
import heard.forms.FormTokens;
import heard.query.followup.FollowUpContacts;
import heard.query.initiative.InitiativeView;
import heard.query.initiative.InitiativeViews;
import heard.query.receipt.ReturnedLearning;
import heard.query.receipt.ReturnedLearningReader;
import heard.query.receipt.StepKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The participant's own page, opened by the receipt token in its address: what they said, where it
 * stands, every step of the loop, and, when a summary awaits them, the means to confirm or correct it.
 * The address is a secret: the page is never cached, never sends it on as a referrer, and the token
 * is never logged. It opens in the language the feedback was written in, unless the participant chose another.
 */
@Controller
class ReceiptPage {
    /** The fields the answer form's target names in {@code ?error=}; anything else is a general problem. */
    static final Set<String> ANSWER_PROBLEMS = Set.of("correction", "answer", "busy", "expired", "forget",
            "sent");

    private final ReturnedLearningReader reader;
    private final InitiativeViews initiatives;
    private final PageLinks links;
    private final Clock clock;
    private final FormTokens forms;
    private final FollowUpContacts followUps;

    ReceiptPage(ReturnedLearningReader reader, InitiativeViews initiatives, PageLinks links, FormTokens forms,
            FollowUpContacts followUps) {
        this.followUps = followUps;
        this.reader = reader;
        this.initiatives = initiatives;
        this.links = links;
        this.clock = Clock.systemUTC();
        this.forms = forms;
    }

    @GetMapping("/r/{receiptToken}")
    ModelAndView receipt(@PathVariable String receiptToken,
            @RequestParam(required = false) String submitted,
            @RequestParam(required = false) String answered,
            @RequestParam(required = false) String forgotten,
            @RequestParam(required = false) String followUp,
            @RequestParam(required = false) String error,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        boolean justSubmitted = "true".equals(submitted);
        Optional<ReturnedLearning> found = reader.open(receiptToken);
        if (found.isEmpty()) {
            if (justSubmitted && ReceiptTokens.isWellFormed(receiptToken)) {
                // The submission was accepted; its projection has not caught up yet.
                return new ModelAndView("receipt-pending").addObject("privatePage", true)
                        .addObject("receiptUrl", links.receiptUrl(receiptToken));
            }
            return Pages.notFound().addObject("privatePage", true).addObject("receipt", true);
        }
        ReturnedLearning returned = found.get();
        PageLocales.preferUnlessChosen(request, returned.language());
        Optional<InitiativeView> initiative = initiatives.findById(returned.initiativeId());
        boolean justAnswered = "true".equals(answered);
        return new ModelAndView("receipt")
                .addObject("privatePage", true)
                .addObject("r", returned)
                .addObject("groupName", initiative.flatMap(i -> i.stakeholderGroups().stream()
                        .filter(g -> g.code().equals(returned.stakeholderGroup())).findFirst())
                        .map(StakeholderGroup::name).orElse(null))
                .addObject("guidingQuestion", initiative.map(InitiativeView::guidingQuestion).orElse(null))
                .addObject("submitted", justSubmitted)
                .addObject("answered", justAnswered)
                .addObject("forgotten", "true".equals(forgotten) && returned.forgottenAt() != null)
                .addObject("receiptUrl", links.receiptUrl(receiptToken))
                .addObject("late", returned.status() == FeedbackStatus.SUBMITTED && returned.acknowledgeBy() != null
                        && returned.acknowledgeBy().isBefore(Instant.now(clock)))
                .addObject("promiseKept", returned.timeline().stream()
                        .filter(step -> step.step() == StepKind.ACKNOWLEDGED).findFirst()
                        .map(step -> returned.acknowledgeBy() != null && !step.at().isAfter(returned.acknowledgeBy()))
                        .orElse(false))
                .addObject("awaiting", justAnswered ? null : awaitingAnswer(returned))
                .addObject("answerAction", links.commandTarget(request, "r", receiptToken, "answer"))
                .addObject("forgetAction", links.commandTarget(request, "r", receiptToken, "forget"))
                .addObject("followUps", returned.forgottenAt() != null ? List.of()
                        : followUps.choices(returned.feedbackId()))
                .addObject("followUpStopped", "stopped".equals(followUp))
                .addObject("followUpResumed", "resumed".equals(followUp))
                .addObject("stopAction", links.commandTarget(request, "r", receiptToken, "follow-up", "stop"))
                .addObject("resumeAction", links.commandTarget(request, "r", receiptToken, "follow-up", "resume"))
                .addObject("formToken", forms.issue(FormTokens.answerForm(returned.feedbackId())))
                .addObject("error", error == null ? null : ANSWER_PROBLEMS.contains(error) ? error : "other");
    }

    /**
     * The summary to confirm or correct, unless the timeline already holds the answer: the feed's
     * status and its steps are read one after the other, so for a moment after an answer the status
     * may still say the summary waits while the timeline shows it answered.
     */
    private static String awaitingAnswer(ReturnedLearning returned) {
        String summary = returned.summaryAwaitingAnswer();
        if (summary == null) {
            return null;
        }
        StepKind last = returned.timeline().stream().map(ReturnedLearning.Step::step)
                .filter(kind -> kind == StepKind.UNDERSTANDING_SUMMARIZED || kind == StepKind.UNDERSTANDING_CONFIRMED
                        || kind == StepKind.UNDERSTANDING_CORRECTED)
                .reduce((first, second) -> second).orElse(null);
        return last == StepKind.UNDERSTANDING_SUMMARIZED ? summary : null;
    }
}
