package heard.query.pages;

import heard.forms.FormTokens;
import heard.query.decision.DecisionReader;
import heard.query.decision.DecisionSummary;
import heard.query.initiative.InitiativeViews;
import heard.query.learnings.LearningEntry;
import heard.query.learnings.LearningFeed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public pages: the open questions, the feedback form of each, and its "you said, we did" feed. */
@Controller
class InitiativePages {
    /** The fields the form's target names in {@code ?error=}; anything else is shown as a general problem. */
    static final Set<String> FORM_FIELDS = Set.of("text", "language", "stakeholderGroup", "contact", "email",
            "mobile");
    /** Problems with the whole form rather than one field: too many from one network, a stale or foreign form. */
    static final Set<String> FORM_PROBLEMS = Set.of("busy", "expired");

    private final InitiativeViews initiatives;
    private final LearningFeed learnings;
    private final DecisionReader decisions;
    private final PageLinks links;
    private final FormTokens forms;

    InitiativePages(InitiativeViews initiatives, LearningFeed learnings, DecisionReader decisions, PageLinks links,
            FormTokens forms) {
        this.initiatives = initiatives;
        this.learnings = learnings;
        this.decisions = decisions;
        this.links = links;
        this.forms = forms;
    }

    @GetMapping("/")
    ModelAndView home(@RequestParam(required = false) String error) {
        return new ModelAndView("home")
                .addObject("initiatives", initiatives.findAllByOrderByLaunchedAtDesc())
                .addObject("error", error == null ? null : "initiative".equals(error) ? "initiative" : "other");
    }

    /**
     * The feedback form, or, after a form was sent twice ({@code error=sent}: its first post was taken and
     * the second recorded nothing), a page that says so and links to a fresh form.
     */
    @GetMapping("/i/{initiativeId}")
    ModelAndView form(@PathVariable String initiativeId, @RequestParam(required = false) String error,
            HttpServletRequest request, Locale locale) {
        if ("sent".equals(error)) {
            return initiatives.findById(initiativeId)
                    .map(initiative -> new ModelAndView("form-sent").addObject("initiative", initiative))
                    .orElseGet(Pages::notFound);
        }
        return initiatives.findById(initiativeId)
                .map(initiative -> new ModelAndView("feedback-form")
                        .addObject("feedbackFormPage", true)
                        .addObject("initiative", initiative)
                        .addObject("action", links.commandTarget(request, "i", initiativeId, "feedback"))
                        .addObject("formToken", forms.issue(FormTokens.feedbackForm(initiativeId)))
                        .addObject("languages", LanguageOption.of(initiative.languages(), locale))
                        .addObject("promise", Promise.of(initiative.acknowledgeWithinHours()))
                        .addObject("error", error == null ? null
                                : FORM_FIELDS.contains(error) || FORM_PROBLEMS.contains(error) ? error : "other"))
                .orElseGet(Pages::notFound);
    }

    @GetMapping("/i/{initiativeId}/learnings")
    ModelAndView learnings(@PathVariable String initiativeId) {
        return initiatives.findById(initiativeId)
                .map(initiative -> {
                    List<LearningEntry> published = learnings.of(initiativeId);
                    return new ModelAndView("learnings")
                            .addObject("initiative", initiative)
                            .addObject("learnings", published)
                            .addObject("decisions", decisionsBehind(initiativeId, published));
                })
                .orElseGet(Pages::notFound);
    }

    /** The decisions each learning names, by learning id; a decision the read side has not seen yet is left out. */
    private Map<String, List<DecisionSummary>> decisionsBehind(String initiativeId, List<LearningEntry> published) {
        Map<String, DecisionSummary> byId = decisions.ofInitiative(initiativeId).stream()
                .collect(Collectors.toMap(DecisionSummary::decisionId, Function.identity()));
        return published.stream().collect(Collectors.toMap(LearningEntry::learningId, learning -> learning.decisionIds()
                .stream().filter(byId::containsKey).map(byId::get).toList()));
    }

    /** A choice of the language the participant writes in, each named in itself ("Español"). */
    record LanguageOption(String code, String name, boolean selected) {
        static List<LanguageOption> of(List<String> codes, Locale page) {
            String preferred = codes.contains(page.getLanguage()) ? page.getLanguage() : codes.get(0);
            return codes.stream().map(code -> new LanguageOption(code, endonym(code), code.equals(preferred))).toList();
        }

        private static String endonym(String code) {
            Locale language = Locale.forLanguageTag(code);
            String name = language.getDisplayName(language);
            if (name.isBlank() || name.equalsIgnoreCase(code)) {
                return code;
            }
            return name.substring(0, 1).toUpperCase(language) + name.substring(1);
        }
    }

    /** The acknowledgement promise, in days when it is a whole number of them. */
    record Promise(String unit, int amount) {
        static Promise of(int hours) {
            return hours % 24 == 0 ? new Promise("days", hours / 24) : new Promise("hours", hours);
        }
    }
}
