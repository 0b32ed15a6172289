package dev.bootplan.gate.rules;

/**
 * No device lost: every device of the plan ends bound. A device udev's kill left failed, one still deferred, one never
 * probed, or one whose probe failed is lost to the machine's user.
 */
public record NoDeviceLost(String name) implements Rule {

    static final String TYPE = "no-device-lost";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return "no device lost";
    }
}
