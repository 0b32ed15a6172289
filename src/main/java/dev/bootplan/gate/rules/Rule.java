package dev.bootplan.gate.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One thing a boot must meet. The rules file names the kind in {@code type}; every rule may carry a {@code name} that
 * outputs use instead of the generated description. Judging lives in {@code dev.bootplan.gate.Judge}; a rule is data.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MilestoneDeadline.class, name = MilestoneDeadline.TYPE),
    @JsonSubTypes.Type(value = NoFindings.class, name = NoFindings.TYPE),
    @JsonSubTypes.Type(value = DeviceLimitHeadroom.class, name = DeviceLimitHeadroom.TYPE),
    @JsonSubTypes.Type(value = NoDeviceLost.class, name = NoDeviceLost.TYPE),
    @JsonSubTypes.Type(value = BaselineSlowdown.class, name = BaselineSlowdown.TYPE),
    @JsonSubTypes.Type(value = WithinNoise.class, name = WithinNoise.TYPE)
})
public sealed interface Rule
        permits MilestoneDeadline, NoFindings, DeviceLimitHeadroom, NoDeviceLost, BaselineSlowdown, WithinNoise {

    /** What is wrong with the rule as written (a missing or out-of-range value), each in plain words; empty when fine. */
    default List<String> problems() {
        return List.of();
    }

    /** The name the rules file gave, or null. */
    String name();

    /** The rule's {@code type} as written in the rules file. */
    String type();

    /** What the rule asks, in words, for outputs when it has no name. */
    String describe();

    /** The name if given, else the description. */
    default String label() {
        return name() != null && !name().isBlank() ? name() : describe();
    }
}
