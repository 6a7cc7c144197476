package io.timeledger.core.time;

/** The level of the one rate chain (decision 006) that set an entry's rate, as a person reads it. */
public enum RateLevel {
    JOB("the job's price"),
    TASK_ON_PROJECT("the task's rate on this project"),
    TASK("the task's rate"),
    PROJECT("the project's rate"),
    CLIENT("the client's rate"),
    PERSON_ON_PROJECT("the person's rate on this project"),
    PERSON("the person's own rate"),
    NONE("no rate is set at any level");

    private final String words;

    RateLevel(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
