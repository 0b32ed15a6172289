package dev.bootplan.gate.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bootplan.engine.plan.TimeSpan;

/** A systemd time span in a rules file ("30s", "1min 30s"), as the manifest writes durations; a bare number is refused. */
public record TimeLimit(String text, long micros) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TimeLimit of(String text) {
        return new TimeLimit(text, TimeSpan.parseMicros(text));
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
