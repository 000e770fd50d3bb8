package heard.events;

public enum StakeholderRole { BENEFICIARY, PROVIDER, LEADER, COMMUNITY }
