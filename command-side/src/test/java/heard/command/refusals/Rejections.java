package heard.command.refusals;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the ways a command is refused, for {@code expectException(...)}. */
public final class Rejections {
    private Rejections() {
    }

    /** A {@link RuleViolation} that names the field to fix. */
    public static Matcher<Throwable> ruleViolationOn(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof RuleViolation violation && field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation on the field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e.getClass().getSimpleName());
                if (e instanceof RuleViolation violation) {
                    description.appendText(" on the field ").appendValue(violation.field());
                }
                description.appendText(": ").appendValue(e.getMessage());
            }
        };
    }
}
