package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.BARE_MODALIAS;
import static dev.bootplan.ingest.modules.ModulesIssueKind.MALFORMED_DEVICE;

import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A machine's devices as {@code find /sys/devices -name modalias -exec grep -H . {} +} prints them:
 * {@code /sys/devices/pci0000:00/0000:00:02.0/virtio1/modalias:virtio:d00000002v00001AF4}. A device is named
 * after its sysfs directory ({@code virtio1}: the directory's name is {@code dev_name()}), and its parent is the
 * nearest ancestor directory that is itself a device of the list ({@code 0000:00:02.0}).
 *
 * <p>A line holding only a modalias ({@code virtio:d00000002v00001AF4}, e.g. from {@code cat …/modalias}) is
 * accepted too. It has no path, so its device is named {@code <bus>@<line>} ({@code virtio@7}: the modalias's
 * bus prefix and the line it is on, unique and traceable) and has no parent.
 */
record MachineDevices(List<Device> devices) {

    /**
     * One device: its name, sysfs directory (null for a bare modalias), modalias, where it is, and the index of
     * its parent in {@link #devices} (-1 for none).
     */
    record Device(String name, String path, String modalias, int line, int parent) {}

    private static final String MARK = "/modalias:";
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+:\\S*");

    MachineDevices {
        devices = List.copyOf(devices);
    }

    static MachineDevices empty() {
        return new MachineDevices(List.of());
    }

    /** Reads the list; a line in neither form, or with an empty modalias, is skipped. */
    static MachineDevices read(Reader in, int maxChars, Issues issues) {
        List<Device> read = new ArrayList<>();
        boolean[] bareNoted = {false};
        Records.eachLine(in, maxChars, issues, r -> {
            String text = r.text().strip();
            int mark = text.indexOf(MARK);
            if (mark >= 0) {
                String path = text.substring(0, mark);
                String name = path.substring(path.lastIndexOf('/') + 1);
                String modalias = text.substring(mark + MARK.length());
                if (name.isEmpty() || modalias.isEmpty() || path.chars().anyMatch(Character::isWhitespace)) {
                    issues.add(r.line(), 1, MALFORMED_DEVICE, Words.quote(text)
                            + " needs a sysfs directory and a modalias after \"/modalias:\"; skipped");
                } else {
                    read.add(new Device(name, path, modalias, r.line(), -1));
                }
            } else if (BARE.matcher(text).matches()) {
                String name = text.substring(0, text.indexOf(':')) + "@" + r.line();
                if (!bareNoted[0]) {
                    bareNoted[0] = true;
                    issues.add(r.line(), 1, BARE_MODALIAS, "a modalias without its sysfs path: its device is named "
                            + name + " (bus@line) and has no parent; so are later ones");
                }
                read.add(new Device(name, null, text, r.line(), -1));
            } else {
                issues.add(r.line(), 1, MALFORMED_DEVICE, Words.quote(text)
                        + " is neither <sysfs dir>/modalias:<modalias> nor a modalias; skipped");
            }
        });
        return new MachineDevices(withParents(read));
    }

    /** Each device's nearest ancestor directory that is a device of the list. */
    private static List<Device> withParents(List<Device> devices) {
        Map<String, Integer> byPath = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).path() != null) {
                byPath.putIfAbsent(devices.get(i).path(), i);
            }
        }
        List<Device> out = new ArrayList<>(devices.size());
        for (Device d : devices) {
            int parent = -1;
            String dir = d.path();
            while (parent < 0 && dir != null && dir.lastIndexOf('/') > 0) {
                dir = dir.substring(0, dir.lastIndexOf('/'));
                parent = byPath.getOrDefault(dir, -1);
            }
            out.add(new Device(d.name(), d.path(), d.modalias(), d.line(), parent));
        }
        return out;
    }
}
