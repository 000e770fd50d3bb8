package heard.query.config;

/**
 * The sequence of one aggregate's events within an initiative. Its hash is the initiative's, so every
 * event of an initiative goes to the same segment, in order, as projections of per-initiative figures
 * need; but it is parked, when a projection cannot store it, with its own aggregate's events only,
 * so the rest of the initiative goes on.
 */
record InitiativeSequence(String initiativeId, String aggregateId) {
    @Override
    public int hashCode() {
        return initiativeId.hashCode();
    }

    @Override
    public String toString() {
        return aggregateId;
    }
}
