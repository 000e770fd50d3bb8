package heard.events;

/** A group whose voice an initiative seeks, with its share of the population (0..1). */
public record StakeholderGroup(String code, String name, StakeholderRole role, double populationShare) {
}
