package heard.query.pages;

import heard.events.FeedbackStatus;
import heard.events.StakeholderGroup;
import heard.forms.FormTokens;
import heard.query.inbox.InboxEntry;
import heard.query.inbox.InboxItems;
import heard.query.initiative.InitiativeView;
import heard.query.initiative.InitiativeViews;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The facilitator console: which question to work on, then its inbox (what came in, what is owed an
 * answer, what is overdue) with a form for each next step, and the summaries participants corrected.
 * Facilitators act; analysts read. The forms post to the command side, which comes back here.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR', 'ANALYST')")
class StaffPages {
    static final int PAGE_SIZE = 20;
    /** What the command side's forms say on the way back; anything else is shown as a general problem. */
    static final Set<String> DONE = Set.of("acknowledged", "summarized", "themed");
    static final Set<String> ERRORS = Set.of("message", "summary", "themes", "rule", "state", "missing", "expired",
            "sent");

    private final InitiativeViews initiatives;
    private final InboxItems items;
    private final PageLinks links;
    private final FormTokens forms;

    StaffPages(InitiativeViews initiatives, InboxItems items, PageLinks links, FormTokens forms) {
        this.initiatives = initiatives;
        this.items = items;
        this.links = links;
        this.forms = forms;
    }

    /** One submission as the console shows it, with where its forms post. */
    record StaffItem(InboxEntry entry, String groupName, String acknowledge, String understanding, String themes) {
    }

    /** The inbox's filters as given, each one checked. */
    record Filters(FeedbackStatus status, String group, Boolean overdue) {
        public String overdueValue() {
            return overdue == null ? "" : overdue.toString();
        }

        public boolean any() {
            return status != null || group != null || overdue != null;
        }
    }

    @GetMapping("/staff")
    ModelAndView home() {
        return new ModelAndView("staff-home").addObject("staffPage", true).addObject("initiatives", initiatives.findAllByOrderByLaunchedAtDesc());
    }

    @GetMapping("/staff/i/{initiativeId}")
    ModelAndView inbox(@PathVariable String initiativeId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String item,
            HttpServletRequest request, Authentication staff) {
        return initiatives.findById(initiativeId)
                .map(initiative -> {
                    Filters filters = new Filters(status(status), group(initiative, group), overdue(overdue));
                    return page(initiative, filters, pageNumber(page), false, done, error, item, request, staff);
                })
                .orElseGet(Pages::notFound);
    }

    /** The summaries participants said were wrong: each waits for a better one. */
    @GetMapping("/staff/i/{initiativeId}/corrected")
    ModelAndView corrected(@PathVariable String initiativeId,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String item,
            HttpServletRequest request, Authentication staff) {
        return initiatives.findById(initiativeId)
                .map(initiative -> page(initiative, new Filters(FeedbackStatus.CORRECTED, null, null),
                        pageNumber(page), true, done, error, item, request, staff))
                .orElseGet(Pages::notFound);
    }

    private ModelAndView page(InitiativeView initiative, Filters filters, int pageNumber, boolean correctedOnly,
            String done, String error, String item, HttpServletRequest request, Authentication staff) {
        Instant now = Instant.now();
        Page<InboxEntry> found = items.find(initiative.initiativeId(), filters.status(), filters.group(),
                filters.overdue(), now, PageRequest.of(pageNumber, PAGE_SIZE)).map(i -> i.toEntry(now));
        Map<String, String> groupNames = initiative.stakeholderGroups().stream()
                .collect(Collectors.toMap(StakeholderGroup::code, StakeholderGroup::name, (a, b) -> a));
        List<StaffItem> shown = found.getContent().stream().map(entry -> new StaffItem(entry,
                groupNames.getOrDefault(entry.stakeholderGroup(), entry.stakeholderGroup()),
                links.commandTarget(request, "staff", "feedback", entry.feedbackId(), "acknowledgement"),
                links.commandTarget(request, "staff", "feedback", entry.feedbackId(), "understanding"),
                links.commandTarget(request, "staff", "feedback", entry.feedbackId(), "themes"))).toList();
        boolean facilitator = staff.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_FACILITATOR".equals(authority.getAuthority()));
        return new ModelAndView("staff-inbox")
                .addObject("staffPage", true)
                .addObject("initiative", initiative)
                .addObject("correctedOnly", correctedOnly)
                .addObject("items", shown)
                .addObject("filters", filters)
                .addObject("statuses", FeedbackStatus.values())
                .addObject("page", found)
                .addObject("canAct", facilitator)
                .addObject("returnTo", returnTo(request))
                .addObject("formToken", facilitator ? forms.issue(FormTokens.staffForms(staff.getName())) : null)
                .addObject("previousPage", found.hasPrevious() ? pageLink(request, pageNumber - 1) : null)
                .addObject("nextPage", found.hasNext() ? pageLink(request, pageNumber + 1) : null)
                .addObject("done", done != null && DONE.contains(done) ? done : null)
                .addObject("error", error == null ? null : ERRORS.contains(error) ? error : "other")
                .addObject("item", item);
    }

    /** This page as the forms' target should come back to it: its filters and page, without the last notice. */
    private static String returnTo(HttpServletRequest request) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getQueryString() != null) {
            back.query(request.getQueryString());
        }
        return back.replaceQueryParam("done").replaceQueryParam("error").replaceQueryParam("item")
                .build().toUriString();
    }

    /** Another page of the same list, with the same filters. */
    private static String pageLink(HttpServletRequest request, int number) {
        return request.getContextPath() + UriComponentsBuilder.fromUriString(returnTo(request))
                .replaceQueryParam("page", number).build().toUriString();
    }

    private static FeedbackStatus status(String status) {
        return Arrays.stream(FeedbackStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    private static String group(InitiativeView initiative, String group) {
        return initiative.stakeholderGroups().stream().map(StakeholderGroup::code).filter(c -> c.equals(group))
                .findFirst().orElse(null);
    }

    private static Boolean overdue(String overdue) {
        return "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
    }

    private static int pageNumber(String page) {
        return page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
    }

}
